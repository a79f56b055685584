import type { DiscardCondition } from './streamDiscard'
import { pat } from '../paged'
import { nth } from '../must'
import type { EventNo } from '../ids'
import type { Lane, StreamModelState } from './streamTypes'

/** A lane of a shard (zero-based; lane 0 when ParallelizationFactor is 1). */
export interface LaneRef {
  readonly shard: number
  readonly lane: number
}

/** First and last sequence number of some records of one lane. */
export interface SeqRange {
  readonly first: number
  readonly last: number
}

/**
 * What the Kinesis / DynamoDB Streams mapping says happened (fact sheet §4.1, §4.3, §4.5), as data.
 * Settings fixed for the run (shards, ParallelizationFactor, BatchSize, window, MaximumRetryAttempts,
 * ages) are left to the caption, which reads them from the scenario.
 */
export type StreamFact =
  /**
   * A record is written to a shard (and lane) with sequence number `seq`; `blocked` when its lane
   * waits on a failing batch.
   */
  | {
      readonly kind: 'streamWritten'
      readonly event: string
      readonly partitionKey: string
      readonly at: LaneRef
      readonly seq: number
      readonly blocked: boolean
    }
  /** The lane waits for its batching window before invoking. */
  | { readonly kind: 'streamWindowOpened'; readonly at: LaneRef; readonly waiting: number }
  /** The mapping reads a batch from the lane, in order. */
  | { readonly kind: 'streamRead'; readonly at: LaneRef; readonly count: number; readonly seqs: SeqRange }
  /** The second half of a bisected batch goes next. */
  | { readonly kind: 'streamSplitNext'; readonly at: LaneRef; readonly seqs: SeqRange }
  /** The batch's invoke was throttled; tried again in `inMs`. */
  | {
      readonly kind: 'streamThrottled'
      readonly batch: string
      readonly at: LaneRef
      readonly reason: string
      readonly why: string
      readonly inMs: number
    }
  /** The batch succeeded: the lane's checkpoint moves to `seq`. */
  | { readonly kind: 'streamCheckpointed'; readonly batch: string; readonly at: LaneRef; readonly seq: number }
  /**
   * BisectBatchOnFunctionError: the failed batch of `count` splits into `half` + the rest; the
   * first half runs in `inMs`.
   */
  | {
      readonly kind: 'streamBisected'
      readonly batch: string
      readonly end: 'error' | 'timeout'
      readonly count: number
      readonly half: number
      readonly firstHalf: SeqRange
      readonly inMs: number
    }
  /** ReportBatchItemFailures: checkpoint before the lowest failed item; `retry` is what is retried. */
  | {
      readonly kind: 'streamPartialFailure'
      readonly batch: string
      readonly failed: readonly number[]
      readonly checkpoint: number
      readonly retry: SeqRange
    }
  /** The same records are retried in `inMs` (retry number `retry`) while the lane waits. */
  | {
      readonly kind: 'streamRetryScheduled'
      readonly batch: string
      readonly at: LaneRef
      readonly end: 'success' | 'error' | 'timeout'
      readonly count: number
      readonly inMs: number
      readonly retry: number
    }
  /** The waiting batch is tried again. */
  | { readonly kind: 'streamRetried'; readonly at: LaneRef; readonly count: number }
  /** Lambda gives up on records (one destination message, or dropped). */
  | {
      readonly kind: 'streamGaveUp'
      readonly at: LaneRef
      readonly condition: DiscardCondition
      readonly events: readonly string[]
      readonly seqs: SeqRange
      readonly toDestination: boolean
    }
  /** The record does not match the filter: skipped (§4.5). */
  | { readonly kind: 'streamFiltered'; readonly event: string }

export function laneRef(l: Lane): LaneRef {
  return { shard: l.shard, lane: l.index }
}

export function seqsOf(m: StreamModelState, records: readonly EventNo[]): SeqRange {
  return { first: pat(m.seqOf, nth(records, 0)), last: pat(m.seqOf, nth(records, records.length - 1)) }
}
