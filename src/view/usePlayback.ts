import { useEffect } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../store/createSimStore'
import { startPlayback } from '../store/playback'

/** Runs the store's animation-frame loop while the visualizer is mounted (never on the server). */
export function usePlayback(store: StoreApi<SimStore>): void {
  useEffect(() => startPlayback(store), [store])
}
