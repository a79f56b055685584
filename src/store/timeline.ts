import { createSim, nextStepAt, selectStageMemo, shareRecords, stageMemo, type StageMemo } from '../engine'
import type { Command, Scenario, SimState, StageModel } from '../engine'
import { cutBeats, nextBeatEnd, prevBeatEnd } from './beats'
import type { BeatIndex } from './beats'
import { cutFolds, nextShownEnd, prevShownEnd } from './folds'
import { extend, startFrontier } from './frontier'
import type { Frontier } from './frontier'
import {
  applyCommands,
  fork,
  forward,
  replayStart,
  replayStartAt,
  startChain,
  stateAtStep,
  stateAtTime,
} from './history'
import type { History, LoggedCommand, LoggedTransition } from './history'
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
  /** Transitions of the cursor's beat up to the cursor (the caption; see beats.ts). */
  readonly caption: readonly LoggedTransition[]
  /**
   * Set when the cursor is on a fine step where nothing visible has happened yet in its beat
   * (housekeeping, e.g. a share link to such a step): `caption` is then the last visible beat's,
   * which is what the stage still shows, and this is that beat's last step.
   */
  readonly captionHeldFrom: number | null
  /**
   * A state a little before the cursor, kept by a step back (goToStep) to replay the next steps
   * back from: at most ANCHOR_EVERY steps instead of a fine interval (2,048 at 100,000 events).
   */
  readonly anchor?: SimState
  /** What the last stage's walk summed of the finished events, passed back to the next (stageWalk.ts). */
  readonly stageMemo?: StageMemo
}

export const CHECKPOINT_EVERY = 64
/** Steps between the anchors a step back keeps (Run.anchor). */
const ANCHOR_EVERY = 64
/** A move back by at most this many steps is a step back (it keeps an anchor); further is a jump. */
const NEAR_BACK = 256
/** The custom element's build (history.ts ELEMENT): its runs are small, it replays from checkpoints alone. */
const ELEMENT = typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__
/** Steps computed ahead when a run starts or the cursor nears the frontier. */
export const LOOKAHEAD = 2000

/** Index of the first transition of the log with a step >= `step` (the log is in step order). */
export function firstAtOrAfter(log: readonly LoggedTransition[], step: number): number {
  let lo = 0
  let hi = log.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((log[mid]?.step ?? step) < step) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Transitions of one step from the log, or null when the log no longer holds that step. */
export function logAt(f: Frontier, step: number): readonly LoggedTransition[] | null {
  if (step < f.logFrom || step > f.head.step) return null
  const out: LoggedTransition[] = []
  for (let i = firstAtOrAfter(f.log, step); i < f.log.length; i++) {
    const t = f.log[i]
    if (t === undefined || t.step !== step) break
    out.push(t)
  }
  return out
}

/**
 * The caption (transitions) of any step: from the log when it still holds the step, else by
 * replaying that one step from the state before it (older entries are dropped from long logs).
 */
export function captionAt(
  run: Pick<Run, 'scenario' | 'history' | 'frontier'>,
  step: number,
): readonly LoggedTransition[] {
  const cached = logAt(run.frontier, step)
  if (cached) return cached
  if (step === 0) return applyCommands(run.history.commands, createSim(run.scenario), true).transitions
  const before = stateAtStep(run.history, step - 1)
  if (before.step !== step - 1) return []
  return forward(run.history, before, { step }, { collect: true, single: true }).transitions.filter(
    (t) => t.step === step,
  )
}

/** Steps of a beat replayed for its caption when the log no longer holds them (a long run scrubbed back). */
const MAX_REPLAYED_CAPTION_STEPS = 64

/**
 * The caption at a step: the transitions of its beat from the beat's first step up to it. `given`
 * is the step's own transitions when the caller already has them.
 */
export function beatCaptionAt(
  run: Pick<Run, 'scenario' | 'history' | 'frontier'>,
  step: number,
  given?: readonly LoggedTransition[],
): readonly LoggedTransition[] {
  const from = step === 0 ? 0 : prevBeatEnd(run.frontier.beats, step) + 1
  const f = run.frontier
  if (from >= f.logFrom && step <= f.head.step) {
    const out: LoggedTransition[] = []
    for (let i = firstAtOrAfter(f.log, from); i < f.log.length; i++) {
      const t = f.log[i]
      if (t === undefined || t.step > step) break
      out.push(t)
    }
    return out
  }
  const own = given ?? captionAt(run, step)
  if (from >= step || step - from > MAX_REPLAYED_CAPTION_STEPS) return own
  const out: LoggedTransition[] = []
  for (let k = from; k < step; k++) for (const t of captionAt(run, k)) out.push(t)
  for (const t of own) out.push(t)
  return out
}

/**
 * The caption at the cursor, and where it comes from: a fine step whose beat shows nothing yet
 * (only housekeeping so far) takes the caption of the last beat before it, so the words still
 * explain what the stage shows instead of "nothing changed".
 */
export function cursorCaption(
  run: Pick<Run, 'scenario' | 'history' | 'frontier'>,
  step: number,
  given?: readonly LoggedTransition[],
): Pick<Run, 'caption' | 'captionHeldFrom'> {
  const caption = beatCaptionAt(run, step, given)
  if (caption.length > 0 || step === 0) return { caption, captionHeldFrom: null }
  const prev = prevBeatEnd(run.frontier.beats, step)
  if (prev === 0) return { caption, captionHeldFrom: null }
  return { caption: beatCaptionAt(run, prev), captionHeldFrom: prev }
}

/**
 * The first step of the beat whose caption is on screen (`captionHeldFrom`'s beat when the caption
 * is held): the stage lists only the answers given from there on, so the answer band always belongs
 * to the caption's beat, and stepping back past an answer takes it away. Past the beat index (a
 * very long run) a beat is one step.
 */
export function shownBeatStart(beats: BeatIndex, step: number, captionHeldFrom: number | null): number {
  const shown = captionHeldFrom ?? step
  if (shown === 0) return 0
  if (beats.full && shown > beats.upTo) return shown
  return prevBeatEnd(beats, shown) + 1
}

function withCursor(
  given: Omit<Run, 'stage' | 'caption' | 'captionHeldFrom'>,
  caption?: readonly LoggedTransition[],
): Run {
  // The playhead is replayed apart from the run computed ahead; sharing their equal event records
  // keeps one copy of each finished event instead of two.
  const run = { ...given, cursor: shareRecords(given.cursor, given.frontier.head) }
  const shown = cursorCaption(run, run.cursor.step, caption)
  const from = shownBeatStart(run.frontier.beats, run.cursor.step, shown.captionHeldFrom)
  const selected = selectStageMemo(run.cursor, given.stageMemo ?? stageMemo(), undefined, from)
  return { ...run, stage: selected.stage, stageMemo: selected.memo, ...shown }
}

/** A new run of a validated scenario, with optional commands (from a share link). */
export function createRun(scenario: Scenario, commands: readonly LoggedCommand[] = []): Run {
  const sim = createSim(scenario)
  const first = applyCommands(commands, sim, true)
  const history: History = {
    commands,
    checkpoints: [first.state],
    every: CHECKPOINT_EVERY,
    fine: startChain(first.state),
  }
  const ext = extend(history, startFrontier(first.state, first.transitions), {}, LOOKAHEAD)
  return withCursor({ scenario, history: ext.history, frontier: ext.frontier, cursor: first.state })
}

function ensure(run: Run, target: { step?: number; time?: number }, maxSteps = 200000): Run {
  const ext = extend(run.history, run.frontier, target, maxSteps)
  return ext.frontier === run.frontier ? run : { ...run, history: ext.history, frontier: ext.frontier }
}

/**
 * Keeps some run computed ahead of the cursor, so markers and the timeline length are known:
 * LOOKAHEAD steps more once fewer than a quarter of it are left or, given `chunk`, at most that
 * many steps whenever fewer than LOOKAHEAD are left (a playing big run: the same work every frame).
 */
export function lookahead(run: Run, chunk?: number): Run {
  const f = run.frontier
  const left = f.head.step - run.cursor.step
  if (f.finished || left > (chunk === undefined ? LOOKAHEAD / 4 : LOOKAHEAD)) return run
  return ensure(run, {}, chunk === undefined ? LOOKAHEAD : Math.max(1, Math.min(LOOKAHEAD, Math.floor(chunk))))
}

export function stepForward(run: Run): Run {
  const r0 = ensure(run, { step: run.cursor.step + 1 })
  const r = forward(
    r0.history,
    r0.cursor,
    { step: r0.cursor.step + 1 },
    { collect: true, single: true, shareWith: r0.frontier.head },
  )
  if (r.state === r0.cursor) return r0
  return withCursor({ ...r0, cursor: r.state }, r.transitions)
}

/**
 * Steps computed ahead to learn where a fold ends; past them a beat move goes by the plain beat
 * (a run repeating to its very end would otherwise be computed whole on one click).
 */
const FOLD_LOOKAHEAD = 10 * LOOKAHEAD

/**
 * Computes ahead until the shown beat after the cursor is known (folds.ts: a fold ends where
 * something new follows), or the run ends, or `maxSteps` were computed; the plain beat after the
 * cursor when the fold's end is further than FOLD_LOOKAHEAD.
 */
function ensureBeat(run: Run, maxSteps = 200000): { run: Run; end: number | null } {
  const plain = (x: Run) => nextBeatEnd(x.frontier.beats, x.cursor.step)
  const next = (x: Run) =>
    nextShownEnd(x.frontier.beats, x.frontier.folds, x.cursor.step) ??
    (x.frontier.head.step - x.cursor.step >= FOLD_LOOKAHEAD ? plain(x) : null)
  let r = run
  let end = next(r)
  while (
    end === null &&
    !r.frontier.finished &&
    !r.frontier.beats.full &&
    r.frontier.head.step - run.cursor.step < maxSteps
  ) {
    const before = r.frontier.head.step
    r = ensure(r, { step: before + LOOKAHEAD }, LOOKAHEAD)
    if (r.frontier.head.step === before) break
    end = next(r)
  }
  return { run: r, end: end ?? plain(r) }
}

/** One beat forward (beats.ts, folds.ts): to the end of the next shown beat; by a single step past the beat index. */
export function beatForward(run: Run): Run {
  const { run: r, end } = ensureBeat(run)
  if (end !== null) return goToStep(r, end)
  if (r.frontier.beats.full) return stepForward(r)
  // The run ended within housekeeping after the last beat: go to its last step.
  return r.frontier.finished && r.frontier.head.step > r.cursor.step ? goToStep(r, r.frontier.head.step) : r
}

/** One beat back: to the end of the shown beat before the cursor's (before a fold the cursor is in). */
export function beatBack(run: Run): Run {
  const b = run.frontier.beats
  if (run.cursor.step === 0) return run
  if (b.full && run.cursor.step > b.upTo) return stepBack(run)
  return goToStep(run, prevShownEnd(b, run.frontier.folds, run.cursor.step))
}

/** The end of the beat after the cursor, computing ahead as needed (null at the end of the run). */
export function nextBeat(run: Run): { run: Run; end: number | null } {
  return ensureBeat(run)
}

export function goToStep(run: Run, n: number): Run {
  const target = Math.max(0, Math.floor(n))
  const r0 = ensure(run, { step: target })
  if (target === r0.cursor.step) return r0
  if (ELEMENT) return withCursor({ ...r0, cursor: stateAtStep(r0.history, target, nearest(r0, target)) })
  const h = r0.history
  // Replays share the records they end equal to the run computed ahead (one copy of each kept;
  // the stage's walk reuses what it summed of them).
  const shareWith = r0.frontier.head
  let start = replayStart(h, target, nearest(r0, target))
  let anchor = r0.anchor
  // A step back (or a few): keep a state at a multiple of ANCHOR_EVERY on the way, so the steps
  // back after it replay at most that many steps instead of a whole fine interval.
  const a = Math.floor(target / ANCHOR_EVERY) * ANCHOR_EVERY
  if (target < r0.cursor.step && r0.cursor.step - target <= NEAR_BACK && a > start.step)
    start = anchor = forward(h, start, { step: a }, { collect: false, replay: true, shareWith }).state
  let state: SimState
  let given: readonly LoggedTransition[] | undefined
  if (target < r0.frontier.logFrom && start.step < target) {
    // The log no longer holds the step (a long run): its caption is replayed with the state
    // (captionAt would replay the run a second time), the last step collected.
    const pre = target - start.step > ANCHOR_EVERY ? stateAtStep(h, target - 1, start) : start
    const r = forward(h, pre, { step: target }, { collect: true, replay: true, shareWith })
    state = r.state
    if (state.step === target) given = r.transitions.filter((t) => t.step === target)
  } else state = forward(h, start, { step: target }, { collect: false, replay: true, shareWith }).state
  return withCursor({ ...r0, cursor: state, anchor }, given)
}

export function stepBack(run: Run): Run {
  return run.cursor.step === 0 ? run : goToStep(run, run.cursor.step - 1)
}

/** The state to replay from towards `step`: the cursor, the frontier head or the anchor, whichever is closest before it. */
function nearest(run: Run, step: number): SimState {
  const head = run.frontier.head
  const cur = run.cursor
  const best = head.step <= step && (cur.step > step || head.step > cur.step) ? head : cur
  const a = run.anchor
  return !ELEMENT && a && a.step <= step && (best.step > step || a.step > best.step) ? a : best
}

/** Applies every occurrence with time <= t (the playhead passing them). */
export function goToTime(run: Run, t: number, maxSteps?: number): Run {
  const r0 = ensure(run, { time: t })
  // A seek (not a frame's bounded step): one replay from the cursor or the latest checkpoint
  // before the time, whichever is later, instead of computing every chunk from the cursor on.
  if (!ELEMENT && maxSteps === undefined) {
    const next = nextStepAt(r0.cursor)
    if (t >= r0.cursor.now && (next === null || next > t)) return r0
    const start = replayStartAt(r0.history, t, r0.cursor)
    // Past the start of the log, the caption comes from this replay (not a second one).
    const collect = start.step + 1 < r0.frontier.logFrom
    const r = forward(r0.history, start, { time: t }, { collect, replay: true, shareWith: r0.frontier.head })
    const s = r.state
    return withCursor(
      { ...r0, cursor: s },
      collect && s.step > start.step ? r.transitions.filter((x) => x.step === s.step) : undefined,
    )
  }
  if (t >= r0.cursor.now) {
    const next = nextStepAt(r0.cursor)
    if (next === null || next > t) return r0
    // Past the start of the log (a long run scrubbed back), the caption comes from this replay.
    const collect = r0.cursor.step + 1 < r0.frontier.logFrom
    const r = forward(r0.history, r0.cursor, { time: t }, { collect, maxSteps, shareWith: r0.frontier.head })
    return withCursor(
      { ...r0, cursor: r.state },
      collect ? (logAt(r0.frontier, r.state.step) ?? r.transitions.filter((x) => x.step === r.state.step)) : undefined,
    )
  }
  return withCursor({ ...r0, cursor: stateAtTime(r0.history, t, r0.cursor) })
}

/** The time of a computed step with transitions (from the log), or null. */
export function timeOfStep(run: Run, step: number): number | null {
  const ts = logAt(run.frontier, step)
  return ts?.[0]?.at ?? null
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
  const old = run.frontier
  const log = [...old.log.slice(0, firstAtOrAfter(old.log, cur.step + 1)), ...f.transitions]
  const samples = old.samples.filter((s) => s.step < cur.step)
  const beats = cutBeats(old.beats, cur.step)
  const base = startFrontier(f.state, f.transitions, beats, cutFolds(old.folds, beats.count))
  // The run goes on past the command: its old end is no longer the end.
  const markers = [...old.markers.filter((m) => m.step <= cur.step && m.kind !== 'end'), ...base.markers]
  const frontier: Frontier = {
    ...base,
    log,
    logFrom: Math.min(old.logFrom, cur.step + 1),
    dropped: old.dropped,
    markers,
    samples: [...samples, ...base.samples],
  }
  const ext = extend(f.history, frontier, {}, LOOKAHEAD)
  return withCursor(
    { scenario: run.scenario, history: ext.history, frontier: ext.frontier, cursor: f.state, stageMemo: run.stageMemo },
    f.transitions,
  )
}

export function reset(run: Run): Run {
  return goToStep(run, 0)
}

/** Timeline markers of the computed run. */
export function markers(run: Run): readonly Marker[] {
  return run.frontier.markers
}

/** The timeline's length: the end of the run when known, else the furthest time computed. */
export function horizon(run: Run): number {
  return Math.max(run.frontier.head.now, run.cursor.now, 1)
}
