import { arrive, idOffsets, scheduleFirstArrivals, scheduleManual, type ManualEvent } from './arrivals'
import { narrate } from './captions'
import { cloneState, work, shareWritten } from './clone'
import { schedule, small, tell } from './core'
import { createProvisioned, reclaimEnv, UNIT } from './environments'
import { heapPop } from './heap'
import { failedAny, finishInvocation, freeEnv, showFailure } from './invoke'
import { MODEL_RULES } from './models/registry'
import { must } from './must'
import { emptyPacked } from './packed'
import type { ModelRules } from './models/rules'
import type { Scenario } from './scenario/types'
import type { Metrics, Occurrence, SimState, StepResult, Transition, Work } from './types'
import { isHousekeeping } from './types'

/**
 * The public engine API. Every function is pure: it copies its input state (copy-on-write, see
 * clone.ts), runs the discrete-event loop on the copy, and returns the new state with what
 * happened (transitions).
 * No wall clock, no ambient randomness: the same scenario and calls give the same run.
 */

function rulesFor(s: SimState): ModelRules {
  return MODEL_RULES[s.scenario.model]
}

function emptyMetrics(): Metrics {
  return {
    Invocations: 0,
    Errors: 0,
    Throttles: 0,
    ColdStarts: 0,
    MaxConcurrentExecutions: 0,
    AsyncEventsReceived: 0,
    AsyncEventsDropped: 0,
    MaxAsyncEventAgeMs: 0,
    MaxIteratorAgeMs: 0,
    DeadLetterMessages: 0,
    OnSuccessDeliveries: 0,
    OnFailureDeliveries: 0,
    ProvisionedConcurrencyInvocations: 0,
    ProvisionedConcurrencySpilloverInvocations: 0,
    DeadLetterErrors: 0,
    durationHist: {},
    durationCount: 0,
  }
}

export interface SimOptions {
  /** Keep every event's record for the report (default). False: metrics only, less memory. */
  readonly keepEvents?: boolean
  /**
   * With keepEvents: keep finished events as numbers instead of records (packed.ts), for a report
   * written at the end (`npm run sim`). The report is the same; the records are not there to read.
   */
  readonly packEvents?: boolean
}

/** The state at time 0 of a validated scenario (see scenario/parse.ts). */
export function createSim(scenario: Scenario, opts: SimOptions = {}): SimState {
  const s: SimState = {
    scenario: structuredClone(scenario),
    keepEvents: opts.keepEvents ?? true,
    packed:
      !(typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__) &&
      (opts.keepEvents ?? true) &&
      opts.packEvents === true
        ? emptyPacked()
        : null,
    now: 0,
    step: 0,
    seq: 0,
    rng: scenario.seed >>> 0,
    queue: [],
    work: 0,
    idOffset: idOffsets(scenario.workload),
    events: [],
    envs: [],
    invocations: {},
    settling: null,
    nextInvocation: 0,
    nextBatch: 0,
    manual: [],
    failNext: 0,
    concurrency: {
      busy: 0,
      bucketUnits: scenario.account.scalingRatePer10s * UNIT,
      bucketAt: 0,
      idleOnDemand: [],
      idleProvisioned: [],
    },
    metrics: emptyMetrics(),
    lastActivityAt: 0,
    sync: null,
    async: null,
    sqs: null,
    stream: null,
  }
  const w = work(s, null, 0)
  const rules = rulesFor(s)
  createProvisioned(s)
  rules.init(w)
  scheduleFirstArrivals(w)
  return s
}

/** True when the run is over: see nextStepAt. */
export function isFinished(state: SimState): boolean {
  return nextStepAt(state) === null
}

/**
 * The time of the next occurrence a step would apply, or null when the run is over: nothing but
 * housekeeping is left, or the next occurrence falls after `stopAtMs`.
 */
export function nextStepAt(state: SimState): number | null {
  const head = state.queue[0]
  if (!head || state.work === 0) return null
  const stop = state.scenario.stopAtMs
  return stop !== null && head.at > stop ? null : head.at
}

function apply(w: Work, o: Occurrence, rules: ModelRules): void {
  const s = w.s
  s.now = o.at
  s.step++
  if (!isHousekeeping(o.kind)) s.work--
  switch (o.kind) {
    case 'arrival':
      rules.arrived(w, arrive(w, o.a, o.b))
      return
    case 'invocationEnd': {
      const inv = finishInvocation(w, o.a)
      if (!inv) return
      // A failure is one step and what follows it (retry, back to the queue, delivery) the next,
      // so the failed attempt is seen in its environment before it moves on.
      if (!failedAny(inv)) {
        freeEnv(w, inv)
        return rules.invocationEnded(w, inv)
      }
      s.settling = inv
      showFailure(w, inv)
      schedule(w, 'settle', s.now, inv.n)
      return
    }
    case 'settle': {
      const inv = s.settling
      if (!inv || inv.n !== o.a) throw new Error(`settle: invocation ${o.a} is not the one settling`)
      s.settling = null
      freeEnv(w, inv)
      rules.invocationEnded(w, inv)
      return
    }
    case 'reclaim':
      reclaimEnv(w, o.a)
      return
    default: {
      // Every payload is at most two integers, stored as a and b (types.ts OccurrencePayloads).
      const handler = rules.occur[o.kind] as ((w: Work, a: number, b: number) => void) | undefined
      if (!handler) throw new Error(`No handler for occurrence "${o.kind}" in model ${s.scenario.model}`)
      handler(w, o.a, o.b)
    }
  }
}

export interface AdvanceOptions {
  /** Apply at most this many occurrences (steps). */
  readonly steps?: number
  /** Apply occurrences with time <= until, then set the clock to `until`. */
  readonly until?: number
  /** With `until`: leave the clock at the last occurrence applied (a replay to a time stays on a step). */
  readonly keepClock?: boolean
  /** Collect the transition log (captions). Off for headless bulk runs. */
  readonly collect?: boolean
  /**
   * Another state of the same run (the run computed ahead of a replay): each record this call
   * writes that ends equal to that state's record of the same event is returned as that object,
   * so a replay keeps one copy of a finished record (clone.ts `shareWritten`).
   */
  readonly shareWith?: SimState
}

/** Applies occurrences in (time, sequence) order. Pure: returns a new state. */
export function advance(state: SimState, opts: AdvanceOptions = {}): StepResult {
  const s = cloneState(state)
  const log: Transition[] | null = opts.collect === false ? null : []
  const w = work(s, log, s.events.length, narrate)
  const rules = rulesFor(s)
  let budget = opts.steps ?? Number.MAX_SAFE_INTEGER
  const until = opts.until ?? Number.MAX_SAFE_INTEGER
  const stop = s.scenario.stopAtMs ?? Number.MAX_SAFE_INTEGER
  let exhausted = true
  while (s.work > 0) {
    const head = s.queue[0]
    if (!head || head.at > until || head.at > stop) break
    if (budget === 0) {
      exhausted = false
      break
    }
    apply(w, must(heapPop(s.queue), 'the queue head just read is gone'), rules)
    budget--
  }
  // The clock moves to `until` only when every occurrence up to it was applied (not when the step
  // budget stopped first).
  if (exhausted && opts.until !== undefined && opts.until > s.now && opts.keepClock !== true)
    s.now = small(Math.min(opts.until, stop))
  if (opts.shareWith) shareWritten(w, opts.shareWith)
  return { state: s, transitions: log ?? [] }
}

/** One occurrence forward. */
export function step(state: SimState): StepResult {
  return advance(state, { steps: 1 })
}

/** Runs to the end (or stopAtMs). Without `collect` no transitions are built, for speed. */
export function runToEnd(state: SimState, collect = false): StepResult {
  const r = advance(state, { collect })
  const s = r.state
  const stop = s.scenario.stopAtMs
  if (stop !== null && s.work > 0) s.now = small(stop)
  return r
}

export type Command =
  | { readonly type: 'sendEvent'; readonly event?: ManualEvent }
  | { readonly type: 'failNext' }
  | { readonly type: 'configure'; readonly scenario: Scenario }

/**
 * A user action at the current time. Sending an event schedules its arrival now (the next step
 * applies it); `configure` swaps in a new validated scenario (knobs), keeping the run's history.
 */
export function dispatch(state: SimState, command: Command): StepResult {
  const s = cloneState(state)
  const w = work(s, [], s.events.length, narrate)
  switch (command.type) {
    case 'sendEvent':
      scheduleManual(w, command.event ?? {})
      tell(w, { kind: 'eventSent', event: `you-${s.manual.length}` })
      break
    case 'failNext':
      s.failNext++
      tell(w, { kind: 'failNextArmed', pending: s.failNext })
      break
    case 'configure': {
      const before = s.scenario
      if (command.scenario.model !== before.model) throw new Error('configure cannot change the model; start a new run')
      s.scenario = structuredClone({ ...command.scenario, workload: before.workload, seed: before.seed })
      const extra =
        s.scenario.function.provisionedConcurrentExecutions - before.function.provisionedConcurrentExecutions
      if (extra > 0) createProvisioned(s, extra)
      tell(w, { kind: 'configChanged', provisionedAdded: Math.max(0, extra) })
      break
    }
  }
  return { state: s, transitions: w.log ?? [] }
}
