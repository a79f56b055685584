import type { AsyncModelState } from './models/asyncTypes'
import type { SqsModelState } from './models/sqsTypes'
import type { StreamModelState } from './models/streamTypes'
import type { SyncModelState } from './models/syncTypes'
import type { ManualEvent } from './arrivals'
import type { PackedEvents } from './packed'
import type { Caption, Fact } from './facts'
import type { DurationSpec, FailSpec, Scenario } from './scenario/types'
import type { BatchId, EnvId, EnvNo, EventId, EventNo, InvocationNo, LaneNo, SqsBatchNo } from './ids'

/**
 * Simulation state. Plain, JSON-serializable data (no Map/Set/class/Infinity): a snapshot is
 * self-contained, RNG included, so the same state + the same calls always give the same run.
 * Time is integer virtual milliseconds.
 */

/**
 * The payload of each occurrence kind, by name: what `schedule(w, kind, at, ...payload)` takes and
 * what the kind's handler receives, in this order. Stored as the occurrence's `a` and `b` (plain
 * small integers, one object shape for every kind: the heap stays monomorphic and a state's size
 * does not depend on the names).
 */
export interface OccurrencePayloads {
  /** Workload entry (>= MANUAL_ENTRY_BASE for hand-sent events) and index in that entry. */
  arrival: [entry: number, index: number]
  invocationEnd: [invocation: InvocationNo]
  /** A failed invocation's follow-up, after its failure was shown (see CONTEXT.md). */
  settle: [invocation: InvocationNo]
  /** Re-arms itself if the environment was used since. */
  reclaim: [env: EnvNo]
  /** sync: the caller tries again after its backoff. */
  callerRetry: [event: EventNo]
  /** sync: the caller gives up (504) on this invocation. */
  callerTimeout: [event: EventNo, invocation: InvocationNo]
  /** async: retry / backoff timer fires (stale unless `gen` is current); the first try runs at its arrival. */
  asyncAttempt: [event: EventNo, gen: number, atArrival?: boolean]
  /** async: maximum event age reached. */
  asyncExpire: [event: EventNo, gen: number]
  /** sqs: the batching window of `batch` ends, or (-1) pollers wake after this instant's arrivals. */
  sqsPoll: [batch: SqsBatchNo | -1]
  /** sqs: the visibility timeout of receive `receive` passes. */
  sqsVisible: [event: EventNo, receive: number]
  /** sqs: retention period check (housekeeping). */
  sqsRetention: [event: EventNo, gen: number]
  /** sqs: retry a throttled batch invoke. */
  sqsRetryInvoke: [batch: SqsBatchNo]
  /** sqs: poller scaling tick (+1 concurrent batch). */
  sqsScale: []
  /** streams: window ends / lane wakes. */
  streamPoll: [lane: LaneNo, gen: number]
  /** streams: retry a failed batch. */
  streamRetry: [lane: LaneNo, gen: number]
  /** streams: a blocked lane's oldest record expires (housekeeping). */
  streamExpire: [lane: LaneNo, gen: number]
}

export type OccurrenceKind = keyof OccurrencePayloads

/** The payload `schedule` takes for a kind (named, with the right arity). */
export type PayloadOf<K extends OccurrenceKind> = OccurrencePayloads[K]

/**
 * A scheduled occurrence of one kind: `a` and `b` hold its payload (OccurrencePayloads[kind], in
 * order; 0 where the kind has none). Ordered by (at, pri, then a/b for arrivals, else seq): see heap.ts.
 */
export interface OccurrenceOf<K extends OccurrenceKind> {
  readonly at: number
  readonly seq: number
  /**
   * -1 = settle (right after its invocationEnd), 0 = arrival (before the rest of the same
   * millisecond), 1 = a first try at arrival, 2 = the rest.
   */
  readonly pri: -1 | 0 | 1 | 2
  readonly kind: K
  readonly a: PayloadSlot<PayloadOf<K>, 0>
  readonly b: PayloadSlot<PayloadOf<K>, 1>
}

/** The type of a payload's first or second value as stored in `a` / `b` (0 where the kind has none). */
type PayloadSlot<P, I extends 0 | 1> = I extends 0
  ? P extends readonly [infer X, ...unknown[]]
    ? X
    : 0
  : P extends readonly [unknown, infer Y, ...unknown[]]
    ? Y
    : 0

/** Any scheduled occurrence: a union discriminated by `kind`. */
export type Occurrence = { [K in OccurrenceKind]: OccurrenceOf<K> }[OccurrenceKind]

/**
 * Occurrence kinds that never keep a run going: idle-environment reclaim, and the SQS retention
 * check (a visible message waiting always comes with other pending work, so a retention check left
 * alone is stale), and the streams expiry check (a blocked lane always has its retry pending).
 */
export const HOUSEKEEPING: readonly OccurrenceKind[] = ['reclaim', 'sqsRetention', 'streamExpire']

/** `HOUSEKEEPING.includes(kind)`, written out: it runs twice per occurrence. */
export function isHousekeeping(kind: OccurrenceKind): boolean {
  return kind === 'reclaim' || kind === 'sqsRetention' || kind === 'streamExpire'
}

/** Workload entry number used for events sent by hand (commands); after every file entry. */
export const MANUAL_ENTRY_BASE = 100000

export type Outcome = 'succeeded' | 'failed' | 'throttled' | 'filtered' | 'pending'
export type AttemptResult = 'success' | 'error' | 'timeout' | 'throttled' | 'running'

/** Where a token is, for the view. Models set it; the view only draws it. */
export type TokenStage =
  | 'arriving' // just arrived at the source / caller
  | 'queued' // waiting in a queue or stream for a poller
  | 'batching' // taken by a poller, in a batch being built
  | 'running' // inside an execution environment
  | 'waiting' // waiting to be tried again (caller backoff, async retry delay, throttle backoff)
  | 'invisible' // SQS: received, hidden until its visibility timeout passes
  | 'succeeded'
  | 'failed'
  | 'throttled'
  | 'filtered'

/** One try. Optional fields are present as `undefined` when they do not apply (one object shape). */
export interface Attempt {
  readonly atMs: number
  endMs: number | null
  result: AttemptResult
  readonly coldStart?: boolean | undefined
  readonly environment?: string | undefined
  readonly batch?: string | undefined
  /** Throttled attempts: the documented Reason of TooManyRequestsException. */
  readonly reason?: string | undefined
  /** Invocation number while it runs (internal; not in the report). */
  readonly inv?: InvocationNo | undefined
  /** Models may add fields (e.g. `duplicate`); the report copies them. */
  readonly duplicate?: boolean | undefined
}

export type DeliveryTarget = 'caller' | 'onSuccess' | 'onFailure' | 'dlq' | 'discarded'
export interface Delivery {
  readonly to: DeliveryTarget
  readonly atMs: number
  readonly status?: number
  readonly functionError?: 'Handled' | 'Unhandled'
  readonly condition?: string
  readonly reason?: string
  /** Where the destination or DLQ message went (sqs, sns, ...), when configured. */
  readonly target?: string
  /** The record Lambda would send (invocation record, DLQ attributes, batch metadata). */
  readonly record?: unknown
}

export interface EventRecord {
  readonly id: EventId
  readonly n: EventNo
  readonly entry: number
  readonly arrivedAt: number
  readonly fail: FailSpec
  readonly durationMs: DurationSpec | null
  readonly groupId: string
  readonly partitionKey: string
  readonly matchesFilter: boolean
  /** Attempts in which the function ran (for `fail: N`; throttled tries do not count). */
  ran: number
  outcome: Outcome
  stage: TokenStage
  /** The time the token reached its current stage (for the view and the history). */
  since: number
  attempts: Attempt[]
  deliveries: Delivery[]
}

export type EnvState = 'busy' | 'idle' | 'reclaimed'
export interface Env {
  readonly id: EnvId
  readonly n: EnvNo
  readonly provisioned: boolean
  state: EnvState
  /** A reset (after a timeout) makes the next invocation run Init again. */
  needsInit: boolean
  readonly createdAt: number
  idleSince: number
  idleGen: number
  /** A reclaim occurrence is pending for this environment (at most one). */
  reclaimPending: boolean
  /** Invocation number running in it, or -1. */
  inv: InvocationNo | -1
  served: number
  reclaimedAt: number | null
}

export type HandlerEnd = 'success' | 'error' | 'timeout'
export interface Invocation {
  readonly n: InvocationNo
  readonly id: string
  readonly env: EnvNo
  readonly events: readonly EventNo[]
  readonly batch: BatchId | null
  readonly startAt: number
  /** When the handler starts (after Init on a cold start). */
  readonly handlerStartAt: number
  readonly endAt: number
  readonly cold: boolean
  /** Init ran past 10 s, so Lambda retried it inside the invoke (fact sheet §2.1). */
  readonly initRetried: boolean
  readonly handlerMs: number
  readonly end: HandlerEnd
  /** Per record: whether the record itself made the handler fail (`fail`, not errorRate). */
  readonly failing: readonly boolean[]
  /** Whole-invocation failure from errorRate or a forced failure. */
  readonly forcedError: boolean
  readonly provisioned: boolean
  /** What the invocation is to the model that started it. */
  readonly ctx: InvocationCtx
}

/**
 * An invocation's model context, by model: the synchronous caller's request (nothing more: the
 * caller's side is in the sync state), an asynchronous try of the event's own chain or a duplicate
 * delivery (§3.1), the SQS batch it runs, the stream lane whose batch it runs. Plain data (an
 * invocation is part of the state); `sqs` serves standard and FIFO queues, `stream` Kinesis and
 * DynamoDB Streams.
 */
export type InvocationCtx =
  | { readonly model: 'sync' }
  | { readonly model: 'async'; readonly duplicate: boolean }
  | { readonly model: 'sqs'; readonly batch: SqsBatchNo }
  | { readonly model: 'stream'; readonly lane: LaneNo }

export interface Metrics {
  Invocations: number
  Errors: number
  Throttles: number
  ColdStarts: number
  MaxConcurrentExecutions: number
  AsyncEventsReceived: number
  AsyncEventsDropped: number
  MaxAsyncEventAgeMs: number
  MaxIteratorAgeMs: number
  DeadLetterMessages: number
  OnSuccessDeliveries: number
  OnFailureDeliveries: number
  ProvisionedConcurrencyInvocations: number
  ProvisionedConcurrencySpilloverInvocations: number
  /** Failed writes to the async dead-letter queue (§3.6). */
  DeadLetterErrors: number
  /** Handler time histogram (ms -> count) for the nearest-rank percentiles. */
  durationHist: Record<string, number>
  durationCount: number
}

export interface Concurrency {
  /** Environments busy (Init or Invoke): ConcurrentExecutions. */
  busy: number
  /** Scaling-rate bucket in units of 1/10000 environment; refilled `scalingRatePer10s` units per ms. */
  bucketUnits: number
  bucketAt: number
  /** Idle environments, most recently used last. */
  idleOnDemand: EnvNo[]
  idleProvisioned: EnvNo[]
}

export interface SimState {
  scenario: Scenario
  /**
   * Keep every event's record to the end (the report lists them). False for metrics-only runs:
   * a model may then release an event it is done with (core.release), keeping memory small.
   */
  readonly keepEvents: boolean
  /**
   * With `keepEvents`: a released event's report data are kept as numbers (packed.ts) and its slot
   * in `events` holds the frozen RELEASED record. Null (the app's runs): every record stays.
   */
  packed: PackedEvents | null
  now: number
  /** Occurrences applied so far. */
  step: number
  seq: number
  rng: number
  /** Pending occurrences (binary heap, see heap.ts). */
  queue: Occurrence[]
  /** Pending occurrences that are work (not housekeeping): the run ends when this is 0. */
  work: number
  /** Id numbering offset per workload entry (ids continue across entries with one prefix). */
  idOffset: number[]
  events: EventRecord[]
  envs: Env[]
  invocations: Record<string, Invocation>
  /**
   * A failed invocation that has ended but whose model rules (retry, queue, delivery) have not run
   * yet: its 'settle' occurrence at the same millisecond runs them (and frees its environment). Until
   * then its environment is busy with the whole batch and the stage draws its failed records red in it.
   */
  settling: Invocation | null
  nextInvocation: number
  nextBatch: number
  /** Hand-sent events (commands), in the order they were sent. */
  manual: ManualEvent[]
  /** Commands: the next invocation throws regardless of the workload (make the next one fail). */
  failNext: number
  concurrency: Concurrency
  metrics: Metrics
  lastActivityAt: number
  sync: SyncModelState | null
  async: AsyncModelState | null
  sqs: SqsModelState | null
  stream: StreamModelState | null
}

/** A documented reference for a transition: fact-sheet section and the AWS page. */
export interface DocRef {
  readonly section: string
  readonly url: string
}

/** One thing that happened, with why, for captions, the history and the event log. */
export interface Transition {
  readonly at: number
  /** Occurrences applied when it happened (the step that produced it). */
  readonly step: number
  readonly type: TransitionType
  readonly text: string
  readonly ref: DocRef
  readonly events?: readonly string[]
  readonly env?: string
  readonly batch?: string
  /** Where an event or its record went, when this transition is a delivery (for markers). */
  readonly to?: DeliveryTarget
  /** What happened, as data (facts.ts): every transition has one; `text` is its caption. */
  readonly fact: Fact
}

export type TransitionType =
  | 'arrived'
  | 'accepted'
  | 'invoked'
  | 'coldStart'
  | 'throttled'
  | 'succeeded'
  | 'functionError'
  | 'timedOut'
  | 'responded'
  | 'callerTimedOut'
  | 'retryScheduled'
  | 'retried'
  | 'delivered'
  | 'dlq'
  | 'discarded'
  | 'expired'
  | 'reclaimed'
  | 'queued'
  | 'polled'
  | 'batchFormed'
  | 'visible'
  | 'deleted'
  | 'filtered'
  | 'bisected'
  | 'checkpointed'
  | 'scaled'
  | 'command'
  | 'attemptFailed'

/** Working context of one advance: the state (owned, mutable) and the log when collected. */
export interface Work {
  readonly s: SimState
  readonly log: Transition[] | null
  /** Events numbered from `base` on were made by this call; `owned` lists older ones it copied (clone.ts). */
  readonly base: number
  readonly owned: Set<EventNo>
  /** The last delivery made since the previous transition was logged (see core.ts). */
  lastTo?: DeliveryTarget | null
  /**
   * Turns a fact into its caption. Given by sim.ts (the top of the engine), so models and core.ts
   * never import a captions module: captions sit one floor above what they describe.
   */
  readonly narrate?: (fact: Fact, scenario: Scenario) => Caption
}

export interface StepResult {
  readonly state: SimState
  readonly transitions: readonly Transition[]
}
