import { useMemo, useState } from 'react'
import type { RefObject } from 'react'
import { MIN_ROOM } from './legendFold'
import type { StageFit } from './stageFit'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'

/**
 * The room the stage slot gives the drawing, when the stylesheet sizes the slot to the screen
 * (it sets `--lem-fit: 1` on it; where the page simply flows this is null): the slot's height
 * minus what the stage box draws around the SVG (padding, the foot with the legend), and the slot's
 * height and that chrome less the foot, for the legend to decide whether it folds. It also writes, on the
 * layout, where the slot starts on the page and how tall the dock is (`--lem-slot-top`,
 * `--lem-dock-h`), for a phone's stylesheet to size the slot above the fixed bottom bar.
 */
export function useStageRoom(slot: RefObject<HTMLElement | null>, minScale: number): StageFit | null {
  const [room, setRoom] = useState<{ height: number; slot: number; chrome: number } | null>(null)
  // Before the first paint, in the same pass as the stage's width (useWidth): the first frame
  // painted is already fitted, with no unfitted frame and no second layout of the stage for it.
  useBrowserLayoutEffect(() => {
    const el = slot.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const layout = el.closest<HTMLElement>('.lem-layout')
    const dock = layout?.querySelector<HTMLElement>('.lem-dock')
    const measure = () => {
      if (layout) {
        layout.style.setProperty('--lem-slot-top', `${Math.round(el.getBoundingClientRect().top + window.scrollY)}px`)
        layout.style.setProperty('--lem-dock-h', `${Math.round(dock?.getBoundingClientRect().height ?? 0)}px`)
      }
      const box = el.querySelector<HTMLElement>('.lem-stage')
      if (!box || getComputedStyle(el).getPropertyValue('--lem-fit').trim() !== '1') return setRoom(null)
      // The box fills the slot (and scrolls when the drawing cannot fit): the SVG gets what its
      // padding, border and foot (legend, "More below") leave.
      const cs = getComputedStyle(box)
      const foot = box.querySelector<HTMLElement>('.lem-stage-foot')
      const px = (v: string) => parseFloat(v) || 0
      const chrome =
        px(cs.paddingTop) +
        px(cs.paddingBottom) +
        px(cs.borderTopWidth) +
        px(cs.borderBottomWidth) +
        (foot ? px(getComputedStyle(foot).marginTop) : 0)
      const height = Math.max(
        MIN_ROOM,
        Math.floor(el.clientHeight - chrome - (foot?.getBoundingClientRect().height ?? 0)),
      )
      setRoom((r) =>
        r && r.height === height && r.slot === el.clientHeight && r.chrome === chrome
          ? r
          : { height, slot: el.clientHeight, chrome },
      )
    }
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    const foot = el.querySelector('.lem-stage-foot')
    if (foot) ro.observe(foot)
    // The slot moves down when what is above it grows (the poll-based source chips, "About").
    for (const above of [dock, layout?.querySelector('.lem-bar'), el.previousElementSibling])
      if (above) ro.observe(above)
    measure()
    return () => ro.disconnect()
  }, [slot])
  return useMemo(() => (room === null ? null : { ...room, minScale }), [room, minScale])
}
