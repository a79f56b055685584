import { memo } from 'react'
import { sameProps } from './sameProps'
import { DETAIL_LINE, DETAIL_SIZE, LABEL_LINE, NODE_LABEL_Y, NODE_PAD, NODE_RX, NODE_TEXT_TOP } from './layout/metrics'
import type { NodeLayout } from './layout/types'
import { MoreBadge } from './MoreBadge'

/** A node of the stage (caller, Invoke API, queue, poller, shard, destination ...) with its "+K" counter. */
export const NodeBox = memo(function NodeBox({ layout }: { layout: NodeLayout }) {
  const { node, x, y, w, h, hidden, more, labelLines, detailLines } = layout
  const labelY = y + NODE_LABEL_Y
  const detailY = y + NODE_TEXT_TOP + labelLines.length * LABEL_LINE + DETAIL_SIZE
  const textX = x + NODE_PAD
  return (
    <g className={`lem-node lem-node--${node.kind}`} data-node-id={node.id}>
      <rect className="lem-node-box" x={x} y={y} width={w} height={h} rx={NODE_RX} />
      <text className="lem-node-label" x={textX} y={labelY}>
        {labelLines.map((line, i) => (
          <tspan key={i} x={textX} dy={i === 0 ? 0 : LABEL_LINE}>
            {line}
          </tspan>
        ))}
        <title>{node.label}</title>
      </text>
      <text className="lem-node-detail" x={textX} y={detailY}>
        {detailLines.map((line, i) => (
          <tspan key={i} x={textX} dy={i === 0 ? 0 : DETAIL_LINE}>
            {line}
          </tspan>
        ))}
        <title>{node.detail}</title>
      </text>
      {hidden > 0 && more && <MoreBadge x={more.x} y={more.y} count={hidden} what="more events here" />}
    </g>
  )
}, sameProps)
