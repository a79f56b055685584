import { useEffect } from 'react'
import type { RefObject } from 'react'

/** What takes focus by itself when clicked; the embed leaves those alone. */
const CONTROL = 'a[href], button, input, select, textarea, summary, [contenteditable], [tabindex]:not(.lem-root)'

/**
 * Clicking anywhere in an embed (the diagram, a caption) focuses it, so its keyboard shortcuts
 * (which listen on the visualizer root) work at once, without tabbing to a button first. Focus is
 * taken on mousedown with preventScroll, before the browser's own focus step, which then finds the
 * root already focused: the page does not scroll, and text can still be selected.
 */
export function useFocusOnClick(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onDown = (e: MouseEvent) => {
      const root = el.querySelector<HTMLElement>('.lem-root')
      const target = e.target instanceof Element ? e.target : null
      if (!root || !target || !root.contains(target) || target.closest(CONTROL)) return
      if (!root.hasAttribute('tabindex')) root.tabIndex = -1
      if (root.matches(':focus')) return
      root.focus({ preventScroll: true })
    }
    el.addEventListener('mousedown', onDown)
    return () => el.removeEventListener('mousedown', onDown)
  }, [ref])
}
