import { edit } from '../clone'
import { pat, pset } from '../paged'
import { envAt } from '../must'
import type { EventNo } from '../ids'
import { deliver, tell, touch } from '../core'
import type { EventRecord, Invocation, SimState, Work } from '../types'
import { deadLetterMessage, destinationMessage, invocationRecord, requestId } from '../records'
import { chainTo, ids, st } from './asyncShared'
import { FAIL_THROWN, FAIL_THROTTLED, FAIL_TIMEOUT } from './asyncTypes'

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
      invocationRecord(s, ev.id, 'Success', pat(a.runs, n), { payload: null }),
    )
    deliver(w, ev.n, { to: 'onSuccess', condition: 'Success', target, record })
  }
}

function errorMessage(s: SimState, ev: EventRecord, code: number, reason: string): string {
  if (code === FAIL_TIMEOUT)
    return `RequestId: ${requestId(s, ev.id)} Error: Task timed out after ${s.scenario.function.timeout.toFixed(2)} seconds`
  if (code === FAIL_THROWN) return `Error processing ${ev.id}`
  if (code === FAIL_THROTTLED) return `Rate Exceeded. (TooManyRequestsException, Reason ${reason})`
  return ''
}

/**
 * The error document the Node.js runtime returns (§1.3, docs/MODELLING.md "Error bodies"): a thrown
 * Error as errorType, errorMessage and the stack as `trace`; a timeout as Lambda's Sandbox.Timedout.
 * The stand-in handler is an ES module at /var/task/index.mjs, as a new Node.js function is.
 */
function errorPayload(s: SimState, ev: EventRecord, code: number): Record<string, unknown> {
  const message = errorMessage(s, ev, code, '')
  if (code === FAIL_TIMEOUT) return { errorType: 'Sandbox.Timedout', errorMessage: message }
  return {
    errorType: 'Error',
    errorMessage: message,
    trace: [
      `Error: ${message}`,
      '    at Runtime.handler (file:///var/task/index.mjs:3:9)',
      '    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)',
    ],
  }
}

/** Lambda gives up on the event: on-failure record and/or DLQ message, or discard. */
export function giveUp(w: Work, n: EventNo, condition: 'RetriesExhausted' | 'EventAgeExceeded'): void {
  const s = w.s
  const a = st(s)
  const ev = edit(w, n)
  const cfg = s.scenario.async
  pset(a.gen, n, pat(a.gen, n) + 1)
  pset(a.nextAt, n, -1)
  ev.outcome = 'failed'
  s.metrics.AsyncEventsDropped++
  chainTo(w, n, 'failed')
  const runs = pat(a.runs, n)
  const runFail = pat(a.runFail, n)
  if (cfg.onFailure !== null) {
    const response =
      runs > 0
        ? {
            // A thrown error and a timeout are both Unhandled (§1.3 [S54][S55]).
            functionError: 'Unhandled' as const,
            payload: errorPayload(s, ev, runFail),
          }
        : null
    const record = destinationMessage(s, cfg.onFailure, invocationRecord(s, ev.id, condition, runs, response))
    deliver(w, ev.n, { to: 'onFailure', condition, target: cfg.onFailure, record })
    if (w.log) tell(w, { kind: 'asyncOnFailureSent', event: ev.id, target: cfg.onFailure, condition, runs }, ids(ev))
  }
  if (cfg.deadLetterQueue !== null) {
    const last = pat(a.lastFail, n)
    const code = last === FAIL_THROTTLED ? 429 : 200
    const record = deadLetterMessage(
      s,
      cfg.deadLetterQueue,
      ev.id,
      code,
      errorMessage(s, ev, last, pat(a.lastReason, n)),
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
