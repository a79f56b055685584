import { useEffect, useRef, useState } from 'react'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'
import { flushSync } from 'react-dom'
import type { StageModel } from '../engine'
import { browserClock as clock } from '../store/clock'
import type { SimStore } from '../store/createSimStore'
import { useSimStore } from '../store/SimProvider'

/** A stage render that takes longer than this (ms) is paced: see usePacedStage. */
export const STAGE_BUDGET_MS = 12

interface Snapshot {
  readonly stage: StageModel
  readonly step: number
}

const read = (s: SimStore): Snapshot => ({ stage: s.run.stage, step: s.run.cursor.step })

/**
 * The stage model at the playhead, for drawing. Normally it follows every change at once. When
 * drawing the stage costs more than a frame's share (thousands of events a second on 2 cores),
 * it is redrawn at most once per twice its last cost, always ending on the latest state: the
 * clock, glides and panels keep their frame rate instead of the whole page dropping to the
 * stage's. What is drawn is always a state the engine produced, never an invented one.
 */
export function usePacedStage(): Snapshot {
  const store = useSimStore()
  const [snap, setSnap] = useState(() => read(store.getState()))
  const cost = useRef({ start: 0, ms: 0, at: 0 })
  useEffect(() => {
    let cancel: (() => void) | null = null
    const apply = (): void => {
      cancel = null
      const next = read(store.getState())
      cost.current.start = clock.now()
      flushSync(() => setSnap((prev) => (prev.stage === next.stage && prev.step === next.step ? prev : next)))
    }
    const unsubscribe = store.subscribe((s, prev) => {
      if (cancel !== null || (s.run.stage === prev.run.stage && s.run.cursor.step === prev.run.cursor.step)) return
      const c = cost.current
      const wait = c.ms > STAGE_BUDGET_MS ? c.at + 2 * c.ms - clock.now() : 0
      if (wait <= 0) apply()
      else cancel = clock.after(wait, apply)
    })
    // The store may have moved between the first render and this subscription.
    const now = read(store.getState())
    setSnap((prev) => (prev.stage === now.stage && prev.step === now.step ? prev : now))
    return () => {
      unsubscribe()
      cancel?.()
    }
  }, [store])
  useBrowserLayoutEffect(() => {
    const c = cost.current
    if (c.start === 0) return
    c.at = clock.now()
    c.ms = c.at - c.start
    c.start = 0
  }, [snap])
  return snap
}
