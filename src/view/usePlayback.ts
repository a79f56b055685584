import { useEffect } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../store/createSimStore'
import type { Pacer } from '../store/pacer'
import { startPlayback } from '../store/playback'
import { browserClock } from '../store/clock'

/** Runs the store's animation-frame loop while the visualizer is mounted (never on the server). */
export function usePlayback(store: StoreApi<SimStore>, pacer: Pacer | null = null): void {
  useEffect(() => startPlayback(store, browserClock, pacer), [store, pacer])
}
