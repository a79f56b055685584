import { md5Hex, md5Words } from '../md5'
import { pat } from '../paged'
import { EPOCH_MS, isoSeconds, isoTime } from '../records'
import { nth } from '../must'
import { laneNo, type EventNo } from '../ids'
import type { SimState } from '../types'
import type { Lane, StreamModelState } from './streamTypes'

/**
 * Shards, lanes and sequence numbers of a Kinesis / DynamoDB stream (fact sheet §4.3, spec
 * "Pollers, shards, queues").
 *
 * Shard: Kinesis hashes the partition key with MD5 into a 128-bit number H and writes the record to
 * the shard whose hash-key range contains H; the shards here split the range [0, 2^128) evenly, so
 * the shard is floor(H × shards / 2^128). That is computed exactly, without BigInt: H × shards is
 * worked out limb by limb over the four 32-bit words of the digest (each product < 2^39, exact in a
 * double) and the carry out of the top limb is the shard.
 *
 * Lane: with ParallelizationFactor F, the key's lane within its shard is (lowest 32 bits of the
 * MD5) mod F, so a key always maps to the same lane and its records stay in order.
 */

const TWO32 = 4294967296

/** floor(H × n / 2^128) for the 128-bit number H given as four big-endian uint32 words. */
export function rangeIndex(words: readonly number[], n: number): number {
  let carry = 0
  for (let i = 3; i >= 0; i--) {
    const v = nth(words, i) * n + carry
    carry = Math.floor(v / TWO32)
  }
  return carry
}

export interface KeyPlace {
  readonly shard: number
  /** Lane within the shard. */
  readonly lane: number
}

/** Where a partition key's records go: its shard and its lane within the shard. */
export function placeKey(key: string, shards: number, factor: number): KeyPlace {
  if (shards === 1 && factor === 1) return { shard: 0, lane: 0 }
  const words = md5Words(key)
  return { shard: rangeIndex(words, shards), lane: nth(words, 3) % factor }
}

export function newLanes(shards: number, factor: number): Lane[] {
  const lanes: Lane[] = []
  for (let shard = 0; shard < shards; shard++) {
    for (let index = 0; index < factor; index++) {
      lanes.push({
        n: laneNo(lanes.length),
        shard,
        index,
        q: [],
        head: 0,
        unreadMatch: 0,
        parts: [],
        retries: 0,
        fails: 0,
        throttles: 0,
        state: 'idle',
        gen: 0,
        until: -1,
        inv: -1,
        batch: '',
        lastError: '',
        expAt: -1,
        expGen: 0,
        checkpoint: 0,
      })
    }
  }
  return lanes
}

/**
 * The shard's id as the service writes it (docs/MODELLING.md "Records"): Kinesis numbers its shards
 * ("shardId-000000000000"); DynamoDB Streams names one by its creation time and a hash
 * ("shardId-00000001704067200000-1a2b3c4d").
 */
export function shardId(s: SimState, shard: number): string {
  if (s.scenario.model !== 'dynamodb') return `shardId-${String(shard).padStart(12, '0')}`
  return `shardId-${String(EPOCH_MS + shard).padStart(20, '0')}-${md5Hex(`ddb-shard:${shard}`).slice(0, 8)}`
}

/**
 * A record's sequence number as the service sends it: a decimal string that grows within its shard.
 * Kinesis's are 56 digits, DynamoDB Streams' 21; the simulation's own number (1, 2, 3 … per shard)
 * sits in the low digits, so order within a shard is kept both as numbers and as strings.
 */
export function sequenceNumber(s: SimState, shard: number, seq: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  if (s.scenario.model === 'dynamodb') return `8${pad(shard, 5)}${pad(seq, 15)}`
  return `49${KINESIS_SEQ_STEM}${pad(shard, 4)}${pad(seq, 20)}`
}

/** Fixed middle digits of a Kinesis sequence number (made up; real ones encode the stream and time). */
const KINESIS_SEQ_STEM = '590338271490256608559692538361'

/** When a record reached the stream: Kinesis to the millisecond, DynamoDB Streams to the second. */
export function arrivalTime(s: SimState, ms: number): string {
  return s.scenario.model === 'dynamodb' ? isoSeconds(ms) : isoTime(ms)
}

/** The stream's ARN, by model (a made-up account and name). */
export function streamArn(s: SimState): string {
  return s.scenario.model === 'dynamodb'
    ? 'arn:aws:dynamodb:us-east-1:123456789012:table/sim-table/stream/2024-01-01T00:00:00.000'
    : 'arn:aws:kinesis:us-east-1:123456789012:stream/sim-stream'
}

/** The name of the batch metadata block in the on-failure record. */
export function batchInfoKey(s: SimState): 'KinesisBatchInfo' | 'DDBStreamBatchInfo' {
  return s.scenario.model === 'dynamodb' ? 'DDBStreamBatchInfo' : 'KinesisBatchInfo'
}

/** How long a record may live before Lambda gives up on it: retention, or MaximumRecordAgeInSeconds if shorter. */
export function lifeMs(s: SimState): number {
  const c = s.scenario.stream
  const retention = c.retentionPeriodHours * 3600000
  if (c.maximumRecordAgeInSeconds === -1) return retention
  return Math.min(retention, c.maximumRecordAgeInSeconds * 1000)
}

/** The condition a record gets when its life runs out (see lifeMs). */
export function expiryCondition(s: SimState): 'RecordAgeExceeded' | 'RetentionExpired' {
  const c = s.scenario.stream
  if (c.maximumRecordAgeInSeconds !== -1 && c.maximumRecordAgeInSeconds * 1000 <= c.retentionPeriodHours * 3600000)
    return 'RecordAgeExceeded'
  return 'RetentionExpired'
}

/** Unread records of a lane. */
export function unread(l: Lane): number {
  return l.q.length - l.head
}

/** Drops consumed entries at the front of the unread list now and then (amortised O(1)). */
export function compact(l: Lane): void {
  if (l.head > 1024 && l.head * 2 > l.q.length) {
    l.q = l.q.slice(l.head)
    l.head = 0
  }
}

/** The lane's oldest record not yet done (held or unread), or -1. */
export function oldest(l: Lane): EventNo | -1 {
  const p = l.parts[0]
  if (p && p.length > 0) return nth(p, 0)
  return l.head < l.q.length ? nth(l.q, l.head) : -1
}

/** Lowest sequence number not yet done in the shard, minus 1: the shard's checkpoint for the view. */
export function shardCheckpoint(st: StreamModelState, shard: number): number {
  let low = -1
  for (let k = 0; k < st.factor; k++) {
    const l = nth(st.lanes, shard * st.factor + k)
    const o = oldest(l)
    if (o !== -1) {
      const seq = pat(st.seqOf, o)
      if (low < 0 || seq < low) low = seq
    }
  }
  return low < 0 ? nth(st.shardSeq, shard) : low - 1
}

/** Wait before retrying a failed (or throttled) batch: 1 s, doubling, capped at 60 s (engine's choice, ≤ 5 min). */
export function backoffMs(tries: number): number {
  return Math.min(60000, 1000 * 2 ** Math.max(0, Math.min(tries - 1, 6)))
}
