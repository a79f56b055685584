import { edit } from '../clone'
import { pat } from '../paged'
import { eventAt, internalError, nth } from '../must'
import type { EventNo } from '../ids'
import { deliver, schedule, setStage, tell } from '../core'
import { streamFailureRecord } from '../records'
import type { SimState, Work } from '../types'
import { laneRef, seqsOf } from './streamFacts'
import {
  arrivalTime,
  batchInfoKey,
  compact,
  expiryCondition,
  lifeMs,
  oldest,
  sequenceNumber,
  shardId,
  streamArn,
} from './streamShards'
import type { Lane, StreamModelState } from './streamTypes'

/**
 * Giving up on stream records (fact sheet §4.3 "When handling gives up", spec "Pollers, shards"):
 * Lambda discards them, sends ONE metadata message per discarded batch to the on-failure
 * destination when set (else they are simply discarded), and the lane moves on. Records also run
 * out of life: past the stream's retention (RetentionExpired) or MaximumRecordAgeInSeconds
 * (RecordAgeExceeded), judged at every read and retry and, while a lane is blocked, at the exact
 * moment the oldest record expires (a streamExpire check).
 */

export function st(s: SimState): StreamModelState {
  return s.stream ?? internalError('no stream model state')
}

export type DiscardCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded' | 'RetentionExpired'

/** Discards records of one lane as one destination message (one batch). */
export function discard(w: Work, l: Lane, records: readonly EventNo[], condition: DiscardCondition): void {
  if (records.length === 0) return
  const s = w.s
  const m = st(s)
  const c = s.scenario.stream
  const first = eventAt(s, nth(records, 0))
  const last = eventAt(s, nth(records, records.length - 1))
  let invokes = 0
  for (const i of records) invokes = Math.max(invokes, eventAt(s, i).ran)
  const target = c.onFailure
  // Sequence numbers are strings, as Kinesis and DynamoDB Streams send them; times are ISO 8601.
  const record =
    target === null
      ? undefined
      : streamFailureRecord(
          s,
          batchInfoKey(s),
          condition,
          invokes,
          l.lastError,
          {
            shardId: shardId(s, l.shard),
            startSequenceNumber: sequenceNumber(s, l.shard, pat(m.seqOf, first.n)),
            endSequenceNumber: sequenceNumber(s, l.shard, pat(m.seqOf, last.n)),
            approximateArrivalOfFirstRecord: arrivalTime(s, first.arrivedAt),
            approximateArrivalOfLastRecord: arrivalTime(s, last.arrivedAt),
            batchSize: records.length,
            streamArn: streamArn(s),
          },
          `${shardId(s, l.shard)}:${pat(m.seqOf, first.n)}:${s.now}`,
        )
  records.forEach((i, k) => {
    const ev = edit(w, i)
    if (target === null) deliver(w, ev.n, { to: 'discarded', condition }, k === 0)
    else deliver(w, ev.n, { to: 'onFailure', condition, target, record }, k === 0)
    // Lambda gave up on it, even if a try processed it after the partial-response checkpoint.
    ev.outcome = 'failed'
    setStage(w, ev.n, 'failed')
  })
  const seq = pat(m.seqOf, last.n)
  if (seq > l.checkpoint) l.checkpoint = seq
  if (w.log) {
    const events = records.map((i) => eventAt(s, i).id)
    tell(
      w,
      {
        kind: 'streamGaveUp',
        at: laneRef(l),
        condition,
        events,
        seqs: seqsOf(m, records),
        toDestination: target !== null,
      },
      { events },
    )
  }
}

/** A record the mapping's filter drops: the iterator moves past it; it stays in the stream (§4.5). */
export function filterOut(w: Work, i: EventNo): void {
  const ev = edit(w, i)
  ev.outcome = 'filtered'
  setStage(w, ev.n, 'filtered')
  if (w.log) tell(w, { kind: 'streamFiltered', event: ev.id }, { events: [ev.id] })
}

/** "Older than" the limit is strict (§4.3): a record exactly `life` old is still read. */
function expired(s: SimState, i: EventNo, life: number): boolean {
  return s.now - eventAt(s, i).arrivedAt > life
}

/**
 * Gives up on every record of the lane whose life has run out (never the batch in flight).
 * Records of a lane are in arrival order, so the expired ones are a prefix of (held batches, then
 * unread). Returns true when the current batch (parts[0]) was removed entirely.
 */
export function expireDue(w: Work, l: Lane): boolean {
  if (l.state === 'running') return false
  const s = w.s
  const life = lifeMs(s)
  const condition = expiryCondition(s)
  let currentGone = false
  let k = 0
  while (l.parts.length > 0) {
    const p = nth(l.parts, 0)
    let n = 0
    while (n < p.length && expired(s, nth(p, n), life)) n++
    if (n === 0) return currentGone
    discard(w, l, p.slice(0, n), condition)
    if (n < p.length) {
      l.parts[0] = p.slice(n)
      return currentGone
    }
    l.parts.shift()
    if (k === 0) currentGone = true
    // Given up: the retry count and the backoff restart (docs/MODELLING.md "Streams").
    l.retries = 0
    l.fails = 0
    k++
  }
  const group: EventNo[] = []
  while (l.head < l.q.length && expired(s, nth(l.q, l.head), life)) {
    const i = nth(l.q, l.head++)
    if (eventAt(s, i).matchesFilter) {
      l.unreadMatch--
      group.push(i)
    } else filterOut(w, i)
  }
  compact(l)
  // Unread records leave as the batches Lambda would have read: never more than BatchSize at once.
  const size = s.scenario.stream.batchSize
  for (let from = 0; from < group.length; from += size) discard(w, l, group.slice(from, from + size), condition)
  return currentGone
}

/**
 * While a lane is blocked (retry or throttle backoff), checks again exactly when its oldest record
 * expires, so a blocked shard drops records on time. Housekeeping: it never keeps a run going by itself.
 */
export function armExpiry(w: Work, l: Lane): void {
  const o = oldest(l)
  if (o === -1) return
  // The first whole millisecond at which the record is older than its limit.
  const at = eventAt(w.s, o).arrivedAt + lifeMs(w.s) + 1
  if (l.expAt === at) return
  l.expGen++
  l.expAt = at
  schedule(w, 'streamExpire', at, l.n, l.expGen)
}
