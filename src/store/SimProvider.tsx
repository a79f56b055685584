import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from './createSimStore'

const SimContext = createContext<StoreApi<SimStore> | null>(null)

/** Puts one visualizer's store in context; each mounted visualizer has its own. */
export function SimProvider({ store, children }: { store: StoreApi<SimStore>; children: ReactNode }) {
  return <SimContext.Provider value={store}>{children}</SimContext.Provider>
}

export function useSimStore(): StoreApi<SimStore> {
  const store = useContext(SimContext)
  if (!store)
    throw new Error(
      'useSim/useSimStore must be used inside <SimProvider store={createSimStore(...)}>: each visualizer provides its own store.',
    )
  return store
}

/** Selects from the visualizer's store; re-renders only when the selected value changes. */
export function useSim<T>(selector: (s: SimStore) => T): T {
  return useStore(useSimStore(), selector)
}
