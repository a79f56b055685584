import { edit } from '../clone'
import { nth, envAt } from '../must'
import type { EventNo } from '../ids'
import { deliver, tell, touch } from '../core'
import type { EventRecord, Invocation, SimState, Work } from '../types'
import { deadLetterMessage, destinationMessage, invocationRecord } from '../records'
import { chainTo, ids, st } from './asyncShared'
import { FAIL_HANDLED, FAIL_THROTTLED, FAIL_UNHANDLED } from './asyncTypes'

/**
 * Where an asynchronous event ends (fact sheet §3.5, §3.6): the on-success record, or, when Lambda
 * gives up, the on-failure invocation record and/or the DLQ message, else a discard.
 */

export function succeed(w: Work, n: EventNo, inv: Invocation): void {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  const target = s.scenario.async.onSuccess
  ev.outcome = 'succeeded'
  chainTo(w, n, 'succeeded')
  if (w.log) {
    const env = envAt(s, inv.env).id
    tell(
      w,
      { kind: 'asyncSucceeded', event: ev.id, env, handlerMs: inv.handlerMs, onSuccess: target },
      { events: [ev.id], env },
    )
  }
  if (target !== null) {
    // The handler returns nothing, so the response payload is null.
    const record = destinationMessage(
      s,
      target,
      invocationRecord(s, ev.id, 'Success', nth(a.runs, n), { payload: null }),
    )
    deliver(w, ev.n, { to: 'onSuccess', condition: 'Success', target, record })
  }
}

function errorMessage(s: SimState, ev: EventRecord, code: number, reason: string): string {
  if (code === FAIL_UNHANDLED)
    return `RequestId: ${ev.id} Error: Task timed out after ${s.scenario.function.timeout.toFixed(2)} seconds`
  if (code === FAIL_HANDLED) return `Error processing ${ev.id}`
  if (code === FAIL_THROTTLED) return `Rate Exceeded. (TooManyRequestsException, Reason ${reason})`
  return ''
}

/** The error document the runtime returns (§1.3): what the record's responsePayload carries. */
function errorPayload(s: SimState, ev: EventRecord, code: number): Record<string, unknown> {
  if (code === FAIL_UNHANDLED) return { errorMessage: errorMessage(s, ev, code, '') }
  return { errorType: 'Error', errorMessage: errorMessage(s, ev, code, ''), trace: [] }
}

/** Lambda gives up on the event: on-failure record and/or DLQ message, or discard. */
export function giveUp(w: Work, n: EventNo, condition: 'RetriesExhausted' | 'EventAgeExceeded'): void {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  const cfg = s.scenario.async
  a.gen[n] = nth(a.gen, n) + 1
  a.nextAt[n] = -1
  ev.outcome = 'failed'
  s.metrics.AsyncEventsDropped++
  chainTo(w, n, 'failed')
  const runs = nth(a.runs, n)
  const runFail = nth(a.runFail, n)
  if (cfg.onFailure !== null) {
    const response =
      runs > 0
        ? {
            functionError: runFail === FAIL_UNHANDLED ? ('Unhandled' as const) : ('Handled' as const),
            payload: errorPayload(s, ev, runFail),
          }
        : null
    const record = destinationMessage(s, cfg.onFailure, invocationRecord(s, ev.id, condition, runs, response))
    deliver(w, ev.n, { to: 'onFailure', condition, target: cfg.onFailure, record })
    if (w.log) tell(w, { kind: 'asyncOnFailureSent', event: ev.id, target: cfg.onFailure, condition, runs }, ids(ev))
  }
  if (cfg.deadLetterQueue !== null) {
    const last = nth(a.lastFail, n)
    const code = last === FAIL_THROTTLED ? 429 : 200
    const record = deadLetterMessage(
      s,
      cfg.deadLetterQueue,
      ev.id,
      code,
      errorMessage(s, ev, last, nth(a.lastReason, n)),
    )
    if (cfg.deadLetterQueueWriteFails) {
      s.metrics.DeadLetterErrors++
      deliver(w, ev.n, { to: 'discarded', condition, reason: 'DeadLetterErrors', target: cfg.deadLetterQueue })
      if (w.log) tell(w, { kind: 'asyncDlqWriteFailed', event: ev.id, target: cfg.deadLetterQueue }, ids(ev))
    } else deliver(w, ev.n, { to: 'dlq', condition, target: cfg.deadLetterQueue, record })
    if (w.log && !cfg.deadLetterQueueWriteFails)
      tell(w, { kind: 'asyncDlqSent', event: ev.id, target: cfg.deadLetterQueue, code }, ids(ev))
  }
  if (cfg.onFailure === null && cfg.deadLetterQueue === null) {
    deliver(w, ev.n, { to: 'discarded', condition })
    if (w.log) tell(w, { kind: 'asyncDiscarded', event: ev.id, condition }, ids(ev))
  }
  touch(w)
}
