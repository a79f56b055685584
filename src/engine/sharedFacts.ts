import type { HandlerEnd } from './types'

/**
 * What the code every model shares says happened, as data: running the function (invoke.ts, fact
 * sheet §2.1, §1.3), execution environments (environments.ts, §2.1 scale-down) and the commands a
 * user issues by hand (sim.ts `dispatch`). Kinds are unique across all facts (facts.ts). Invocations,
 * environments, events and batches by id; settings (the function timeout) are left to the caption,
 * which reads them from the scenario.
 */
export type SharedFact =
  /** A new (or reset) execution environment runs Init before the handler (§2.1 cold start). */
  | {
      readonly kind: 'coldStart'
      readonly inv: string
      readonly env: string
      readonly events: readonly string[]
      readonly batch: string | null
      /** The configured Init duration (initDurationMs). */
      readonly initMs: number
      /** Init ran past the 10 s cap, so Lambda retries it inside the invoke, under the timeout. */
      readonly initRetried: boolean
    }
  /** An idle, already initialised environment takes the invocation: no Init (§2.1 warm reuse, §2.2 provisioned). */
  | {
      readonly kind: 'warmStart'
      readonly inv: string
      readonly env: string
      readonly events: readonly string[]
      readonly batch: string | null
      readonly provisioned: boolean
    }
  /**
   * The first half of a failed invocation's end (CONTEXT.md "Failure first"): `events` are the
   * records it failed, `records` how many the invocation ran (a batch's size: 2 failed of 10);
   * `end` 'success' means the handler reported failed items (ReportBatchItemFailures).
   */
  | {
      readonly kind: 'attemptFailed'
      readonly inv: string
      readonly env: string
      readonly events: readonly string[]
      readonly records: number
      readonly batch: string | null
      readonly end: HandlerEnd
    }
  /** An on-demand environment idle for `idleMs` (idleEnvironmentTtlMs) is shut down (§2.1 scale-down). */
  | { readonly kind: 'envReclaimed'; readonly env: string; readonly idleMs: number }
  /** You send an event by hand; it arrives at the next step as `event`. */
  | { readonly kind: 'eventSent'; readonly event: string }
  /** You make the next invocation throw; `pending` invocations will now throw. */
  | { readonly kind: 'failNextArmed'; readonly pending: number }
  /** You change the configuration (knobs); `provisionedAdded` new provisioned environments are initialised. */
  | { readonly kind: 'configChanged'; readonly provisionedAdded: number }
