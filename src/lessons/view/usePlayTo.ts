import { useCallback, useEffect, useRef, useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../../store/createSimStore'

/** Steps played before a far target is reached by jumping (a few beats). */
const FAR_STEPS = 8

/**
 * Plays the stage up to a step at the beat pace and stops exactly there (the store plays; the guide
 * only says where to stop). Returns `playTo`, `skip` (go there at once) and whether it is playing. A target
 * more than FAR_STEPS away plays that far, then jumps.
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
      const from = a.run.cursor.step
      unsub.current = store.subscribe((s) => {
        // A far moment (a shard blocked for a day) is shown starting, then reached at once.
        if (s.run.cursor.step >= step || s.run.cursor.step - from > FAR_STEPS) land(step)
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
