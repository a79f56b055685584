import { createContext, useContext, useMemo } from 'react'
import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from './createSimStore'
import { createPacer, type Pacer } from './pacer'

interface Sim {
  readonly store: StoreApi<SimStore>
  readonly pacer: Pacer
}

const SimContext = createContext<Sim | null>(null)

/**
 * Puts one visualizer's store in context, with the pacer its views draw through (one is made for
 * the store when none is given); each mounted visualizer has its own.
 */
export function SimProvider({
  store,
  pacer,
  children,
}: {
  store: StoreApi<SimStore>
  pacer?: Pacer
  children: ReactNode
}) {
  const value = useMemo(() => ({ store, pacer: pacer ?? createPacer(store) }), [store, pacer])
  return <SimContext.Provider value={value}>{children}</SimContext.Provider>
}

function useSimContext(): Sim {
  const sim = useContext(SimContext)
  if (!sim)
    throw new Error(
      'useSim/useSimStore must be used inside <SimProvider store={createSimStore(...)}>: each visualizer provides its own store.',
    )
  return sim
}

export function useSimStore(): StoreApi<SimStore> {
  return useSimContext().store
}

export function usePacer(): Pacer {
  return useSimContext().pacer
}

/**
 * Selects from the visualizer's state as the panels are shown it (the pacer's: the same as the
 * store's except while a fast big run's update is being drawn); re-renders only when the selected
 * value changes.
 */
export function useSim<T>(selector: (s: SimStore) => T): T {
  return useStore(useSimContext().pacer.shown, selector)
}
