import type { EventNo, InvocationNo, LaneNo } from '../ids'
import type { Paged } from '../paged'

/**
 * Kinesis / DynamoDB Streams event source mapping state (models/stream*.ts). Plain data.
 *
 * A shard is split into `parallelizationFactor` lanes; a partition key always maps to the same lane
 * of its shard. A lane is where order is kept: it reads its records in sequence order and runs one
 * batch at a time. With factor 1 a lane is the whole shard.
 */

export type LaneState =
  | 'idle' // nothing held, nothing unread
  | 'window' // MaximumBatchingWindowInSeconds: collecting records until the window ends
  | 'running' // a batch is in an invocation
  | 'retry' // a failed batch waits for its retry (the lane is blocked)
  | 'throttled' // the invoke was throttled; the same batch is tried again after a backoff

export interface Lane {
  /** Global lane number: shard × factor + lane within the shard. */
  readonly n: LaneNo
  readonly shard: number
  /** Lane within its shard (0-based). */
  readonly index: number
  /** Unread records (event indices, sequence order); q[head..] are still unread. */
  q: EventNo[]
  head: number
  /** Unread records that match the mapping's filter (a batch counts only these). */
  unreadMatch: number
  /**
   * Records read and not yet done, as the batches still to run in order: parts[0] is the current
   * batch (in flight, or waiting for its retry). Bisection replaces parts[0] with its two halves.
   */
  parts: EventNo[][]
  /** Retries (counted against MaximumRetryAttempts) spent on parts[0]. */
  retries: number
  /** Consecutive failed invocations of this lane (drives the retry backoff; reset on success). */
  fails: number
  /** Consecutive throttled tries (drives the throttle backoff; reset when an invoke starts). */
  throttles: number
  state: LaneState
  /** Generation: a streamPoll / streamRetry occurrence with another generation is stale. */
  gen: number
  /** When the current wait (window, retry, throttle backoff) ends; -1 when none. */
  until: number
  /** Invocation running the current batch, or -1. */
  inv: InvocationNo | -1
  /** Batch id of the last invocation (for captions). */
  batch: string
  /** The last failed invocation's error ('Handled' | 'Unhandled'), for the on-failure record. */
  lastError: string
  /** Expiry check: time of the pending streamExpire and its generation. */
  expAt: number
  expGen: number
  /** Sequence number of the last record this lane is done with (checkpoint), 0 = none yet. */
  checkpoint: number
}

export interface StreamModelState {
  readonly shards: number
  readonly factor: number
  /** Per shard: the last sequence number given (sequence numbers start at 1 in each shard). */
  shardSeq: number[]
  /** Per event index: shard (0-based), global lane and sequence number within the shard. */
  shardOf: Paged<number>
  laneOf: Paged<LaneNo>
  seqOf: Paged<number>
  lanes: Lane[]
}
