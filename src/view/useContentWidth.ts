import { useState } from 'react'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'
import type { RefObject } from 'react'

/**
 * The content-box width of an element, unrounded (what a container query on it compares), or
 * null until measured (and on the server). Measured before the first paint, then followed with
 * ResizeObserver, so a render that depends on it is never painted with the wrong width.
 */
export function useContentWidth(ref: RefObject<HTMLElement | null>, enabled: boolean): number | null {
  const [width, setWidth] = useState<number | null>(null)
  useBrowserLayoutEffect(() => {
    const el = ref.current
    if (!enabled || !el) return
    const cs = getComputedStyle(el)
    const px = (v: string) => parseFloat(v) || 0
    const w =
      el.getBoundingClientRect().width -
      px(cs.paddingLeft) -
      px(cs.paddingRight) -
      px(cs.borderLeftWidth) -
      px(cs.borderRightWidth)
    if (w > 0) setWidth(w)
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver((entries) => {
      const cw = entries[0]?.contentRect.width
      if (cw !== undefined && cw > 0) setWidth(cw)
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref, enabled])
  return width
}
