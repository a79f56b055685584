import { createSim, nextStepAt, selectStage } from '../engine'
import type { Command, Scenario, SimState, StageModel } from '../engine'
import { extend, startFrontier } from './frontier'
import type { Frontier } from './frontier'
import { applyCommands, fork, forward, stateAtStep, stateAtTime } from './history'
import type { History, LoggedCommand, LoggedTransition } from './history'
import { markersOf } from './markers'
import type { Marker } from './markers'

/**
 * The run as the store sees it: history (checkpoints + commands), the frontier computed ahead,
 * and the cursor. Pure functions from one Run value to the next; the zustand store only holds it.
 */
export interface Run {
  readonly scenario: Scenario
  readonly history: History
  readonly frontier: Frontier
  /** The state at the cursor (step `cursor.step`). */
  readonly cursor: SimState
  readonly stage: StageModel
  /** Transitions of the cursor's step (the caption). */
  readonly caption: readonly LoggedTransition[]
}

export const CHECKPOINT_EVERY = 64
/** Steps computed ahead when a run starts or the cursor nears the frontier. */
export const LOOKAHEAD = 2000

function withCursor(run: Omit<Run, 'stage' | 'caption'>, caption?: readonly LoggedTransition[]): Run {
  const step = run.cursor.step
  const cap = caption ?? run.frontier.log.filter((t) => t.step === step)
  return { ...run, stage: selectStage(run.cursor), caption: cap }
}

/** A new run of a validated scenario, with optional commands (from a share link). Throws if the model is unsupported. */
export function createRun(scenario: Scenario, commands: readonly LoggedCommand[] = []): Run {
  const sim = createSim(scenario)
  const first = applyCommands(commands, sim, true)
  const history: History = { commands, checkpoints: [first.state], every: CHECKPOINT_EVERY }
  const ext = extend(history, startFrontier(first.state, first.transitions), {}, LOOKAHEAD)
  return withCursor({ scenario, history: ext.history, frontier: ext.frontier, cursor: first.state })
}

function ensure(run: Run, target: { step?: number; time?: number }, maxSteps = 200000): Run {
  const ext = extend(run.history, run.frontier, target, maxSteps)
  return ext.frontier === run.frontier ? run : { ...run, history: ext.history, frontier: ext.frontier }
}

/** Keeps some run computed ahead of the cursor, so markers and the timeline length are known. */
export function lookahead(run: Run): Run {
  const f = run.frontier
  if (f.finished || f.head.step - run.cursor.step > LOOKAHEAD / 4) return run
  return ensure(run, {}, LOOKAHEAD)
}

export function stepForward(run: Run): Run {
  const r0 = ensure(run, { step: run.cursor.step + 1 })
  const r = forward(r0.history, r0.cursor, { step: r0.cursor.step + 1 }, { collect: true, single: true })
  if (r.state === r0.cursor) return r0
  return withCursor({ ...r0, cursor: r.state }, r.transitions)
}

export function goToStep(run: Run, n: number): Run {
  const target = Math.max(0, Math.floor(n))
  const r0 = ensure(run, { step: target })
  if (target === r0.cursor.step) return r0
  return withCursor({ ...r0, cursor: stateAtStep(r0.history, target, r0.cursor) })
}

export function stepBack(run: Run): Run {
  return run.cursor.step === 0 ? run : goToStep(run, run.cursor.step - 1)
}

/** Applies every occurrence with time <= t (the playhead passing them). */
export function goToTime(run: Run, t: number, maxSteps?: number): Run {
  const r0 = ensure(run, { time: t })
  if (t >= r0.cursor.now) {
    const next = nextStepAt(r0.cursor)
    if (next === null || next > t) return r0
    const r = forward(r0.history, r0.cursor, { time: t }, { collect: false, maxSteps })
    return withCursor({ ...r0, cursor: r.state })
  }
  return withCursor({ ...r0, cursor: stateAtTime(r0.history, t, r0.cursor) })
}

/** The last step of the run, if the frontier has reached the end. */
export function lastStep(run: Run): number | null {
  return run.frontier.finished ? run.frontier.head.step : null
}

/** Runs to the end (bounded), so a link's step can be checked against the run's length. */
export function computeAll(run: Run, maxSteps = 200000): Run {
  return ensure(run, {}, maxSteps)
}

/**
 * A user command at the clock `clock` (>= the cursor's time): the future is dropped and
 * recomputed from the new state (a fork).
 */
export function command(run: Run, cmd: Command, clock: number): Run {
  const cur = run.cursor
  const next = nextStepAt(cur)
  // Made before the next occurrence, so replaying the log puts it at the same step.
  const at = Math.max(cur.now, next === null ? clock : Math.min(clock, next - 1))
  const f = fork(run.history, cur, { step: cur.step, at, command: cmd })
  const log = [...run.frontier.log.filter((t) => t.step <= cur.step), ...f.transitions]
  const samples = run.frontier.samples.filter((s) => s.step < cur.step)
  const base = startFrontier(f.state, log)
  const frontier: Frontier = { ...base, samples: [...samples, ...base.samples] }
  const ext = extend(f.history, frontier, {}, LOOKAHEAD)
  return withCursor({ scenario: run.scenario, history: ext.history, frontier: ext.frontier, cursor: f.state }, f.transitions)
}

export function reset(run: Run): Run {
  return goToStep(run, 0)
}

const markerCache = new WeakMap<readonly LoggedTransition[], readonly Marker[]>()

/** Timeline markers of the computed run (cached per log). */
export function markers(run: Run): readonly Marker[] {
  const log = run.frontier.log
  let m = markerCache.get(log)
  if (!m) {
    m = markersOf(log)
    markerCache.set(log, m)
  }
  return m
}

/** The timeline's length: the end of the run when known, else the furthest time computed. */
export function horizon(run: Run): number {
  return Math.max(run.frontier.head.now, run.cursor.now, 1)
}
