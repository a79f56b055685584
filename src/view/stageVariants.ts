import { createContext } from 'react'
import type { StageModel } from '../engine'
import type { Orientation } from './layout/types'
import { minHorizontalWidth } from './layout/columns'
import { VERTICAL_BELOW } from './layout/metrics'
import './stageVariants.css'

/**
 * How an embed draws its stage so that the server's first frame is already the live one (no
 * layout jump, issue 12): the stage's width picks one of a few fixed layouts, and the drawing is
 * scaled to the width (its height is then the width times the layout's aspect, which CSS knows
 * without script). The server, and the first render before the width is measured, draw every
 * variant; stage.css shows the one whose range holds the stage box's width (a container query,
 * same ranges as here); once measured, only that one is drawn.
 *
 * Ranges: a vertical layout below 700 px (phones, narrow docs columns), a horizontal one from
 * 700 px, each at two design widths so the drawing stays within about 0.8x to 1.3x of 1:1.
 */
export interface StageVariant {
  /** Smallest stage box content width (CSS px) this variant is shown at; up to the next one's. */
  readonly from: number
  readonly orientation: Orientation
  /** Logical width the stage is laid out at (a horizontal one never narrower than its minimum). */
  readonly width: number
}

export const STAGE_VARIANTS: readonly StageVariant[] = [
  { from: 0, orientation: 'vertical', width: 400 },
  { from: 480, orientation: 'vertical', width: 560 },
  { from: VERTICAL_BELOW, orientation: 'horizontal', width: 860 },
  { from: 1100, orientation: 'horizontal', width: 1240 },
]

/** The variant shown for a stage box `px` CSS pixels wide (content box, unrounded, as the container query sees it). */
export function variantIndex(px: number): number {
  let i = 0
  while (i + 1 < STAGE_VARIANTS.length && px >= (STAGE_VARIANTS[i + 1]?.from ?? Infinity)) i++
  return i
}

/** The logical width a variant lays this stage out at. */
export function variantWidth(v: StageVariant, stage: StageModel): number {
  return v.orientation === 'horizontal' ? Math.max(minHorizontalWidth(stage), v.width) : v.width
}

/**
 * Inside an embed the stage is drawn by variant (see above) rather than at 1:1 of its measured
 * width, the variant picked by this function of the stage box's width (variantIndex, or the
 * compact layout's, which the embeds bring so the app does not carry it); null in the app.
 */
export type VariantPicker = (px: number) => number
export const StageVariantsContext = createContext<VariantPicker | null>(null)
