import { memo } from 'react'
import { sameProps } from './sameProps'
import type { StageGauge } from '../engine'
import { gaugeText } from './layout/gauge'
import {
  GAUGE_BAR_H,
  GAUGE_BASELINE,
  GAUGE_FULL,
  GAUGE_MIN_FILL,
  GAUGE_PC_OVER,
  GAUGE_SUB_LINE,
} from './layout/metrics'
import type { GaugeLayout } from './layout/types'

/** ConcurrentExecutions against the function's cap, with provisioned concurrency marked. */
export const Gauge = memo(function Gauge({ gauge, box }: { gauge: StageGauge; box: GaugeLayout }) {
  const { busy, cap, provisioned } = gauge
  const text = gaugeText(gauge)
  const frac = cap > 0 ? Math.min(1, busy / cap) : 1
  // The bar fills the bottom of the gauge's box, under one or two lines of text.
  const barY = box.y + (box.h - GAUGE_BAR_H)
  const full = busy >= cap
  return (
    <g
      className={`lem-gauge${full ? ' lem-gauge--full' : ''}`}
      aria-label={`${text.main} ${text.sub}${full ? ', full' : ''}`}
      role="img"
    >
      <text className="lem-gauge-text" x={box.x} y={box.y + GAUGE_BASELINE}>
        {text.main}
        {full ? GAUGE_FULL : ''}
        {box.twoLines ? (
          <tspan className="lem-gauge-sub" x={box.x} dy={GAUGE_SUB_LINE}>
            {text.sub}
          </tspan>
        ) : (
          <tspan className="lem-gauge-sub"> {text.sub}</tspan>
        )}
      </text>
      <rect className="lem-gauge-track" x={box.x} y={barY} width={box.w} height={GAUGE_BAR_H} rx={GAUGE_BAR_H / 2} />
      <rect
        className="lem-gauge-fill"
        x={box.x}
        y={barY}
        width={Math.max(busy > 0 ? GAUGE_MIN_FILL : 0, box.w * frac)}
        height={GAUGE_BAR_H}
        rx={GAUGE_BAR_H / 2}
      />
      {provisioned > 0 && cap > 0 && (
        <line
          className="lem-gauge-pc"
          x1={box.x + (box.w * Math.min(provisioned, cap)) / cap}
          x2={box.x + (box.w * Math.min(provisioned, cap)) / cap}
          y1={barY - GAUGE_PC_OVER}
          y2={barY + GAUGE_BAR_H + GAUGE_PC_OVER}
        />
      )}
    </g>
  )
}, sameProps)
