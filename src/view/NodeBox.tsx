import { memo } from 'react'
import { wrapText } from './geometry'
import type { NodeLayout } from './geometry'

/** A node of the stage (caller, Invoke API, queue, poller, shard, destination ...) with its "+K" counter. */
export const NodeBox = memo(function NodeBox({ layout }: { layout: NodeLayout }) {
  const { node, x, y, w, h, hidden } = layout
  return (
    <g className={`lem-node lem-node--${node.kind}`} data-node-id={node.id}>
      <rect className="lem-node-box" x={x} y={y} width={w} height={h} rx={14} />
      <text className="lem-node-label" x={x + 16} y={y + 32}>
        {wrapText(node.label, Math.floor((w - 24) / 11.5), 1)[0]}
      </text>
      <text className="lem-node-detail" x={x + 16} y={y + 56}>
        {wrapText(node.detail, Math.floor((w - 24) / 8), 2).map((line, i) => (
          <tspan key={i} x={x + 16} dy={i === 0 ? 0 : 19}>
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
