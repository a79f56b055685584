import { memo } from 'react'
import type { NodeLayout } from './geometry'

const LABEL_LINE = 24
const DETAIL_LINE = 20

/** A node of the stage (caller, Invoke API, queue, poller, shard, destination ...) with its "+K" counter. */
export const NodeBox = memo(function NodeBox({ layout }: { layout: NodeLayout }) {
  const { node, x, y, w, h, hidden, labelLines, detailLines } = layout
  const detailY = y + 32 + (labelLines.length - 1) * LABEL_LINE + 24
  return (
    <g className={`lem-node lem-node--${node.kind}`} data-node-id={node.id}>
      <rect className="lem-node-box" x={x} y={y} width={w} height={h} rx={14} />
      <text className="lem-node-label" x={x + 16} y={y + 32}>
        {labelLines.map((line, i) => (
          <tspan key={i} x={x + 16} dy={i === 0 ? 0 : LABEL_LINE}>
            {line}
          </tspan>
        ))}
        <title>{node.label}</title>
      </text>
      <text className="lem-node-detail" x={x + 16} y={detailY}>
        {detailLines.map((line, i) => (
          <tspan key={i} x={x + 16} dy={i === 0 ? 0 : DETAIL_LINE}>
            {line}
          </tspan>
        ))}
        <title>{node.detail}</title>
      </text>
      {hidden > 0 && (
        <text className="lem-node-more" x={x + w - 16} y={y + h - 14} textAnchor="end">
          +{hidden}
        </text>
      )}
    </g>
  )
})
