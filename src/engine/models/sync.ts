import { edit } from '../clone'
import { paged, pat, pget, pset } from '../paged'
import { envAt, internalError, nth } from '../must'
import type { EventNo, InvocationNo } from '../ids'
import { deliver, release, schedule, setStage, tell } from '../core'
import { recordThrottle, startInvocation } from '../invoke'
import type { Delivery, EventRecord, Invocation, InvocationCtx, Outcome, SimState, TokenStage, Work } from '../types'
import type { ModelRules } from './rules'
import { syncStage } from './syncStage'
import type { SyncModelState } from './syncTypes'

/**
 * Synchronous invocation (fact sheet §1): the caller calls Invoke and waits. Success is 200; a
 * function error is still 200 with X-Amz-Function-Error; no concurrency left is 429 with a Reason
 * and nothing is queued. Lambda never retries; the caller may (clientMaxAttempts), after a 429 or
 * its own timeout (504), while the abandoned invocation runs on.
 */

/** Every synchronous invocation's context: the caller's side (its attempts) is in the sync state. */
const SYNC_CTX: InvocationCtx = { model: 'sync' }

function st(s: SimState): SyncModelState {
  return s.sync ?? internalError('no sync model state')
}

/** The report's outcome rule for a synchronous request (spec: Callers and retries). */
export function syncOutcome(s: SimState, ev: EventRecord): Outcome {
  if (hasResult(ev, 'success')) return 'succeeded'
  if (hasResult(ev, 'running') || pget(st(s).retryPending, ev.n)) return 'pending'
  const last = ev.deliveries[ev.deliveries.length - 1]
  if (!last) return 'pending'
  return last.status === 429 ? 'throttled' : 'failed'
}

/** `ev.attempts.some((a) => a.result === result)`, without a closure per call (it runs per request). */
function hasResult(ev: EventRecord, result: EventRecord['attempts'][number]['result']): boolean {
  const attempts = ev.attempts
  for (let i = 0; i < attempts.length; i++) if (nth(attempts, i).result === result) return true
  return false
}

function settle(w: Work, ev: EventRecord): void {
  ev.outcome = syncOutcome(w.s, ev)
  let stage: TokenStage
  if (hasResult(ev, 'running')) stage = 'running'
  else if (pget(st(w.s).retryPending, ev.n)) stage = 'waiting'
  else stage = ev.outcome === 'pending' ? 'arriving' : ev.outcome
  if (stage !== ev.stage) setStage(w, ev.n, stage)
  // Done for good: an outcome, nothing running, no retry to come, nobody waiting.
  if (stage === ev.outcome && pget(st(w.s).waitingOn, ev.n) === -1) release(w, ev.n)
}

/** The caller gets its answer, at this step. */
function answer(w: Work, n: EventNo, d: Omit<Delivery, 'atMs'>): void {
  deliver(w, n, d)
  pset(st(w.s).answerStep, n, w.s.step)
}

function callerAttempt(w: Work, n: EventNo): void {
  const s = w.s
  const sync = s.scenario.sync
  const ev = edit(w, n)
  pset(st(s).callerAttempts, n, pat(st(s).callerAttempts, n) + 1)
  pset(st(s).retryPending, n, false)
  const r = startInvocation(w, [n], { batch: null, ctx: SYNC_CTX, partial: false })
  if (!r.ok) {
    recordThrottle(w, [n], r.reason, null)
    answer(w, ev.n, { to: 'caller', status: 429, reason: r.reason })
    if (w.log) tell(w, { kind: 'syncThrottled', event: ev.id, reason: r.reason, why: r.why }, { events: [ev.id] })
    retryOrSettle(w, ev)
    return
  }
  pset(st(s).waitingOn, n, r.inv.n)
  const limit = sync.callerTimeoutMs
  if (limit !== null && r.inv.endAt - s.now > limit) schedule(w, 'callerTimeout', s.now + limit, n, r.inv.n)
  settle(w, ev)
}

function retryOrSettle(w: Work, ev: EventRecord): void {
  const s = w.s
  const sync = s.scenario.sync
  if (pat(st(s).callerAttempts, ev.n) < sync.clientMaxAttempts) {
    pset(st(s).retryPending, ev.n, true)
    schedule(w, 'callerRetry', s.now + sync.clientBackoffMs, ev.n)
    if (w.log)
      tell(
        w,
        {
          kind: 'syncCallerRetry',
          event: ev.id,
          attempt: pat(st(s).callerAttempts, ev.n) + 1,
          inMs: sync.clientBackoffMs,
        },
        { events: [ev.id] },
      )
  }
  settle(w, ev)
}

function callerTimeout(w: Work, n: EventNo, invN: InvocationNo): void {
  const s = w.s
  if (pget(st(s).waitingOn, n) !== invN) return
  pset(st(s).waitingOn, n, -1)
  const ev = edit(w, n)
  answer(w, ev.n, { to: 'caller', status: 504, reason: 'CallerTimeout' })
  if (w.log) {
    const env = s.envs[s.invocations[invN]?.env ?? -1]
    tell(w, { kind: 'syncCallerTimedOut', event: ev.id, env: env ? env.id : null }, { events: [ev.id] })
  }
  retryOrSettle(w, ev)
}

function invocationEnded(w: Work, inv: Invocation): void {
  const s = w.s
  const n = nth(inv.events, 0)
  const ev = edit(w, n)
  const waiting = pget(st(s).waitingOn, n) === inv.n
  if (waiting) {
    pset(st(s).waitingOn, n, -1)
    if (inv.end === 'success') answer(w, ev.n, { to: 'caller', status: 200 })
    else answer(w, ev.n, { to: 'caller', status: 200, functionError: 'Unhandled' })
  }
  if (w.log) {
    const env = envAt(s, inv.env).id
    tell(
      w,
      { kind: 'syncEnded', event: ev.id, env, end: inv.end, handlerMs: inv.handlerMs, waiting },
      { events: [ev.id], env },
    )
  }
  settle(w, ev)
}

export const syncRules: ModelRules = {
  init(w) {
    w.s.sync = { callerAttempts: paged(), waitingOn: paged(), retryPending: paged(), answerStep: paged() }
  },
  arrived(w, n) {
    const s = w.s
    pset(st(s).callerAttempts, n, 0)
    pset(st(s).waitingOn, n, -1)
    pset(st(s).retryPending, n, false)
    pset(st(s).answerStep, n, -1)
    if (w.log) {
      const ev = edit(w, n)
      tell(w, { kind: 'syncCalled', event: ev.id }, { events: [ev.id] })
    }
    callerAttempt(w, n)
  },
  invocationEnded,
  occur: {
    callerRetry: (w, n) => callerAttempt(w, n),
    callerTimeout,
  },
  stage: syncStage,
}
