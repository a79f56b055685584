import { memo } from 'react'
import { sameProps } from './sameProps'
import type { StageGauge } from '../engine'
import { gaugeText } from './layout/gauge'
import type { GaugeLayout } from './layout/types'

/** ConcurrentExecutions against the function's cap, with provisioned concurrency marked. */
export const Gauge = memo(function Gauge({ gauge, box }: { gauge: StageGauge; box: GaugeLayout }) {
  const { busy, cap, provisioned } = gauge
  const text = gaugeText(gauge)
  const frac = cap > 0 ? Math.min(1, busy / cap) : 1
  const barY = box.y + (box.twoLines ? 46 : 24)
  const full = busy >= cap
  return (
    <g
      className={`lem-gauge${full ? ' lem-gauge--full' : ''}`}
      aria-label={`${text.main} ${text.sub}${full ? ', full' : ''}`}
      role="img"
    >
      <text className="lem-gauge-text" x={box.x} y={box.y + 15}>
        {text.main}
        {full ? ' · full' : ''}
        {box.twoLines ? (
          <tspan className="lem-gauge-sub" x={box.x} dy={22}>
            {text.sub}
          </tspan>
        ) : (
          <tspan className="lem-gauge-sub"> {text.sub}</tspan>
        )}
      </text>
      <rect className="lem-gauge-track" x={box.x} y={barY} width={box.w} height={12} rx={6} />
      <rect
        className="lem-gauge-fill"
        x={box.x}
        y={barY}
        width={Math.max(busy > 0 ? 6 : 0, box.w * frac)}
        height={12}
        rx={6}
      />
      {provisioned > 0 && cap > 0 && (
        <line
          className="lem-gauge-pc"
          x1={box.x + (box.w * Math.min(provisioned, cap)) / cap}
          x2={box.x + (box.w * Math.min(provisioned, cap)) / cap}
          y1={barY - 4}
          y2={barY + 16}
        />
      )}
    </g>
  )
}, sameProps)
