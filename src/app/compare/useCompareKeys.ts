import { useEffect } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { CompareState } from '../../store/compareStore'
import { isTextTarget } from '../present/presentKeys'

/** Same keys as the visualizer (and clickers): Space, arrows, PageUp/PageDown, Home. */
export function useCompareKeys(store: StoreApi<CompareState>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTextTarget(e.target)) return
      if (
        e.key === ' ' &&
        e.target instanceof HTMLElement &&
        (e.target.tagName === 'BUTTON' || e.target.tagName === 'A')
      )
        return
      const a = store.getState()
      const act: Record<string, () => void> = {
        ' ': a.togglePlay,
        ArrowRight: a.stepForward,
        PageDown: a.stepForward,
        ArrowLeft: a.stepBack,
        PageUp: a.stepBack,
        Home: a.reset,
      }
      const f = act[e.key]
      if (!f) return
      e.preventDefault()
      f()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])
}
