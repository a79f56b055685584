import { nextStepAt } from '../engine'
import type { SimState } from '../engine'
import { forward, thin, withCheckpoints } from './history'
import type { History, LoggedTransition } from './history'
import { sampleOf } from './metrics'
import type { Sample } from './metrics'

/**
 * The run computed ahead of the cursor: the furthest state, the transition log and the metric
 * samples up to it. Computing ahead gives the timeline its length and its markers (errors,
 * retries ...) before the playhead gets there; replaying the cursor from checkpoints is cheap.
 */
export interface Frontier {
  readonly head: SimState
  readonly finished: boolean
  readonly log: readonly LoggedTransition[]
  readonly samples: readonly Sample[]
}

/** Above this many events one engine call per step gets slow: the log is then tagged per chunk. */
const SINGLE_STEP_EVENTS = 2000
const MAX_LOG = 20000
const MAX_SAMPLES = 4000
export const CHECKPOINT_BUDGET_BYTES = 64 * 1024 * 1024

export function startFrontier(first: SimState, log: readonly LoggedTransition[] = []): Frontier {
  return { head: first, finished: nextStepAt(first) === null, log, samples: [sampleOf(first)] }
}

function capSamples(samples: Sample[]): Sample[] {
  if (samples.length <= MAX_SAMPLES) return samples
  // Halve the resolution of the older half rather than dropping the start of the run.
  const keep = samples.length - MAX_SAMPLES / 2
  return [...samples.slice(0, keep).filter((_, i) => i % 2 === 0), ...samples.slice(keep)]
}

/**
 * Extends the frontier until it reaches the target (step or time) or the end of the run, by at
 * most `maxSteps` steps. Returns the updated history (new checkpoints) and frontier.
 */
export function extend(h: History, f: Frontier, target: { step?: number; time?: number }, maxSteps: number): { history: History; frontier: Frontier } {
  if (f.finished) return { history: h, frontier: f }
  if (target.step !== undefined && f.head.step >= target.step) return { history: h, frontier: f }
  if (target.time !== undefined && f.head.now >= target.time) return { history: h, frontier: f }
  let history = h
  let head = f.head
  const log = [...f.log]
  const samples = [...f.samples]
  let left = maxSteps
  while (left > 0 && nextStepAt(head) !== null) {
    const single = head.events.length <= SINGLE_STEP_EVENTS && log.length < MAX_LOG
    const slice = single ? 1 : Math.min(left, history.every)
    const r = forward(history, head, target, { collect: log.length < MAX_LOG, single, maxSteps: slice })
    if (r.state.step === head.step) break
    left -= r.state.step - head.step
    head = r.state
    log.push(...r.transitions)
    samples.push(sampleOf(head))
    history = withCheckpoints(history, r.passed)
    if ((target.step !== undefined && head.step >= target.step) || (target.time !== undefined && head.now >= target.time)) break
  }
  history = thin(history, CHECKPOINT_BUDGET_BYTES)
  return { history, frontier: { head, finished: nextStepAt(head) === null, log, samples: capSamples(samples) } }
}
