import { useCallback, useEffect, useRef, useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../../store/createSimStore'

/**
 * Plays the stage up to a step at the beat pace and stops exactly there (the store plays; the guide
 * only says where to stop). Returns `playTo`, `skip` (go there at once) and whether it is playing.
 */
export function usePlayTo(store: StoreApi<SimStore>) {
  const [target, setTarget] = useState<number | null>(null)
  const unsub = useRef<(() => void) | null>(null)
  const stop = useCallback(() => {
    unsub.current?.()
    unsub.current = null
    setTarget(null)
  }, [])
  useEffect(() => stop, [stop])
  const land = useCallback(
    (step: number) => {
      stop()
      const a = store.getState()
      a.pause()
      if (a.run.cursor.step !== step) a.goToStep(step)
    },
    [store, stop],
  )
  const playTo = useCallback(
    (step: number) => {
      stop()
      const a = store.getState()
      if (a.run.cursor.step >= step) return land(step)
      setTarget(step)
      unsub.current = store.subscribe((s) => {
        if (s.run.cursor.step >= step) land(step)
        else if (!s.playing) stop()
      })
      if (a.beatMs === null) a.setBeatPace(1500)
      a.play()
    },
    [store, land, stop],
  )
  const skip = useCallback(() => {
    if (target !== null) land(target)
  }, [target, land])
  return { playTo, skip, land, playing: target !== null }
}
