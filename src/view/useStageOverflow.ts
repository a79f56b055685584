import { useEffect, useState } from 'react'
import type { RefObject } from 'react'
import { browserClock as clock } from '../store/clock'

/**
 * While the box scrolls (follow-the-action glides it a few times a second while a run plays fast)
 * its edges are measured at most this often, and once more when the scroll ends: each measure
 * forces a layout in the middle of a frame.
 */
const SCROLL_MEASURE_MS = 100

export interface Overflow {
  /** Part of the drawing is scrolled off above / hidden below the stage box's visible part. */
  readonly above: boolean
  readonly below: boolean
}

const NONE: Overflow = { above: false, below: false }

/** Whether the stage box hides part of the drawing, kept up to date as it scrolls and resizes. */
export function useStageOverflow(box: RefObject<HTMLElement | null>): Overflow {
  const [overflow, setOverflow] = useState(NONE)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const measure = () => {
      // A pixel of slack: fractional scaling leaves sub-pixel overflows nobody can see.
      const above = el.scrollTop > 1
      const below = el.scrollTop + el.clientHeight < el.scrollHeight - 1
      setOverflow((o) => (o.above === above && o.below === below ? o : above || below ? { above, below } : NONE))
    }
    let cancelPending: (() => void) | null = null
    const scrolled = () => {
      cancelPending ??= clock.after(SCROLL_MEASURE_MS, () => {
        cancelPending = null
        measure()
      })
    }
    const ended = () => {
      cancelPending?.()
      cancelPending = null
      measure()
    }
    el.addEventListener('scroll', scrolled, { passive: true })
    el.addEventListener('scrollend', ended, { passive: true })
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    ro?.observe(el)
    for (const child of el.children) ro?.observe(child)
    measure()
    return () => {
      el.removeEventListener('scroll', scrolled)
      el.removeEventListener('scrollend', ended)
      cancelPending?.()
      ro?.disconnect()
    }
  }, [box])
  return overflow
}
