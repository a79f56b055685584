import { edit } from '../clone'
import { emit, schedule, seconds, setStage } from '../core'
import { DOCS } from '../docs'
import { recordThrottle, startInvocation } from '../invoke'
import { nextRandom } from '../rng'
import type { EventRecord, Invocation, SimState, Work } from '../types'
import { asyncStage, SOURCE_LABELS } from './asyncStage'
import { giveUp, succeed } from './asyncOutcome'
import { BACKOFF_MAX_MS, BACKOFF_START_MS, chainTo, ids, RETRY_DELAYS_MS, st } from './asyncShared'
import { FAIL_HANDLED, FAIL_NONE, FAIL_THROTTLED, FAIL_UNHANDLED, type AsyncAttempt } from './asyncTypes'
import type { ModelRules } from './rules'

export { BACKOFF_MAX_MS, BACKOFF_START_MS, FUNCTION_ARN, RETRY_DELAYS_MS } from './asyncShared'

/**
 * Asynchronous invocation (fact sheet §3; spec "Precise rules", Asynchronous). The Invoke API
 * answers 202 at once and puts the event on Lambda's internal queue; the internal poller tries it
 * at once. A throttle sends it back to the queue with exponential backoff (1 s doubling to 300 s)
 * until MaximumEventAgeInSeconds; a function error or timeout is retried up to MaximumRetryAttempts
 * times, 60 s then 120 s after the end of the failed attempt (AWS says "about"; no jitter here, so
 * runs are easy to follow). When Lambda gives up, the invocation record goes to the on-failure
 * destination and the event to the DLQ (both when both are set), else it is discarded.
 *
 * Modelling choices where the docs are silent:
 * - Retry delays are exactly 60 s and 120 s (AWS: "about 1 min / 2 min"; jitter UNCONFIRMED).
 * - Throttle backoff is per event, 1 s doubling to 300 s, and restarts at 1 s after a try that ran.
 * - An event whose next try would fall after enqueue + MaximumEventAgeInSeconds expires at exactly
 *   that age with condition EventAgeExceeded (that name is UNCONFIRMED; only RetriesExhausted is
 *   documented). A try at exactly the limit still runs.
 * - Reserved concurrency 0: one throttled try, then straight to on-failure / DLQ with RetriesExhausted.
 * - On-success records carry condition Success (community-sourced, UNCONFIRMED).
 * - Duplicates (extension duplicateDeliveryRate): when an event is first taken from the queue, the
 *   queue may hand it to the poller a second time; the copy gets one try of its own (no retries,
 *   its result goes nowhere) and its attempt is marked `duplicate: true`. The original tries decide
 *   the event's outcome.
 * - Ready events are tried in time order (AWS documents no ordering).
 */

/** Generation value of a duplicate delivery's try (a real generation is never negative). */
const DUPLICATE = -1

function deadline(s: SimState, ev: EventRecord): number {
  return ev.arrivedAt + s.scenario.async.maximumEventAgeInSeconds * 1000
}

/** Schedules the event's next try at `at`, or its expiry when `at` falls after its maximum age. */
function scheduleNext(w: Work, n: number, at: number): boolean {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  const limit = deadline(s, ev)
  const g = ++a.gen[n]!
  const expires = at > limit
  const when = expires ? Math.max(limit, s.now) : at
  a.nextAt[n] = when
  schedule(w, expires ? 'asyncExpire' : 'asyncAttempt', when, n, g)
  chainTo(w, n, 'waiting')
  return expires
}

function trackAge(s: SimState, ev: EventRecord): number {
  const age = s.now - ev.arrivedAt
  if (age > s.metrics.MaxAsyncEventAgeMs) s.metrics.MaxAsyncEventAgeMs = age
  return age
}

function arrived(w: Work, n: number): void {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  a.gen[n] = 0
  a.retries[n] = 0
  a.backoff[n] = BACKOFF_START_MS
  a.nextAt[n] = s.now
  a.chain[n] = 'arriving'
  a.dupInv[n] = -1
  a.runs[n] = 0
  a.lastFail[n] = FAIL_NONE
  a.runFail[n] = FAIL_NONE
  a.lastReason[n] = ''
  s.metrics.AsyncEventsReceived++
  chainTo(w, n, 'queued')
  if (w.log) {
    const src = SOURCE_LABELS[s.scenario.async.source]
    emit(w, 'accepted', DOCS.asyncAccept, `${src} invokes the function with ${ev.id} (InvocationType=Event). Lambda puts the event on its internal queue and answers 202 Accepted at once, without running the function: ${src} does not wait and never sees the result.`, ids(ev))
  }
  // Tried at arrival, like a synchronous request: before an environment freed in this millisecond is back.
  schedule(w, 'asyncAttempt', s.now, n, a.gen[n], true)
}

function attempt(w: Work, n: number, g: number): void {
  if (g === DUPLICATE) return duplicateTry(w, n)
  const s = w.s
  const a = st(s)
  if (a.gen[n] !== g) return
  const ev = edit(w, n)
  const cfg = s.scenario.async
  a.nextAt[n] = -1
  const age = trackAge(s, ev)
  const first = ev.attempts.length === 0
  if (w.log) {
    const tries = ev.attempts.filter((t) => !(t as AsyncAttempt).duplicate).length
    const what = first
      ? `Lambda's internal poller takes ${ev.id} from the queue at once and invokes the function.`
      : `Lambda's internal poller takes ${ev.id} from the queue again and invokes the function (try ${tries + 1}; the event is ${seconds(age)} old, MaximumEventAgeInSeconds is ${cfg.maximumEventAgeInSeconds} s).`
    emit(w, 'polled', DOCS.asyncAccept, what, ids(ev))
  }
  if (first && cfg.duplicateDeliveryRate > 0) {
    const [u, rng] = nextRandom(s.rng)
    s.rng = rng
    if (u < cfg.duplicateDeliveryRate) {
      schedule(w, 'asyncAttempt', s.now, n, DUPLICATE)
      if (w.log) {
        emit(w, 'queued', DOCS.asyncRetry, `The internal queue is eventually consistent: it also hands ${ev.id} to the poller a second time (duplicateDeliveryRate ${cfg.duplicateDeliveryRate}). The copy runs on its own, which is why AWS asks handlers to be idempotent.`, ids(ev))
      }
    }
  }
  const r = startInvocation(w, [n], { batch: null, ctx: 0, partial: false })
  if (r.ok) {
    a.runs[n]!++
    a.backoff[n] = BACKOFF_START_MS
    chainTo(w, n, 'running')
    return
  }
  recordThrottle(w, [n], r.reason, null)
  a.lastFail[n] = FAIL_THROTTLED
  a.lastReason[n] = r.reason
  if (s.scenario.function.reservedConcurrentExecutions === 0) {
    if (w.log) {
      emit(w, 'throttled', DOCS.reserved, `Throttled: ${r.why} (429 ${r.reason}). With reserved concurrency 0 Lambda does not retry asynchronous events: ${ev.id} goes straight to where failed events go (RetriesExhausted).`, ids(ev))
    }
    giveUp(w, n, 'RetriesExhausted')
    return
  }
  const delay = a.backoff[n]!
  a.backoff[n] = Math.min(delay * 2, BACKOFF_MAX_MS)
  const limit = deadline(s, ev)
  const expires = scheduleNext(w, n, s.now + delay)
  if (w.log) {
    const left = limit - s.now
    const plan = expires
      ? `The next try would come in ${seconds(delay)}, past the MaximumEventAgeInSeconds of ${cfg.maximumEventAgeInSeconds} s (${seconds(Math.max(0, left))} left), so the event will expire at that age instead.`
      : `It goes back to the queue and Lambda tries again in ${seconds(delay)} (the backoff starts at 1 s and doubles up to 5 min). The event is ${seconds(age)} old; ${seconds(left)} left of MaximumEventAgeInSeconds ${cfg.maximumEventAgeInSeconds} s.`
    emit(w, 'throttled', DOCS.asyncRetry, `Throttled: ${r.why} (429 ${r.reason}). Unlike a synchronous call nothing is lost: ${ev.id} stays Lambda's to deliver. ${plan} Throttle retries do not use up MaximumRetryAttempts.`, ids(ev))
  }
}

/** A duplicate delivery's single try; its result never decides the event's outcome. */
function duplicateTry(w: Work, n: number): void {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  trackAge(s, ev)
  const r = startInvocation(w, [n], { batch: null, ctx: 1, partial: false })
  if (!r.ok) {
    recordThrottle(w, [n], r.reason, null)
    markDuplicate(ev)
    if (w.log) emit(w, 'throttled', DOCS.asyncRetry, `The duplicate copy of ${ev.id} is throttled (429 ${r.reason}); the copy is dropped, the original tries carry on.`, ids(ev))
    return
  }
  markDuplicate(ev)
  a.dupInv[n] = r.inv.n
}

function markDuplicate(ev: EventRecord): void {
  const k = ev.attempts.length - 1
  ev.attempts[k] = { ...ev.attempts[k]!, duplicate: true } as AsyncAttempt
}

function duplicateEnded(w: Work, inv: Invocation): void {
  const s = w.s
  const a = st(s)
  const n = inv.events[0]!
  const ev = edit(w, n)
  if (a.dupInv[n] === inv.n) a.dupInv[n] = -1
  const chain = a.chain[n]!
  if (a.dupInv[n]! < 0 && ev.stage !== chain) setStage(w, ev.n, chain)
  if (w.log) {
    const how = inv.end === 'success' ? 'succeeds' : inv.end === 'timeout' ? 'times out' : 'fails'
    emit(w, inv.end === 'success' ? 'succeeded' : inv.end === 'timeout' ? 'timedOut' : 'functionError', DOCS.asyncRetry, `The duplicate invocation of ${ev.id} ${how}. Lambda does not retry the copy and sends nothing for it: the original tries decide what happens to the event.`, { events: [ev.id], env: s.envs[inv.env]!.id })
  }
}

function invocationEnded(w: Work, inv: Invocation): void {
  if (inv.ctx === 1) return duplicateEnded(w, inv)
  const s = w.s
  const a = st(s)
  const n = inv.events[0]!
  const ev = edit(w, n)
  const cfg = s.scenario.async
  const env = s.envs[inv.env]!.id
  if (inv.end === 'success') {
    succeed(w, n, inv)
    return
  }
  const code = inv.end === 'timeout' ? FAIL_UNHANDLED : FAIL_HANDLED
  a.lastFail[n] = code
  a.runFail[n] = code
  if (w.log) {
    if (inv.end === 'timeout') {
      emit(w, 'timedOut', DOCS.functionError, `${ev.id} times out after ${s.scenario.function.timeout} s (FunctionError Unhandled). Lambda resets ${env}, so its next invocation runs Init again.`, { events: [ev.id], env })
    } else {
      emit(w, 'functionError', DOCS.functionError, `The handler throws for ${ev.id} (FunctionError Handled); ${env} stays warm. Nobody is waiting for the answer: the source already had its 202.`, { events: [ev.id], env })
    }
  }
  const used = a.retries[n]!
  if (used >= cfg.maximumRetryAttempts) {
    if (w.log) {
      const runs = a.runs[n]!
      emit(w, 'retryScheduled', DOCS.asyncRetry, `${ev.id} failed ${runs === 1 ? 'its only attempt' : `all ${runs} attempts`} and MaximumRetryAttempts is ${cfg.maximumRetryAttempts}: Lambda gives up (RetriesExhausted).`, ids(ev))
    }
    giveUp(w, n, 'RetriesExhausted')
    return
  }
  a.retries[n] = used + 1
  const delay = RETRY_DELAYS_MS[used] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1]!
  const expires = scheduleNext(w, n, s.now + delay)
  if (w.log) {
    const why = inv.end === 'timeout' ? 'the function timed out' : 'the function threw'
    const base = `Retry ${used + 1} of ${cfg.maximumRetryAttempts} for ${ev.id} in ${seconds(delay)}: ${why}, and MaximumRetryAttempts is ${cfg.maximumRetryAttempts} (AWS waits about 1 min before the 1st retry and about 2 min before the 2nd; this simulation uses exactly 60 s and 120 s).`
    const text = expires
      ? `${base} But that would be past MaximumEventAgeInSeconds ${cfg.maximumEventAgeInSeconds} s, so the event will expire at that age instead.`
      : base
    emit(w, 'retryScheduled', DOCS.asyncRetry, text, ids(ev))
  }
}

function expire(w: Work, n: number, g: number): void {
  const s = w.s
  const a = st(s)
  if (a.gen[n] !== g) return
  a.nextAt[n] = -1
  const ev = edit(w, n)
  if (w.log) {
    emit(w, 'expired', DOCS.asyncConfig, `${ev.id} is now ${seconds(s.now - ev.arrivedAt)} old, the MaximumEventAgeInSeconds of ${s.scenario.async.maximumEventAgeInSeconds} s, and its next try would come later: Lambda stops trying (condition EventAgeExceeded).`, ids(ev))
  }
  giveUp(w, n, 'EventAgeExceeded')
}

export const asyncRules: ModelRules = {
  init(w) {
    w.s.async = { gen: [], retries: [], backoff: [], nextAt: [], chain: [], dupInv: [], runs: [], lastFail: [], runFail: [], lastReason: [], queued: 0, waiting: 0 }
  },
  arrived,
  invocationEnded,
  occur: {
    asyncAttempt: attempt,
    asyncExpire: expire,
  },
  stage: asyncStage,
}
