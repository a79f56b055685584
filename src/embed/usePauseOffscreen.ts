import { useEffect, useState } from 'react'
import type { RefObject } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../store/createSimStore'

/**
 * Pauses an embed while it is scrolled out of view and resumes it when it comes back, if it was
 * playing: a long docs page with several embeds only animates the one being read. Inside an iframe
 * the implicit root is the top-level viewport, so this also works there. Returns whether it is
 * off screen (for tests and styling).
 */
export function usePauseOffscreen(ref: RefObject<HTMLElement | null>, store: StoreApi<SimStore> | null): boolean {
  const [offscreen, setOffscreen] = useState(false)
  useEffect(() => {
    const el = ref.current
    if (!el || !store || typeof IntersectionObserver === 'undefined') return
    let resume = false
    const io = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1]
      if (!last) return
      const s = store.getState()
      if (!last.isIntersecting) {
        if (s.playing) {
          resume = true
          s.pause()
        }
      } else if (resume) {
        resume = false
        s.play()
      }
      setOffscreen(!last.isIntersecting)
    })
    io.observe(el)
    return () => io.disconnect()
  }, [ref, store])
  return offscreen
}
