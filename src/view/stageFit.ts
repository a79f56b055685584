import { createContext, useMemo, useState } from 'react'
import type { StageModel } from '../engine'
import type { Orientation, StageLayout } from './geometry'
import { layoutStage } from './geometry'

/**
 * CSS pixels of height the stage may fill, when a wrapper wants it drawn as big as the screen
 * allows (presentation mode); null elsewhere.
 */
export const StageFitContext = createContext<number | null>(null)

/** Zoom levels tried, biggest first (type from 16 px up to about 26 px). */
export const ZOOMS = [1.6, 1.4, 1.2, 1] as const

/**
 * The layout at the biggest zoom from `ZOOMS[from]` on whose drawn height (at `px` CSS pixels
 * wide) fits `fitHeight`: laid out narrower, so it is drawn bigger. Pure.
 */
export function fittedLayout(stage: StageModel, orientation: Orientation, width: number, minWidth: number, px: number, fitHeight: number | null, from = 0): { layout: StageLayout; level: number } {
  const last = ZOOMS.length - 1
  if (fitHeight === null || orientation === 'vertical') return { layout: layoutStage(stage, orientation, width), level: last }
  for (let i = Math.min(from, last); i < last; i++) {
    const narrower = Math.max(minWidth, Math.round(width / ZOOMS[i]!))
    if (narrower >= width) continue
    const layout = layoutStage(stage, orientation, narrower)
    if (layout.height * (px / layout.width) <= fitHeight) return { layout, level: i }
  }
  return { layout: layoutStage(stage, orientation, width), level: last }
}

/**
 * fittedLayout with a zoom that only steps down during a run (a stage that grows taller zooms out
 * once rather than pumping in and out); back to the biggest at step 0 or when the size changes.
 */
export function useFittedLayout(stage: StageModel, step: number, orientation: Orientation, width: number, minWidth: number, px: number, fitHeight: number | null): StageLayout {
  const key = `${orientation}|${width}|${px}|${fitHeight}|${stage.nodes.map((n) => n.id).join(',')}`
  const [zoom, setZoom] = useState({ key, level: 0 })
  const from = zoom.key === key && step > 0 ? zoom.level : 0
  const fitted = useMemo(() => fittedLayout(stage, orientation, width, minWidth, px, fitHeight, from), [stage, orientation, width, minWidth, px, fitHeight, from])
  if (zoom.key !== key || zoom.level !== fitted.level) setZoom({ key, level: fitted.level })
  return fitted.layout
}
