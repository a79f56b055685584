import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

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
    el.addEventListener('scroll', measure, { passive: true })
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    ro?.observe(el)
    for (const child of el.children) ro?.observe(child)
    measure()
    return () => {
      el.removeEventListener('scroll', measure)
      ro?.disconnect()
    }
  }, [box])
  return overflow
}
