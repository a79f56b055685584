import { useMemo, useState } from 'react'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'
import type { RefObject } from 'react'
import type { StageModel } from '../engine'
import { logicalWidth, minHorizontalWidth } from './layout/columns'
import { VERTICAL_BELOW } from './layout/metrics'
import { foldsLegend, MIN_ROOM, unfoldedRoom } from './legendFold'
import type { StageFit } from './stageFit'
import { fittedLayout, flattestLevel } from './stageFit'
import { useWidth } from './useWidth'

/**
 * Whether the legend folds behind its "Legend" button (see legendFold.ts): decided on a stage
 * fitted to a screen-sized slot, laid out across. The legend's unfolded height comes from `probe`,
 * a hidden copy that never folds, so folding never changes what the decision is made on. During a
 * run a folded legend stays folded (like the zoom, it steps one way: a stage that grows taller
 * folds it once rather than pumping it in and out); back to a fresh decision at step 0 or when the
 * room changes.
 */
export function useLegendFold(
  box: RefObject<HTMLElement | null>,
  probe: RefObject<HTMLElement | null>,
  stage: StageModel,
  step: number,
  fit: StageFit | null,
): boolean {
  const px = useWidth(box, 1000)
  const legend = useOuterHeight(probe)
  const slot = fit?.slot
  const chrome = fit?.chrome
  const minScale = fit?.minScale
  const key = `${px}|${slot}|${chrome}|${legend}|${minScale}|${stage.nodes.map((n) => n.id).join(',')}`
  const [held, setHeld] = useState(() => ({ key, folded: false }))
  const stays = held.key === key && step > 0 && held.folded
  const need = useMemo(() => {
    // Folded for the rest of the run: no need to lay the stage out a second time every step.
    if (stays) return true
    if (slot === undefined || chrome === undefined || minScale === undefined || legend === null) return false
    if (px < VERTICAL_BELOW) return false
    const min = minHorizontalWidth(stage)
    const width = logicalWidth(px, 'horizontal', min)
    const room = { height: Math.max(MIN_ROOM, unfoldedRoom({ slot, chrome, legend })), minScale }
    // Anything fits if the flattest allowed layout does: start there (one layout, not ten).
    const { layout } = fittedLayout(stage, 'horizontal', width, min, px, room, flattestLevel(width, px, minScale))
    return foldsLegend({ slot, chrome, legend, drawing: layout, scale: px / layout.width, minScale })
  }, [stays, slot, chrome, minScale, legend, px, stage])
  const folded = need || stays
  if (held.key !== key || held.folded !== folded) setHeld({ key, folded })
  return folded
}

/** An element's height with its vertical margins, tracked with ResizeObserver; null until measured. */
function useOuterHeight(ref: RefObject<HTMLElement | null>): number | null {
  const [height, setHeight] = useState<number | null>(null)
  useBrowserLayoutEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const measure = () => {
      const cs = getComputedStyle(el)
      setHeight(
        Math.ceil(
          el.getBoundingClientRect().height + (parseFloat(cs.marginTop) || 0) + (parseFloat(cs.marginBottom) || 0),
        ),
      )
    }
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    measure()
    return () => ro.disconnect()
  }, [ref])
  return height
}
