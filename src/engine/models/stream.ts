import { edit } from '../clone'
import { paged, pset } from '../paged'
import type { EventNo } from '../ids'
import { nth, eventAt, ctxOf } from '../must'
import { setStage, tell } from '../core'
import type { Work } from '../types'
import type { ModelRules } from './rules'
import { batchEnded, laneFree, openWindow, readBatch, sendPart } from './streamBatch'
import { armExpiry, expireDue, st } from './streamDiscard'
import { laneRef } from './streamFacts'
import { newLanes, placeKey } from './streamShards'
import { streamStage } from './streamStage'

/**
 * Kinesis Data Streams and DynamoDB Streams event source mappings (fact sheet §4.1, §4.3, §4.5;
 * scenarios 11–14). Records go to a shard by the MD5 of their partition key and get a sequence
 * number there; each shard is read in order, in `parallelizationFactor` lanes (one batch in flight
 * per lane, a key always in the same lane). A failed batch blocks its lane and is retried until it
 * succeeds, its records expire, or MaximumRetryAttempts is used up (optionally bisecting it first);
 * then its metadata goes to the on-failure destination and the lane moves on.
 *
 * Files: streamShards.ts (shards, lanes, sequence numbers, MD5 placement), streamBatch.ts (reading,
 * batching window, retries, bisect, partial responses), streamDiscard.ts (giving up, expiry),
 * streamStage.ts (the view), streamTypes.ts (state).
 */

function arrived(w: Work, n: EventNo): void {
  const s = w.s
  const m = st(s)
  const ev = edit(w, n)
  const place = placeKey(ev.partitionKey, m.shards, m.factor)
  const l = nth(m.lanes, place.shard * m.factor + place.lane)
  const seq = nth(m.shardSeq, place.shard) + 1
  m.shardSeq[place.shard] = seq
  pset(m.shardOf, n, place.shard)
  pset(m.laneOf, n, l.n)
  pset(m.seqOf, n, seq)
  l.q.push(n)
  if (ev.matchesFilter) l.unreadMatch++
  setStage(w, ev.n, 'queued')
  if (w.log) {
    const blocked = l.state === 'retry' || l.state === 'throttled'
    tell(
      w,
      {
        kind: 'streamWritten',
        event: ev.id,
        partitionKey: ev.partitionKey,
        at: { shard: place.shard, lane: place.lane },
        seq,
        blocked,
      },
      { events: [ev.id] },
    )
  }
  const c = s.scenario.stream
  if (l.state === 'idle') openWindow(w, l)
  else if (l.state === 'window' && l.unreadMatch >= c.batchSize) {
    l.gen++
    readBatch(w, l)
  }
}

export const streamRules: ModelRules = {
  init(w) {
    const c = w.s.scenario.stream
    w.s.stream = {
      shards: c.shards,
      factor: c.parallelizationFactor,
      shardSeq: new Array<number>(c.shards).fill(0),
      shardOf: paged(),
      laneOf: paged(),
      seqOf: paged(),
      lanes: newLanes(c.shards, c.parallelizationFactor),
    }
  },
  arrived,
  invocationEnded(w, inv) {
    const s = w.s
    const l = nth(st(s).lanes, ctxOf(inv, 'stream').lane)
    const lastRecord = eventAt(s, nth(inv.events, inv.events.length - 1))
    const age = s.now - lastRecord.arrivedAt
    if (age > s.metrics.MaxIteratorAgeMs) s.metrics.MaxIteratorAgeMs = age
    batchEnded(w, l, inv)
  },
  occur: {
    // The batching window ends: read what gathered.
    streamPoll(w, n, gen) {
      const l = nth(st(w.s).lanes, n)
      if (l.gen !== gen || l.state !== 'window') return
      readBatch(w, l)
    },
    // A blocked lane's retry (or throttle backoff) is due: try the same batch again.
    streamRetry(w, n, gen) {
      const l = nth(st(w.s).lanes, n)
      if (l.gen !== gen || (l.state !== 'retry' && l.state !== 'throttled')) return
      if (w.log) {
        const part = l.parts[0] ?? []
        tell(
          w,
          { kind: 'streamRetried', at: laneRef(l), count: part.length },
          { events: part.map((i) => eventAt(w.s, i).id) },
        )
      }
      sendPart(w, l)
    },
    // The oldest record of a blocked lane reaches its retention or MaximumRecordAgeInSeconds.
    streamExpire(w, n, gen) {
      const l = nth(st(w.s).lanes, n)
      if (l.expGen !== gen) return
      l.expAt = -1
      if (l.state !== 'retry' && l.state !== 'throttled') return
      if (expireDue(w, l)) {
        l.gen++
        laneFree(w, l)
        return
      }
      armExpiry(w, l)
    },
  },
  stage: streamStage,
}
