import { createContext, useMemo, useState } from 'react'
import type { StageModel } from '../engine'
import type { Orientation, StageLayout } from './layout/types'
import { layoutStage } from './layout/stage'

/**
 * The room a wrapper gives the stage: `height` CSS pixels it should fit in, and `minScale`, the
 * smallest on-screen scale it may be drawn at to fit (the smallest stage text outside tokens is
 * 16 units: 0.75 keeps it at 12 px, labels at 13.5; presentation mode asks for 1, never smaller
 * than 1:1). Null: drawn at the
 * container's width, however tall (embeds, the compare page).
 */
export interface StageFit {
  readonly height: number
  readonly minScale: number
  /**
   * Where a slot sized to the screen measured it (useStageRoom): the slot's height, and what the
   * stage's box draws around the drawing besides its foot. The legend folds by them (useLegendFold).
   */
  readonly slot?: number
  readonly chrome?: number
}

export const StageFitContext = createContext<StageFit | null>(null)

/** The smallest scale the app draws the stage at to keep it on one screen with its controls. */
export const READABLE_SCALE = 0.75

/**
 * Zoom levels tried, biggest first: above 1 the stage is laid out narrower and drawn bigger (a
 * projector); below 1 it is laid out wider, which makes it flatter, and drawn smaller (a laptop
 * screen that must also hold the caption and the controls).
 */
export const ZOOMS = [1.6, 1.4, 1.2, 1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7] as const

/** The index of 1:1 in ZOOMS. */
export const PLAIN = ZOOMS.indexOf(1)

/**
 * The index in ZOOMS of the flattest zoom fittedLayout may use for a stage `width` units wide
 * drawn `px` pixels wide: the smallest one still drawn at `minScale` or more (1:1 at least).
 */
export function flattestLevel(width: number, px: number, minScale: number): number {
  let level = PLAIN
  for (const [i, z] of ZOOMS.entries()) {
    if (i <= PLAIN) continue
    if (px / Math.round(width / z) < minScale) break
    level = i
  }
  return level
}

/**
 * The layout at the biggest zoom from `ZOOMS[from]` on whose drawn height (at `px` CSS pixels
 * wide) fits `fit.height`, never drawn below `fit.minScale` on screen. When nothing allowed fits,
 * the flattest allowed one (the stage's box then scrolls). Pure.
 */
export function fittedLayout(
  stage: StageModel,
  orientation: Orientation,
  width: number,
  minWidth: number,
  px: number,
  fit: StageFit | null,
  from = 0,
): { layout: StageLayout; level: number } {
  if (fit === null) return { layout: layoutStage(stage, orientation, width), level: PLAIN }
  let flattest: { layout: StageLayout; level: number } | null = null
  for (let i = Math.max(0, from); i < ZOOMS.length; i++) {
    const z = ZOOMS[i]
    if (z === undefined) break
    const logical = z === 1 ? width : Math.round(width / z)
    // Zooming in needs a horizontal layout with room to narrow; zooming out stops at the readable floor.
    if (z > 1 && (orientation === 'vertical' || Math.max(minWidth, logical) >= width)) continue
    if (z < 1 && px / logical < fit.minScale) break
    const layout = layoutStage(stage, orientation, Math.max(z > 1 ? minWidth : 0, logical))
    if (layout.height * (px / layout.width) <= fit.height) return { layout, level: i }
    flattest = { layout, level: i }
  }
  return flattest ?? { layout: layoutStage(stage, orientation, width), level: PLAIN }
}

/**
 * fittedLayout with a zoom that only steps down during a run (a stage that grows taller zooms out
 * once rather than pumping in and out); back to the biggest at step 0 or when the room changes.
 */
export function useFittedLayout(
  stage: StageModel,
  step: number,
  orientation: Orientation,
  width: number,
  minWidth: number,
  px: number,
  fit: StageFit | null,
): StageLayout {
  const key = `${orientation}|${width}|${px}|${fit?.height}|${fit?.minScale}|${stage.nodes.map((n) => n.id).join(',')}`
  const [zoom, setZoom] = useState({ key, level: 0 })
  const from = zoom.key === key && step > 0 ? zoom.level : 0
  const fitted = useMemo(
    () => fittedLayout(stage, orientation, width, minWidth, px, fit, from),
    [stage, orientation, width, minWidth, px, fit, from],
  )
  if (zoom.key !== key || zoom.level !== fitted.level) setZoom({ key, level: fitted.level })
  return fitted.layout
}
