import { useState } from 'react'
import type { RefObject } from 'react'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'

/**
 * Content-box width of an element, rounded, tracked with ResizeObserver; `fallback` until measured
 * (and on the server). Measured once before the first paint too, so the first frame painted is
 * already drawn at its width (not at the fallback, then again a frame later when the observer
 * reports): one drawing of the stage at boot instead of two, and no frame of the wrong size.
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback)
  useBrowserLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const cs = getComputedStyle(el)
    const px = (v: string) => parseFloat(v) || 0
    const borders = px(cs.borderLeftWidth) + px(cs.borderRightWidth)
    // What the observer reports as contentRect: no padding, border or scrollbar.
    const scrollbar = Math.max(0, el.offsetWidth - el.clientWidth - borders)
    const w = el.getBoundingClientRect().width - px(cs.paddingLeft) - px(cs.paddingRight) - borders - scrollbar
    if (w > 0) setWidth(Math.round(w))
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width
      if (w !== undefined && w > 0) setWidth(Math.round(w))
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref])
  return width
}
