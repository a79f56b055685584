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
  // When applying occurrences takes long (a frame with thousands of occurrences), the
  // clock keeps moving every frame and the engine runs at most a third of the time, so the
  // animation stays smooth and the tokens catch up a few times a second.
  let engineFreeAt = 0
  const loop = (now: number): void => {
    const state = store.getState()
    if (state.playing) {
      // A hidden tab pauses frames; the first frame after it must not jump by the whole gap.
      if (last !== null) {
        const t0 = performance.now()
        const applied = state.tick(Math.min(now - last, 100), t0 < engineFreeAt)
        const cost = performance.now() - t0
        if (applied) engineFreeAt = cost > 12 ? t0 + 3 * cost : 0
      }
      last = now
    } else {
      last = null
    }
    frame = requestAnimationFrame(loop)
  }
  frame = requestAnimationFrame(loop)
  return () => cancelAnimationFrame(frame)
}
