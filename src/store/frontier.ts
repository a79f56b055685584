import { nextStepAt } from '../engine'
import type { SimState } from '../engine'
import { closeBeats, EMPTY_BEATS, endAt, feedBeats } from './beats'
import type { BeatIndex } from './beats'
import { closeFolds, EMPTY_FOLDS, feedFolds } from './folds'
import type { FoldIndex } from './folds'
import { fineEvery, fitInterval, forward, thin, withCheckpoints } from './history'
import type { History, LoggedTransition } from './history'
import { appendMarkers, capMarkers, endMarker, markersOf } from './markers'
import type { Marker } from './markers'
import { sampleOf } from './metrics'
import type { Sample } from './metrics'

/**
 * The run computed ahead of the cursor: the furthest state, the transition log, the timeline
 * markers and the metric samples up to it. Computing ahead gives the timeline its length and its
 * markers (errors, retries ...) before the playhead gets there; replaying the cursor from
 * checkpoints is cheap.
 *
 * Memory stays bounded however long the run: the log keeps the most recent MAX_LOG transitions
 * (`logFrom` says from which step it is complete; a caption before it is recomputed by replaying
 * one step, see timeline.captionAt), markers and samples are thinned in their older half, and
 * checkpoints are thinned to a byte budget (history.thin).
 */
export interface Frontier {
  readonly head: SimState
  readonly finished: boolean
  /** Transitions in step order, exactly tagged with their step: every one from step `logFrom` on. */
  readonly log: readonly LoggedTransition[]
  /** First step whose transitions are all in the log (0 until older entries are dropped). */
  readonly logFrom: number
  /** Transitions dropped from the start of the log. */
  readonly dropped: number
  readonly markers: readonly Marker[]
  readonly samples: readonly Sample[]
  /** Beats of the steps computed so far (beats.ts). */
  readonly beats: BeatIndex
  /** Which of those beats repeat and are shown as one (folds.ts). */
  readonly folds: FoldIndex
}

export const MAX_LOG = 20000
export const MAX_SAMPLES = 4000
export const MAX_MARKERS = 8000
export const CHECKPOINT_BUDGET_BYTES = 16 * 1024 * 1024
/**
 * A sample splits the engine call there (each call copies the state's arrays and the records it
 * changes), so samples thin out as the run grows: about SAMPLE_DIV per doubling of the run (a
 * 160-pixel chart needs no more), and chunks of at least `events / 64` steps, the rule that keeps
 * the copy below the cost of the steps (history.fitInterval).
 */
const SAMPLE_DIV = 256

/**
 * Steps between two metric samples: 1 for the first 256 steps of a small run (short runs chart
 * every change), then a power of two (so samples fall on checkpoint boundaries) growing with the
 * step count and the number of events.
 */
export function sampleStride(s: SimState, every: number): number {
  let stride = 1
  while (stride < every && (stride < s.events.length / 64 || stride < s.step / SAMPLE_DIV)) stride *= 2
  return stride
}

/** Transitions of the log with from <= step <= to (the log is in step order). */
function logSteps(log: readonly LoggedTransition[], from: number, to: number): LoggedTransition[] {
  let lo = 0
  let hi = log.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((log[mid]?.step ?? from) < from) lo = mid + 1
    else hi = mid
  }
  const out: LoggedTransition[] = []
  for (let i = lo; i < log.length; i++) {
    const t = log[i]
    if (t === undefined || t.step > to) break
    out.push(t)
  }
  return out
}

/** Feeds the beats closed since the folds were last fed, and closes them with a finished run. */
function foldBeats(f: FoldIndex, b: BeatIndex, log: readonly LoggedTransition[]): FoldIndex {
  const add: LoggedTransition[][] = []
  for (let i = f.fed; i < b.count; i++) add.push(logSteps(log, endAt(b, i - 1) + 1, endAt(b, i)))
  const fed = feedFolds(f, add)
  return b.closed ? closeFolds(fed) : fed
}

export function startFrontier(
  first: SimState,
  log: readonly LoggedTransition[] = [],
  beats: BeatIndex = EMPTY_BEATS,
  folds: FoldIndex = EMPTY_FOLDS,
): Frontier {
  const finished = nextStepAt(first) === null
  const b = finished ? closeBeats(beats) : beats
  return {
    head: first,
    finished,
    log,
    logFrom: 0,
    dropped: 0,
    markers: finished ? [...markersOf(log), endMarker(first.now, first.step)] : markersOf(log),
    samples: [sampleOf(first)],
    beats: b,
    folds: foldBeats(folds, b, log),
  }
}

export function capSamples(samples: readonly Sample[], max = MAX_SAMPLES): readonly Sample[] {
  if (samples.length <= max) return samples
  // Halve the resolution of the older half rather than dropping the start of the run.
  const keep = samples.length - Math.floor(max / 2)
  return [...samples.slice(0, keep).filter((_, i) => i % 2 === 0), ...samples.slice(keep)]
}

/**
 * Drops the oldest transitions when the log is longer than `max` + `slack` (slack amortises the
 * copying), down to at most `max`, at a step boundary so every step from `logFrom` on is complete.
 */
export function capLog(
  log: LoggedTransition[],
  logFrom: number,
  dropped: number,
  max = MAX_LOG,
  slack = 0,
): { log: LoggedTransition[]; logFrom: number; dropped: number } {
  if (log.length <= max + slack) return { log, logFrom, dropped }
  let cut = log.length - max
  // Keep a step whole: also drop the rest of the step the cut falls in.
  let last = log[cut - 1]
  let next = log[cut]
  while (next && last && next.step === last.step) {
    cut++
    last = next
    next = log[cut]
  }
  const from = next ? next.step : (last?.step ?? 0) + 1
  return { log: log.slice(cut), logFrom: Math.max(logFrom, from), dropped: dropped + cut }
}

/**
 * Extends the frontier until it reaches the target (step or time) or the end of the run, by at
 * most `maxSteps` steps. Returns the updated history (new checkpoints) and frontier.
 */
export function extend(
  h: History,
  f: Frontier,
  target: { step?: number; time?: number },
  maxSteps: number,
): { history: History; frontier: Frontier } {
  if (f.finished) return { history: h, frontier: f }
  if (target.step !== undefined && f.head.step >= target.step) return { history: h, frontier: f }
  if (target.time !== undefined && f.head.now >= target.time) return { history: h, frontier: f }
  let history = h
  let head = f.head
  let log = [...f.log]
  let logFrom = f.logFrom
  let dropped = f.dropped
  let markers = [...f.markers]
  let samples = [...f.samples]
  let beats = f.beats
  let folds = f.folds
  let left = maxSteps
  while (left > 0 && nextStepAt(head) !== null) {
    history = fitInterval(history, head)
    const fine = fineEvery(head)
    const stride = sampleStride(head, fine)
    const slice = Math.min(left, fine - (head.step % fine), stride - (head.step % stride))
    const r = forward(history, head, target, { collect: true, maxSteps: slice })
    if (r.state.step === head.step) break
    left -= r.state.step - head.step
    head = r.state
    for (const t of r.transitions) log.push(t)
    appendMarkers(markers, r.transitions)
    beats = feedBeats(beats, r.transitions, head.step)
    folds = foldBeats(folds, beats, log)
    samples.push(sampleOf(head))
    if (samples.length > MAX_SAMPLES) samples = [...capSamples(samples)]
    if (markers.length > MAX_MARKERS) markers = [...capMarkers(markers, MAX_MARKERS)]
    ;({ log, logFrom, dropped } = capLog(log, logFrom, dropped, MAX_LOG, MAX_LOG >> 2))
    history = withCheckpoints(history, r.passed)
    if (
      (target.step !== undefined && head.step >= target.step) ||
      (target.time !== undefined && head.now >= target.time)
    )
      break
  }
  history = thin(history, CHECKPOINT_BUDGET_BYTES)
  ;({ log, logFrom, dropped } = capLog(log, logFrom, dropped, MAX_LOG))
  const finished = nextStepAt(head) === null
  if (finished) {
    beats = closeBeats(beats)
    markers.push(endMarker(head.now, head.step))
  }
  folds = foldBeats(folds, beats, log)
  return { history, frontier: { head, finished, log, logFrom, dropped, markers, samples, beats, folds } }
}
