import type { StoreApi } from 'zustand/vanilla'
import type { CompareState } from './compareStore'

/** The compare page's animation-frame loop (wall time enters here only). Returns a stop function. */
export function startComparePlayback(store: StoreApi<CompareState>): () => void {
  if (typeof requestAnimationFrame === 'undefined') return () => {}
  let last: number | null = null
  let frame = 0
  const loop = (now: number): void => {
    const s = store.getState()
    if (s.playing) {
      if (last !== null) s.tick(Math.min(now - last, 100))
      last = now
    } else {
      last = null
    }
    frame = requestAnimationFrame(loop)
  }
  frame = requestAnimationFrame(loop)
  return () => cancelAnimationFrame(frame)
}
