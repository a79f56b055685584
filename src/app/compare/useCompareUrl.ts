import { useEffect } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { CompareState } from '../../store/compareStore'
import { compareQuery } from './compareUrl'

/** Keeps `?compare=…&t=…` in the address bar whenever the shared clock stops somewhere. */
export function useCompareUrl(store: StoreApi<CompareState>): void {
  useEffect(() => {
    const write = (s: CompareState) => {
      if (s.playing) return
      const query = compareQuery(s.workload.id, s.clock)
      if (query === window.location.search) return
      try {
        window.history.replaceState(
          window.history.state,
          '',
          `${window.location.pathname}${query}${window.location.hash}`,
        )
      } catch {
        // Rate-limited; the next stop writes it.
      }
    }
    write(store.getState())
    return store.subscribe((s, prev) => {
      if (s.clock !== prev.clock || s.playing !== prev.playing) write(s)
    })
  }, [store])
}
