import { edit } from '../clone'
import { paged, pat, pget, pset } from '../paged'
import type { EventNo } from '../ids'
import { nth, envAt, ctxOf } from '../must'
import { schedule, setStage, tell } from '../core'
import { recordThrottle, startInvocation } from '../invoke'
import { nextRandom } from '../rng'
import type { EventRecord, Invocation, InvocationCtx, SimState, Work } from '../types'
import { asyncStage } from './asyncStage'
import { giveUp, succeed } from './asyncOutcome'
import { BACKOFF_MAX_MS, BACKOFF_START_MS, chainTo, ids, RETRY_DELAYS_MS, st } from './asyncShared'
import { FAIL_THROWN, FAIL_NONE, FAIL_THROTTLED, FAIL_TIMEOUT, type AsyncAttempt } from './asyncTypes'
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

/** The context of a try of the event's own chain, and of a duplicate delivery's single try (shared, never mutated). */
const MAIN_TRY: InvocationCtx = { model: 'async', duplicate: false }
const DUPLICATE_TRY: InvocationCtx = { model: 'async', duplicate: true }

function deadline(s: SimState, ev: EventRecord): number {
  return ev.arrivedAt + s.scenario.async.maximumEventAgeInSeconds * 1000
}

/** Schedules the event's next try at `at`, or its expiry when `at` falls after its maximum age. */
function scheduleNext(w: Work, n: EventNo, at: number): boolean {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  const limit = deadline(s, ev)
  const g = pat(a.gen, n) + 1
  pset(a.gen, n, g)
  const expires = at > limit
  const when = expires ? Math.max(limit, s.now) : at
  pset(a.nextAt, n, when)
  schedule(w, expires ? 'asyncExpire' : 'asyncAttempt', when, n, g)
  chainTo(w, n, 'waiting')
  return expires
}

function trackAge(s: SimState, ev: EventRecord): number {
  const age = s.now - ev.arrivedAt
  if (age > s.metrics.MaxAsyncEventAgeMs) s.metrics.MaxAsyncEventAgeMs = age
  return age
}

function arrived(w: Work, n: EventNo): void {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  pset(a.gen, n, 0)
  pset(a.retries, n, 0)
  pset(a.backoff, n, BACKOFF_START_MS)
  pset(a.nextAt, n, s.now)
  pset(a.chain, n, 'arriving')
  pset(a.dupInv, n, -1)
  pset(a.runs, n, 0)
  pset(a.lastFail, n, FAIL_NONE)
  pset(a.runFail, n, FAIL_NONE)
  pset(a.lastReason, n, '')
  pset(a.acceptedStep, n, s.step)
  s.metrics.AsyncEventsReceived++
  chainTo(w, n, 'queued')
  if (w.log) tell(w, { kind: 'asyncAccepted', event: ev.id }, ids(ev))
  // Tried at arrival, like a synchronous request: before an environment freed in this millisecond is back.
  schedule(w, 'asyncAttempt', s.now, n, pat(a.gen, n), true)
}

function attempt(w: Work, n: EventNo, g: number): void {
  if (g === DUPLICATE) return duplicateTry(w, n)
  const s = w.s
  const a = st(s)
  if (pget(a.gen, n) !== g) return
  const ev = edit(w, n)
  const cfg = s.scenario.async
  pset(a.nextAt, n, -1)
  const age = trackAge(s, ev)
  const first = ev.attempts.length === 0
  if (w.log) {
    const tries = first ? 0 : ev.attempts.filter((t) => !(t as AsyncAttempt).duplicate).length
    tell(w, { kind: 'asyncPolled', event: ev.id, attempt: tries + 1, ageMs: age }, ids(ev))
  }
  if (first && cfg.duplicateDeliveryRate > 0) {
    const [u, rng] = nextRandom(s.rng)
    s.rng = rng
    if (u < cfg.duplicateDeliveryRate) {
      schedule(w, 'asyncAttempt', s.now, n, DUPLICATE)
      if (w.log) tell(w, { kind: 'asyncDuplicated', event: ev.id }, ids(ev))
    }
  }
  const r = startInvocation(w, [n], { batch: null, ctx: MAIN_TRY, partial: false })
  if (r.ok) {
    pset(a.runs, n, pat(a.runs, n) + 1)
    pset(a.backoff, n, BACKOFF_START_MS)
    chainTo(w, n, 'running')
    return
  }
  recordThrottle(w, [n], r.reason, null)
  pset(a.lastFail, n, FAIL_THROTTLED)
  pset(a.lastReason, n, r.reason)
  if (s.scenario.function.reservedConcurrentExecutions === 0) {
    if (w.log) tell(w, { kind: 'asyncThrottledNoRetry', event: ev.id, reason: r.reason, why: r.why }, ids(ev))
    giveUp(w, n, 'RetriesExhausted')
    return
  }
  const delay = pat(a.backoff, n)
  pset(a.backoff, n, Math.min(delay * 2, BACKOFF_MAX_MS))
  const limit = deadline(s, ev)
  const expires = scheduleNext(w, n, s.now + delay)
  if (w.log)
    tell(
      w,
      {
        kind: 'asyncThrottled',
        event: ev.id,
        reason: r.reason,
        why: r.why,
        inMs: delay,
        ageMs: age,
        leftMs: limit - s.now,
        expires,
      },
      ids(ev),
    )
}

/** A duplicate delivery's single try; its result never decides the event's outcome. */
function duplicateTry(w: Work, n: EventNo): void {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  trackAge(s, ev)
  const r = startInvocation(w, [n], { batch: null, ctx: DUPLICATE_TRY, partial: false })
  if (!r.ok) {
    recordThrottle(w, [n], r.reason, null)
    markDuplicate(ev)
    if (w.log) tell(w, { kind: 'asyncDuplicateThrottled', event: ev.id, reason: r.reason }, ids(ev))
    return
  }
  markDuplicate(ev)
  pset(a.dupInv, n, r.inv.n)
}

function markDuplicate(ev: EventRecord): void {
  const k = ev.attempts.length - 1
  ev.attempts[k] = { ...nth(ev.attempts, k), duplicate: true } as AsyncAttempt
}

function duplicateEnded(w: Work, inv: Invocation): void {
  const s = w.s
  const a = st(s)
  const n = nth(inv.events, 0)
  const ev = edit(w, n)
  if (pget(a.dupInv, n) === inv.n) pset(a.dupInv, n, -1)
  const chain = pat(a.chain, n)
  if (pat(a.dupInv, n) < 0 && ev.stage !== chain) setStage(w, ev.n, chain)
  if (w.log) {
    const env = envAt(s, inv.env).id
    tell(w, { kind: 'asyncDuplicateEnded', event: ev.id, env, end: inv.end }, { events: [ev.id], env })
  }
}

function invocationEnded(w: Work, inv: Invocation): void {
  if (ctxOf(inv, 'async').duplicate) return duplicateEnded(w, inv)
  const s = w.s
  const a = st(s)
  const n = nth(inv.events, 0)
  const ev = edit(w, n)
  const cfg = s.scenario.async
  const env = envAt(s, inv.env).id
  if (inv.end === 'success') {
    succeed(w, n, inv)
    return
  }
  const code = inv.end === 'timeout' ? FAIL_TIMEOUT : FAIL_THROWN
  pset(a.lastFail, n, code)
  pset(a.runFail, n, code)
  if (w.log) tell(w, { kind: 'asyncFailed', event: ev.id, env, end: inv.end }, { events: [ev.id], env })
  const used = pat(a.retries, n)
  if (used >= cfg.maximumRetryAttempts) {
    if (w.log) tell(w, { kind: 'asyncRetriesExhausted', event: ev.id, runs: pat(a.runs, n) }, ids(ev))
    giveUp(w, n, 'RetriesExhausted')
    return
  }
  pset(a.retries, n, used + 1)
  const delay = RETRY_DELAYS_MS[used] ?? nth(RETRY_DELAYS_MS, RETRY_DELAYS_MS.length - 1)
  const expires = scheduleNext(w, n, s.now + delay)
  if (w.log)
    tell(
      w,
      { kind: 'asyncRetryScheduled', event: ev.id, retry: used + 1, inMs: delay, reason: inv.end, expires },
      ids(ev),
    )
}

function expire(w: Work, n: EventNo, g: number): void {
  const s = w.s
  const a = st(s)
  if (pget(a.gen, n) !== g) return
  pset(a.nextAt, n, -1)
  const ev = edit(w, n)
  if (w.log) tell(w, { kind: 'asyncExpired', event: ev.id, ageMs: s.now - ev.arrivedAt }, ids(ev))
  giveUp(w, n, 'EventAgeExceeded')
}

export const asyncRules: ModelRules = {
  init(w) {
    w.s.async = {
      gen: paged(),
      retries: paged(),
      backoff: paged(),
      nextAt: paged(),
      chain: paged(),
      dupInv: paged(),
      runs: paged(),
      lastFail: paged(),
      runFail: paged(),
      lastReason: paged(),
      acceptedStep: paged(),
      queued: 0,
      waiting: 0,
    }
  },
  arrived,
  invocationEnded,
  occur: {
    asyncAttempt: attempt,
    asyncExpire: expire,
  },
  stage: asyncStage,
}
