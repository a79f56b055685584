/**
 * The numbers of the SQS poller and loop models (modelling choices in sqsPoller.ts, sqsLoop.ts),
 * in one module that the models and the captions that quote them both import.
 */

export const START_CONCURRENCY = 5
export const BACKOFF_FLOOR = 2
export const MAX_CONCURRENCY = 1000
export const SCALE_TICK_MS = 200
export const SCALE_PAUSE_MS = 10000
export const THROTTLE_RETRY_FIRST_MS = 1000
export const THROTTLE_RETRY_MAX_MS = 300000
/** Provisioned mode: concurrent invocations per event poller (AWS: up to 10). */
export const INVOKES_PER_POLLER = 10
export const PROVISIONED_SCALE_TICK_MS = 60
/** AWS defaults when only one of MinimumPollers / MaximumPollers is given. */
export const DEFAULT_MINIMUM_POLLERS = 2
export const DEFAULT_MAXIMUM_POLLERS = 200

/** Invocations of one chain Lambda lets run before it stops the next (AWS: "more than 16 times"). */
export const RECURSION_LIMIT = 16
