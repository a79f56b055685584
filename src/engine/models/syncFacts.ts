/**
 * What the synchronous model says happened (fact sheet §1), as data. The caller and its retry
 * settings are fixed for the run and read by the caption from the scenario.
 */
export type SyncFact =
  /** The caller calls Invoke (RequestResponse) and waits. */
  | { readonly kind: 'syncCalled'; readonly event: string }
  /** No concurrency left: 429 with a Reason, nothing queued (§1.4). */
  | { readonly kind: 'syncThrottled'; readonly event: string; readonly reason: string; readonly why: string }
  /** The caller (never Lambda) retries: `attempt` of clientMaxAttempts, in `inMs`. */
  | { readonly kind: 'syncCallerRetry'; readonly event: string; readonly attempt: number; readonly inMs: number }
  /** The caller gave up (504) while the function runs on in `env` (null: not running). */
  | { readonly kind: 'syncCallerTimedOut'; readonly event: string; readonly env: string | null }
  /** The invocation ended; `waiting`: the caller still waits for this answer. */
  | {
      readonly kind: 'syncEnded'
      readonly event: string
      readonly env: string
      readonly end: 'success' | 'error' | 'timeout'
      readonly handlerMs: number
      readonly waiting: boolean
    }
