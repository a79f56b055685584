import type { StageGauge } from '../../engine'
import type { Frame } from './columns'
import { BAND_GAP, GAUGE_CHAR, GAUGE_FULL, GAUGE_H, GAUGE_SUB_CHAR, GAUGE_TEXT_SLACK, STAGE_PAD } from './metrics'
import type { GaugeLayout } from './types'

/** The gauge's words, shared by the layout (to measure) and the Gauge component (to draw). */
export function gaugeText(g: StageGauge): { main: string; sub: string } {
  const label = g.reserved !== null ? `reserved ${g.reserved}` : `account limit ${g.account}`
  return {
    main: `Concurrency ${g.busy} / ${g.cap}`,
    sub: `(${label}${g.provisioned > 0 ? `, provisioned ${g.provisioned}` : ''})`,
  }
}

/**
 * The gauge, over the environments on wide screens (else across the stage), with its sub text on
 * a second line when one line would not fit. `height` includes the gap under it.
 */
export function placeGauge(gauge: StageGauge, f: Frame): { gauge: GaugeLayout; height: number } {
  const g = gaugeText(gauge)
  const overEnvs = f.horizontal && f.envIndex >= 0
  const w = overEnvs ? f.envW : f.inner
  const x = overEnvs ? f.envX : f.left
  const full = gauge.busy >= gauge.cap ? GAUGE_FULL.length : 0
  const twoLines = (g.main.length + full) * GAUGE_CHAR + g.sub.length * GAUGE_SUB_CHAR + GAUGE_TEXT_SLACK > w
  const height = twoLines ? GAUGE_H.two : GAUGE_H.one
  return { gauge: { x, y: STAGE_PAD, w, h: height - BAND_GAP, twoLines }, height }
}
