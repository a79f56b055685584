import { memo } from 'react'
import type { StageGauge } from '../engine'
import type { Box } from './geometry'

/** ConcurrentExecutions against the function's cap, with provisioned concurrency marked. */
export const Gauge = memo(function Gauge({ gauge, box }: { gauge: StageGauge; box: Box }) {
  const { busy, cap, reserved, provisioned } = gauge
  const frac = cap > 0 ? Math.min(1, busy / cap) : 1
  const label = reserved !== null ? `reserved ${reserved}` : `account limit ${gauge.account}`
  const barY = box.y + 24
  const full = busy >= cap
  return (
    <g className={`lem-gauge${full ? ' lem-gauge--full' : ''}`} aria-label={`Concurrency: ${busy} busy of ${cap} (${label})`} role="img">
      <text className="lem-gauge-text" x={box.x} y={box.y + 14}>
        Concurrency {busy} / {cap} <tspan className="lem-gauge-sub">({label}{provisioned > 0 ? `, provisioned ${provisioned}` : ''})</tspan>
      </text>
      <rect className="lem-gauge-track" x={box.x} y={barY} width={box.w} height={12} rx={6} />
      <rect className="lem-gauge-fill" x={box.x} y={barY} width={Math.max(busy > 0 ? 6 : 0, box.w * frac)} height={12} rx={6} />
      {provisioned > 0 && cap > 0 && (
        <line className="lem-gauge-pc" x1={box.x + (box.w * Math.min(provisioned, cap)) / cap} x2={box.x + (box.w * Math.min(provisioned, cap)) / cap} y1={barY - 4} y2={barY + 16} />
      )}
    </g>
  )
})
