import { useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'

/**
 * An arrow at one end of a strip that scrolls sideways (the preset chips), shown only while that
 * side hides chips: a strip cut at the screen's edge otherwise looks like all there is. The strip
 * also fades on that side (data-more-left / data-more-right, appOnly/layout.css). App only: the
 * element's build leaves it out of its size budget.
 */
/** Width of the fade at a strip's end that hides chips (appOnly/layout.css). */
const FADE = 32

export function ScrollEdge({
  target,
  side,
  label,
}: {
  target: RefObject<HTMLElement | null>
  side: 'left' | 'right'
  label: string
}) {
  const [more, setMore] = useState(false)
  useEffect(() => {
    const el = target.current
    if (!el) return
    const update = () => {
      const hidden = side === 'left' ? el.scrollLeft > 1 : el.scrollLeft + el.clientWidth < el.scrollWidth - 1
      el.toggleAttribute(`data-more-${side}`, hidden)
      setMore(hidden)
    }
    update()
    el.addEventListener('scroll', update, { passive: true })
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update)
    ro?.observe(el)
    // The chips change with the model group, and with them the strip's width.
    const mo = typeof MutationObserver === 'undefined' ? null : new MutationObserver(update)
    mo?.observe(el, { childList: true, subtree: true })
    return () => {
      el.removeEventListener('scroll', update)
      ro?.disconnect()
      mo?.disconnect()
    }
  }, [target, side])
  // The first right arrow takes room from the strip as it is laid out: the running scenario's chip is
  // brought back clear of the fade. Once only: later the reader's own scrolling moves the arrows.
  const placed = useRef(false)
  useEffect(() => {
    const el = target.current
    const on = el?.querySelector<HTMLElement>('[aria-current="true"]')
    if (!el || !on || !more || side !== 'right' || placed.current) return
    placed.current = true
    const left = on.offsetLeft - el.offsetLeft
    if (left < el.scrollLeft + FADE || left + on.offsetWidth > el.scrollLeft + el.clientWidth - FADE)
      el.scrollTo({ left: Math.max(0, left - FADE - 8) })
  }, [target, more, side])
  if (!more) return null
  return (
    <button
      type="button"
      className={`lem-edge-arrow lem-edge-arrow--${side}`}
      aria-label={side === 'left' ? `Earlier ${label}` : `More ${label}`}
      onClick={() => {
        const el = target.current
        if (el) el.scrollBy({ left: (side === 'left' ? -0.8 : 0.8) * el.clientWidth, behavior: 'smooth' })
      }}
    >
      <span aria-hidden="true">{side === 'left' ? '‹' : '›'}</span>
    </button>
  )
}
