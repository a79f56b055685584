import type { StoreApi } from 'zustand/vanilla'
import { browserClock, playedTime, type WallClock } from './clock'
import type { SimStore } from './createSimStore'
import type { Pacer } from './pacer'

/**
 * Plays a visualizer's run: each frame hands the played wall time to the store's `tick` (which
 * scales it by the speed and applies the occurrences the clock passes). Returns a stop function.
 * With a pacer, the engine also waits while the pacer draws the last update over the next frames.
 */
export function startPlayback(
  store: StoreApi<SimStore>,
  clock: WallClock = browserClock,
  pacer: Pacer | null = null,
): () => void {
  // When applying occurrences takes long (a frame with thousands of occurrences), the
  // clock keeps moving every frame and the engine runs at most a third of the time, so the
  // animation stays smooth and the tokens catch up a few times a second.
  let engineFreeAt = 0
  return playedTime(
    clock,
    () => store.getState().playing,
    (ms) => {
      const t0 = clock.now()
      const applied = store.getState().tick(ms, t0 < engineFreeAt || pacer?.busy() === true)
      const cost = clock.now() - t0
      if (!applied) return
      engineFreeAt = cost > 12 ? t0 + 3 * cost : 0
      pacer?.reportTick(cost)
    },
  )
}
