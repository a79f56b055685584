import { seconds } from '../format'
import { DOCS } from '../docs'
import type { Caption } from '../facts'
import type { SyncFact } from '../models/syncFacts'
import type { Scenario, SyncCaller } from '../scenario/types'

export const CALLER_NAMES: Record<SyncCaller, string> = {
  'api-gateway': 'API Gateway',
  alb: 'the load balancer (ALB)',
  'function-url': 'the function URL',
  sdk: 'the SDK client',
}

/** The caller's name where it opens a sentence. */
function Caller(sc: Scenario): string {
  const name = CALLER_NAMES[sc.sync.caller]
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The synchronous model's facts in words (fact sheet §1). */
export function syncCaption(f: SyncFact, sc: Scenario): Caption {
  const id = f.event
  switch (f.kind) {
    case 'syncCalled':
      return {
        type: 'arrived',
        ref: DOCS.syncInvoke,
        text: `${Caller(sc)} calls Invoke (RequestResponse) for ${id} and waits for the answer.`,
      }
    case 'syncThrottled':
      return {
        type: 'throttled',
        ref: DOCS.throttle,
        text: `Throttled: ${f.why}. ${Caller(sc)} gets 429 TooManyRequestsException (Reason ${f.reason}) for ${id}; nothing is queued.`,
      }
    case 'syncCallerRetry':
      return {
        type: 'retryScheduled',
        ref: DOCS.functionError,
        text: `${Caller(sc)} retries ${id} in ${seconds(f.inMs)} (attempt ${f.attempt} of ${sc.sync.clientMaxAttempts}). The retry is the caller's; Lambda never retries a synchronous call.`,
      }
    case 'syncCallerTimedOut':
      return {
        type: 'callerTimedOut',
        ref: DOCS.callerTimeout,
        text: `${Caller(sc)} stops waiting after ${seconds(sc.sync.callerTimeoutMs ?? 0)} and answers 504 for ${id}, but the function keeps running${f.env !== null ? ` in ${f.env}` : ''} until it finishes or times out.`,
      }
    case 'syncEnded': {
      const to = f.waiting
        ? `${CALLER_NAMES[sc.sync.caller]} gets`
        : `nobody is waiting any more (the caller already gave up), so nobody gets`
      if (f.end === 'success')
        return {
          type: 'succeeded',
          ref: DOCS.syncInvoke,
          text: `${id} succeeds after ${seconds(f.handlerMs)}: ${to} 200 with the handler's result. ${f.env} stays warm for the next request.`,
        }
      if (f.end === 'error')
        return {
          type: 'functionError',
          ref: DOCS.functionError,
          text: `The handler throws for ${id}: ${to} 200 with X-Amz-Function-Error: Unhandled and the error (errorType, errorMessage, trace) in the body. Lambda does not retry a synchronous call.`,
        }
      return {
        type: 'timedOut',
        ref: DOCS.functionError,
        text: `${id} times out after ${sc.function.timeout} s: ${to} 200 with X-Amz-Function-Error: Unhandled. Lambda resets ${f.env}, so its next request runs Init again.`,
      }
    }
  }
}
