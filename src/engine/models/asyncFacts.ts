import type { AsyncDestination } from '../scenario/types'

/**
 * What the asynchronous model says happened (fact sheet §3), as data. `event` is the event's id;
 * settings that do not change during a run (MaximumRetryAttempts, MaximumEventAgeInSeconds, the
 * source) are left to the caption, which reads them from the scenario.
 */
export type AsyncFact =
  /** The Invoke API answered 202 and queued the event (§3.2). */
  | { readonly kind: 'asyncAccepted'; readonly event: string }
  /** The internal poller takes the event for its `attempt`-th try (duplicates not counted). */
  | { readonly kind: 'asyncPolled'; readonly event: string; readonly attempt: number; readonly ageMs: number }
  /** The queue hands the event to the poller a second time (duplicateDeliveryRate). */
  | { readonly kind: 'asyncDuplicated'; readonly event: string }
  /** Throttled with reserved concurrency 0: no retry, straight to failure handling. */
  | { readonly kind: 'asyncThrottledNoRetry'; readonly event: string; readonly reason: string; readonly why: string }
  /** Throttled: back to the queue for `inMs`, or expiry when that is past the maximum age (`expires`). */
  | {
      readonly kind: 'asyncThrottled'
      readonly event: string
      readonly reason: string
      readonly why: string
      readonly inMs: number
      readonly ageMs: number
      readonly leftMs: number
      readonly expires: boolean
    }
  /** The duplicate copy was throttled and dropped. */
  | { readonly kind: 'asyncDuplicateThrottled'; readonly event: string; readonly reason: string }
  /** The duplicate copy's invocation ended; nothing follows from it. */
  | {
      readonly kind: 'asyncDuplicateEnded'
      readonly event: string
      readonly env: string
      readonly end: 'success' | 'error' | 'timeout'
    }
  /** A try failed: the handler threw or timed out (§1.3). */
  | { readonly kind: 'asyncFailed'; readonly event: string; readonly env: string; readonly end: 'error' | 'timeout' }
  /** Every allowed try failed: Lambda gives up (RetriesExhausted). */
  | { readonly kind: 'asyncRetriesExhausted'; readonly event: string; readonly runs: number }
  /** Retry `retry` in `inMs` after a failure (§3.3); `expires` when it would fall past the maximum age. */
  | {
      readonly kind: 'asyncRetryScheduled'
      readonly event: string
      readonly retry: number
      readonly inMs: number
      readonly reason: 'error' | 'timeout'
      readonly expires: boolean
    }
  /** The event reached MaximumEventAgeInSeconds before its next try (EventAgeExceeded). */
  | { readonly kind: 'asyncExpired'; readonly event: string; readonly ageMs: number }
  /** A try succeeded; `onSuccess` is where the record goes (null: nowhere). */
  | {
      readonly kind: 'asyncSucceeded'
      readonly event: string
      readonly env: string
      readonly handlerMs: number
      readonly onSuccess: AsyncDestination | null
    }
  /** The invocation record went to the on-failure destination (§3.5). */
  | {
      readonly kind: 'asyncOnFailureSent'
      readonly event: string
      readonly target: AsyncDestination
      readonly condition: AsyncGiveUp
      readonly runs: number
    }
  /** The DLQ write failed (DeadLetterErrors, §3.6). */
  | { readonly kind: 'asyncDlqWriteFailed'; readonly event: string; readonly target: AsyncDestination }
  /** The event went to the DLQ with ErrorCode `code` (§3.6). */
  | { readonly kind: 'asyncDlqSent'; readonly event: string; readonly target: AsyncDestination; readonly code: number }
  /** No failure destination or DLQ: the event is discarded. */
  | { readonly kind: 'asyncDiscarded'; readonly event: string; readonly condition: AsyncGiveUp }

export type AsyncGiveUp = 'RetriesExhausted' | 'EventAgeExceeded'
