import type { Attempt, TokenStage } from '../types'
import type { InvocationNo } from '../ids'
import type { Paged } from '../paged'

/** Why a try failed, for the destination record and the DLQ ErrorCode. */
export const FAIL_NONE = 0
export const FAIL_THROWN = 1
export const FAIL_TIMEOUT = 2
export const FAIL_THROTTLED = 3

/**
 * Asynchronous model state (models/async.ts): Lambda's internal event queue and its poller, per
 * event index. Plain arrays of numbers and strings, so a snapshot stays JSON data.
 */
export interface AsyncModelState {
  /** Per event: generation of its pending try / expiry timer; a timer with another value is stale. */
  gen: Paged<number>
  /** Per event: retries after a function error used so far (MaximumRetryAttempts). */
  retries: Paged<number>
  /** Per event: the next throttle backoff delay in ms (1 s, doubling up to 300 s). */
  backoff: Paged<number>
  /** Per event: when its pending try (or expiry) fires, -1 when none. */
  nextAt: Paged<number>
  /** Per event: the stage the main (original) chain of tries is at; a duplicate may run meanwhile. */
  chain: Paged<TokenStage>
  /** Per event: invocation number of a duplicate delivery still running, or -1. */
  dupInv: Paged<InvocationNo | -1>
  /** Per event: tries of the main chain in which the function ran (approximateInvokeCount). */
  runs: Paged<number>
  /** Per event: why the last try failed (FAIL_*), including throttles. */
  lastFail: Paged<number>
  /** Per event: how the last try that ran failed (FAIL_THROWN / FAIL_TIMEOUT), FAIL_NONE if none ran. */
  runFail: Paged<number>
  /** Per event: the Reason of the last throttle ('' if none). */
  lastReason: Paged<string>
  /** Per event: the step that queued it and answered 202 (the answer band shows the current beat's). */
  acceptedStep: Paged<number>
  /** Events in the queue about to be tried, and events waiting for a retry or backoff timer. */
  queued: number
  waiting: number
}

/** An attempt of a duplicate delivery carries `duplicate: true` (an extra report field). */
export type AsyncAttempt = Attempt & { readonly duplicate?: true }
