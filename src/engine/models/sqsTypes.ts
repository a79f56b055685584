import type { BatchId, EventNo, InvocationNo, SqsBatchNo } from '../ids'
import type { Paged } from '../paged'

/**
 * SQS (standard and FIFO) event source mapping state: the queue's messages, the mapping's batches
 * and its poller concurrency. Plain data; per-message data in arrays indexed by event number
 * (every event of an SQS run is a message, sent in event order, so index order = age order).
 */

/** Message states (`msg[i]`). */
export const VISIBLE = 0
export const INVISIBLE = 1
export const GONE = 2

export type SqsBatchState = 'building' | 'throttled' | 'running'

export interface SqsBatch {
  /** Batch number (1-based, as in its id `batch-N`). */
  readonly n: SqsBatchNo
  readonly id: BatchId
  /** Messages received into the batch, in batch order. */
  events: EventNo[]
  /** Receive number (receive count at that receive) of each message, to tell a stale hold. */
  rn: number[]
  /** Messages of a building or throttled batch whose visibility timeout has not passed. */
  live: number
  state: SqsBatchState
  /** Invocation number while running, else -1. */
  inv: InvocationNo | -1
  /** Throttled invoke tries so far. */
  tries: number
  /** Building: when the batching window ends; throttled: when the invoke is retried (null: never). */
  until: number | null
}

/** A FIFO message group: its messages in send order and how many of them are invisible. */
export interface SqsGroup {
  readonly id: string
  /** Event indices in send order; gone ones are skipped lazily from `head`. */
  q: EventNo[]
  head: number
  /** Messages of the group currently invisible (received, visibility timeout not passed). */
  held: number
}

export interface SqsModelState {
  readonly fifo: boolean
  /** Per event: VISIBLE, INVISIBLE or GONE (deleted, filtered, moved to the DLQ, expired). */
  msg: Paged<number>
  /** Per event: which invocation of its recursive chain it would cause (1 = sent by the producer). */
  hop: Paged<number>
  /** Per event: the event that started its chain (itself when hop is 1). */
  root: Paged<EventNo>
  /** Messages the handler sent, by id: a message processed twice is sent twice (`-dup2`, ...). */
  sentIds: Record<string, number>
  /** Per event: ApproximateReceiveCount. */
  rc: Paged<number>
  /** Per event: time of the latest receive (-1 before the first). */
  rxAt: Paged<number>
  /** Per event: batch number holding the current receive, or -1. */
  owner: Paged<SqsBatchNo | -1>
  /** Per event: receive number whose visibility-timeout occurrence is scheduled (0: none). */
  timer: Paged<number>
  /** Min-heap of event indices of visible messages (oldest first); stale entries skipped lazily. */
  visibleHeap: EventNo[]
  visible: number
  invisible: number
  /** Messages still in the queue (visible or invisible). */
  live: number
  /** Batches in flight, by batch number. */
  batches: Record<string, SqsBatch>
  /** Batch number whose batching window is open, or -1. */
  building: SqsBatchNo | -1
  /** Batches in flight (window open, throttled and retrying, or running): the poller slots in use. */
  busy: number
  /** The mapping's current concurrency limit (concurrent batches). */
  limit: number
  scalePending: boolean
  /** A poll is scheduled for this millisecond (after its arrivals and visibility changes). */
  wakePending: boolean
  /** Last time the mapping backed off (lowered its concurrency), or null. */
  backoffAt: number | null
  /** Pending retention check time, or -1; `retentionGen` cancels stale ones. */
  retentionAt: number
  retentionGen: number
  /** FIFO: group number by MessageGroupId, the groups, group of each event. */
  groupIndex: Record<string, number>
  groups: SqsGroup[]
  groupOf: Paged<number>
  /** FIFO: min-heap of the head event index of each group that can be read (stale entries skipped). */
  readyHeap: EventNo[]
  deleted: number
  filtered: number
  redriven: number
  expired: number
}
