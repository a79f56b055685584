import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from './createSimStore'

/**
 * The one place wall time enters: an animation-frame loop that hands elapsed milliseconds to the
 * store's `tick` (which scales them by the speed and applies the occurrences the clock passes).
 * Returns a function that stops the loop.
 */
export function startPlayback(store: StoreApi<SimStore>): () => void {
  if (typeof requestAnimationFrame === 'undefined') return () => {}
  let last: number | null = null
  let frame = 0
  const loop = (now: number): void => {
    const state = store.getState()
    if (state.playing) {
      // A hidden tab pauses frames; the first frame after it must not jump by the whole gap.
      if (last !== null) state.tick(Math.min(now - last, 100))
      last = now
    } else {
      last = null
    }
    frame = requestAnimationFrame(loop)
  }
  frame = requestAnimationFrame(loop)
  return () => cancelAnimationFrame(frame)
}
