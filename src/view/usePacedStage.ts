import { useEffect, useRef, useState } from 'react'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'
import { flushSync } from 'react-dom'
import type { StageModel } from '../engine'
import { browserClock as clock } from '../store/clock'
import { usePacer } from '../store/SimProvider'
import type { Run } from '../store/timeline'

/** A stage render that takes longer than this (ms) is paced: see usePacedStage. */
export const STAGE_BUDGET_MS = 12

interface Snapshot {
  readonly stage: StageModel
  readonly step: number
}

const read = (run: Run): Snapshot => ({ stage: run.stage, step: run.cursor.step })

/**
 * The stage model at the playhead, for drawing: the run the pacer gives the stage (store/pacer.ts:
 * normally the store's at once; a fast big run's update a frame after the engine made it).
 * Unpaced, when drawing the stage costs more than a frame's share, it is also redrawn at most once
 * per twice its last cost, always ending on the latest state: the clock, glides and panels keep
 * their frame rate instead of the whole page dropping to the stage's. What is drawn is always a
 * state the engine produced, never an invented one.
 */
export function usePacedStage(): Snapshot {
  const pacer = usePacer()
  const [snap, setSnap] = useState(() => read(pacer.stageRun()))
  const cost = useRef({ start: 0, ms: 0, at: 0 })
  const drawnAt = useRef(snap)
  useEffect(() => {
    let cancel: (() => void) | null = null
    const same = (a: Snapshot, b: Snapshot) => a.stage === b.stage && a.step === b.step
    const apply = (): void => {
      cancel = null
      const next = read(pacer.stageRun())
      cost.current.start = clock.now()
      flushSync(() => setSnap((prev) => (same(prev, next) ? prev : next)))
    }
    const changed = (): void => {
      // A new run with the same stage (computed further ahead, a command's log) draws nothing.
      if (cancel !== null || same(drawnAt.current, read(pacer.stageRun()))) return
      const c = cost.current
      // A paced update is already drawn a part a frame: draw the stage's part now.
      const wait = !pacer.busy() && c.ms > STAGE_BUDGET_MS ? c.at + 2 * c.ms - clock.now() : 0
      if (wait <= 0) apply()
      else cancel = clock.after(wait, apply)
    }
    const unsubscribe = pacer.onStage(changed)
    // The run may have moved between the first render and this subscription.
    changed()
    return () => {
      unsubscribe()
      cancel?.()
    }
  }, [pacer])
  useBrowserLayoutEffect(() => {
    drawnAt.current = snap
    const c = cost.current
    if (c.start === 0) return
    c.at = clock.now()
    c.ms = c.at - c.start
    c.start = 0
  }, [snap])
  return snap
}
