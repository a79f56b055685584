import type { StoreApi } from 'zustand/vanilla'
import { browserClock, playedTime, type WallClock } from './clock'
import type { CompareState } from './compareStore'

/** Plays the compare page: each frame hands the played wall time to the store's `tick`. Returns a stop function. */
export function startComparePlayback(store: StoreApi<CompareState>, clock: WallClock = browserClock): () => void {
  return playedTime(
    clock,
    () => store.getState().playing,
    (ms) => store.getState().tick(ms),
  )
}
