/**
 * What the SQS event source mapping says happened (fact sheet §4.1, §4.2, §4.5), as data. Events
 * and batches by id. Settings fixed for the run (batchSize, windows, visibility timeout,
 * maxReceiveCount, retention) are left to the caption, which reads them from the scenario.
 */
export type SqsFact =
  /** A message is sent to the queue: by the producer (`from` null) or by a handler (a recursive loop). */
  | {
      readonly kind: 'sqsQueued'
      readonly event: string
      readonly group: string | null
      readonly from: string | null
      readonly hop: number
      readonly root: string
    }
  /** The message does not match the filter: deleted without an invoke (§4.5). */
  | { readonly kind: 'sqsFiltered'; readonly event: string }
  /** The message reached messageRetentionPeriod (RetentionExpired). */
  | { readonly kind: 'sqsExpired'; readonly event: string; readonly ageMs: number; readonly inFlight: boolean }
  /** The visibility timeout passed at receive `receives` = maxReceiveCount: redrive to the DLQ. */
  | { readonly kind: 'sqsRedriven'; readonly event: string; readonly receives: number }
  /** The visibility timeout passed: the message is visible again. */
  | { readonly kind: 'sqsVisible'; readonly event: string; readonly receives: number }
  /** A poller received messages into a batch and opened a batching window. */
  | { readonly kind: 'sqsWindowOpened'; readonly batch: string; readonly events: readonly string[] }
  /** A batch is complete and is invoked, because of `why`. */
  | {
      readonly kind: 'sqsBatchFormed'
      readonly batch: string
      readonly events: readonly string[]
      readonly groups: readonly string[] | null
      readonly minReceives: number
      readonly maxReceives: number
      readonly why: SqsDispatchReason
    }
  /** The batch's invoke was throttled; retried in `retryInMs`, or not (null: after the visibility timeout). */
  | {
      readonly kind: 'sqsBatchThrottled'
      readonly batch: string
      readonly events: readonly string[]
      readonly reason: string
      readonly why: string
      readonly retryInMs: number | null
    }
  /** A throttled batch's messages are visible again: Lambda stops retrying it. */
  | { readonly kind: 'sqsThrottledBatchDropped'; readonly batch: string }
  /** A batch's invocation ended: `deleted` messages deleted, `stay` left to reappear, `lost` deleted too late. */
  | {
      readonly kind: 'sqsBatchEnded'
      readonly batch: string
      readonly env: string
      readonly end: 'success' | 'error' | 'timeout'
      readonly events: readonly string[]
      readonly deleted: number
      readonly stay: readonly string[]
      readonly maxReceives: number
      readonly lost: readonly string[]
    }
  /**
   * Poller concurrency changes: up (`scaleUp`), down after a failure or throttle (`backoff`), back
   * to the start (`reset`).
   */
  | { readonly kind: 'sqsScaled'; readonly from: number; readonly to: number; readonly how: SqsScaling }
  /** Recursive loop detection stopped the message (RecursiveLoop Terminate). */
  | { readonly kind: 'sqsLoopStopped'; readonly event: string; readonly root: string; readonly toDlq: boolean }

/** Why a batch was invoked now. */
export type SqsDispatchReason =
  'noWindow' | 'sizeAtOnce' | 'sizeBeforeWindowEnd' | 'windowEnded' | 'throttleBackoffPassed'

export type SqsScaling =
  | {
      readonly kind: 'scaleUp'
      readonly cap: number
      readonly mode: 'default' | 'maximumConcurrency' | 'provisioned'
      readonly maxPollers: number
    }
  | { readonly kind: 'backoff'; readonly batch: string; readonly cause: 'failed' | 'throttled' }
  | { readonly kind: 'reset' }
