import { seconds } from '../format'
import { DOCS } from '../docs'
import type { Caption } from '../facts'
import { SOURCE_LABELS, TARGET_LABELS } from '../models/asyncLabels'
import type { AsyncFact } from '../models/asyncFacts'
import type { Scenario } from '../scenario/types'

/** The asynchronous model's facts in words (fact sheet §3). */
export function asyncCaption(f: AsyncFact, sc: Scenario): Caption {
  const cfg = sc.async
  const id = f.event
  switch (f.kind) {
    case 'asyncAccepted': {
      const src = SOURCE_LABELS[cfg.source]
      return {
        type: 'accepted',
        ref: DOCS.asyncAccept,
        text: `${src} invokes the function with ${id} (InvocationType=Event). Lambda puts the event on its internal queue and answers 202 Accepted at once, without running the function: ${src} does not wait and never sees the result.`,
      }
    }
    case 'asyncPolled':
      return {
        type: 'polled',
        ref: DOCS.asyncAccept,
        text:
          f.attempt === 1
            ? `Lambda's internal poller takes ${id} from the queue at once and invokes the function.`
            : `Lambda's internal poller takes ${id} from the queue again and invokes the function (try ${f.attempt}; the event is ${seconds(f.ageMs)} old, MaximumEventAgeInSeconds is ${cfg.maximumEventAgeInSeconds} s).`,
      }
    case 'asyncDuplicated':
      return {
        type: 'queued',
        ref: DOCS.asyncRetry,
        text: `The internal queue is eventually consistent: it also hands ${id} to the poller a second time (duplicateDeliveryRate ${cfg.duplicateDeliveryRate}). The copy runs on its own, which is why AWS asks handlers to be idempotent.`,
      }
    case 'asyncThrottledNoRetry':
      return {
        type: 'throttled',
        ref: DOCS.reserved,
        text: `Throttled: ${f.why} (429 ${f.reason}). With reserved concurrency 0 Lambda does not retry asynchronous events: ${id} goes straight to where failed events go (RetriesExhausted).`,
      }
    case 'asyncThrottled': {
      const plan = f.expires
        ? `The next try would come in ${seconds(f.inMs)}, past the MaximumEventAgeInSeconds of ${cfg.maximumEventAgeInSeconds} s (${seconds(Math.max(0, f.leftMs))} left), so the event will expire at that age instead.`
        : `It goes back to the queue and Lambda tries again in ${seconds(f.inMs)} (the backoff starts at 1 s and doubles up to 5 min). The event is ${seconds(f.ageMs)} old; ${seconds(f.leftMs)} left of MaximumEventAgeInSeconds ${cfg.maximumEventAgeInSeconds} s.`
      return {
        type: 'throttled',
        ref: DOCS.asyncRetry,
        text: `Throttled: ${f.why} (429 ${f.reason}). Unlike a synchronous call nothing is lost: ${id} stays Lambda's to deliver. ${plan} Throttle retries do not use up MaximumRetryAttempts.`,
      }
    }
    case 'asyncDuplicateThrottled':
      return {
        type: 'throttled',
        ref: DOCS.asyncRetry,
        text: `The duplicate copy of ${id} is throttled (429 ${f.reason}); the copy is dropped, the original tries carry on.`,
      }
    case 'asyncDuplicateEnded': {
      const how = f.end === 'success' ? 'succeeds' : f.end === 'timeout' ? 'times out' : 'fails'
      return {
        type: f.end === 'success' ? 'succeeded' : f.end === 'timeout' ? 'timedOut' : 'functionError',
        ref: DOCS.asyncRetry,
        text: `The duplicate invocation of ${id} ${how}. Lambda does not retry the copy and sends nothing for it: the original tries decide what happens to the event.`,
      }
    }
    case 'asyncFailed':
      return f.end === 'timeout'
        ? {
            type: 'timedOut',
            ref: DOCS.functionError,
            text: `${id} times out after ${sc.function.timeout} s (FunctionError Unhandled). Lambda resets ${f.env}, so its next invocation runs Init again.`,
          }
        : {
            type: 'functionError',
            ref: DOCS.functionError,
            text: `The handler throws for ${id} (FunctionError Unhandled); ${f.env} stays warm. Nobody is waiting for the answer: the source already had its 202.`,
          }
    case 'asyncRetriesExhausted':
      return {
        type: 'retryScheduled',
        ref: DOCS.asyncRetry,
        text: `${id} failed ${f.runs === 1 ? 'its only attempt' : `all ${f.runs} attempts`} and MaximumRetryAttempts is ${cfg.maximumRetryAttempts}: Lambda gives up (RetriesExhausted).`,
      }
    case 'asyncRetryScheduled': {
      const why = f.reason === 'timeout' ? 'the function timed out' : 'the function threw'
      const base = `Retry ${f.retry} of ${cfg.maximumRetryAttempts} for ${id} in ${seconds(f.inMs)}: ${why}, and MaximumRetryAttempts is ${cfg.maximumRetryAttempts} (AWS waits about 1 min before the 1st retry and about 2 min before the 2nd; this simulation uses exactly 60 s and 120 s).`
      const text = f.expires
        ? `${base} But that would be past MaximumEventAgeInSeconds ${cfg.maximumEventAgeInSeconds} s, so the event will expire at that age instead.`
        : base
      return { type: 'retryScheduled', ref: DOCS.asyncRetry, text }
    }
    case 'asyncExpired':
      return {
        type: 'expired',
        ref: DOCS.asyncConfig,
        text: `${id} is now ${seconds(f.ageMs)} old, the MaximumEventAgeInSeconds of ${cfg.maximumEventAgeInSeconds} s, and its next try would come later: Lambda stops trying (condition EventAgeExceeded).`,
      }
    case 'asyncSucceeded': {
      const next =
        f.onSuccess !== null
          ? `Lambda sends an invocation record to the on-success destination (${TARGET_LABELS[f.onSuccess]}) with condition Success, the request and the function's response.`
          : 'No on-success destination is configured, so the result goes nowhere: the source already had its 202.'
      return {
        type: 'succeeded',
        ref: DOCS.asyncRetry,
        text: `${id} succeeds after ${seconds(f.handlerMs)} in ${f.env}. ${next}`,
      }
    }
    case 'asyncOnFailureSent': {
      const resp = f.runs > 0 ? ' and the last error response' : ' (no response: the function never ran)'
      return {
        type: 'delivered',
        ref: DOCS.destinations,
        text: `Lambda sends an invocation record for ${id} to the on-failure destination (${TARGET_LABELS[f.target]}): condition ${f.condition}, approximateInvokeCount ${f.runs}, the request payload${resp}.`,
      }
    }
    case 'asyncDlqWriteFailed':
      return {
        type: 'discarded',
        ref: DOCS.dlq,
        text: `Lambda cannot write ${id} to the dead-letter queue (${TARGET_LABELS[f.target]}): missing permissions or too large. The event is deleted and DeadLetterErrors goes up.`,
      }
    case 'asyncDlqSent':
      return {
        type: 'dlq',
        ref: DOCS.dlq,
        text: `Lambda sends ${id}, unchanged, to the dead-letter queue (${TARGET_LABELS[f.target]}) with message attributes RequestID, ErrorCode ${f.code} and ErrorMessage (first 1 KB). Unlike a destination record it carries no response.`,
      }
    case 'asyncDiscarded':
      return {
        type: 'discarded',
        ref: DOCS.destinations,
        text: `No on-failure destination or dead-letter queue is configured, so Lambda discards ${id} (${f.condition}). The source already had its 202, so nobody is told: AsyncEventsDropped goes up.`,
      }
  }
}
