import { edit } from '../clone'
import { pat, pget } from '../paged'
import { nth, eventAt } from '../must'
import { batchId, type EventNo } from '../ids'
import { schedule, setStage, tell } from '../core'
import { recordThrottle, startInvocation } from '../invoke'
import type { Invocation, Work } from '../types'
import { armExpiry, discard, expireDue, filterOut, st } from './streamDiscard'
import { laneRef, seqsOf } from './streamFacts'
import { backoffMs, compact, unread } from './streamShards'
import type { Lane } from './streamTypes'

/**
 * Batches of one lane (fact sheet §4.1, §4.3): reading, the batching window, invoking, and what
 * Lambda does with the result: checkpoint on success, retry the same batch while the lane waits,
 * bisect, partial batch responses, and giving up when MaximumRetryAttempts is used up.
 *
 * Polling is immediate (like long polling): a free lane reads as soon as it has records. AWS polls
 * each Kinesis shard about once per second and each DynamoDB stream shard about 4 times per second;
 * that small delay is left out so the lessons are about the mapping's settings.
 */

/** The lane has nothing in flight and no wait pending: run the next held batch, or read on. */
export function laneFree(w: Work, l: Lane): void {
  const s = w.s
  l.inv = -1
  l.until = -1
  if (l.parts.length > 0) {
    if (w.log) {
      const p = nth(l.parts, 0)
      tell(
        w,
        { kind: 'streamSplitNext', at: laneRef(l), seqs: seqsOf(st(s), p) },
        { events: p.map((i) => eventAt(s, i).id) },
      )
    }
    return sendPart(w, l)
  }
  if (unread(l) === 0) {
    l.state = 'idle'
    return
  }
  const c = s.scenario.stream
  if (c.maximumBatchingWindowInSeconds > 0 && l.unreadMatch > 0 && l.unreadMatch < c.batchSize) return openWindow(w, l)
  readBatch(w, l)
}

/**
 * Starts gathering records for the lane's next batch. With MaximumBatchingWindowInSeconds 0 the
 * poll still runs as its own occurrence at this millisecond, after every arrival of the
 * millisecond (spec: a poller running at time t sees every record that arrived at t).
 */
export function openWindow(w: Work, l: Lane): void {
  const s = w.s
  const c = s.scenario.stream
  // Lambda invokes at the first of: window end, BatchSize reached, 6 MB (§4.1). A lane that
  // already holds a full batch does not wait for the window.
  const windowMs = l.unreadMatch >= c.batchSize ? 0 : c.maximumBatchingWindowInSeconds * 1000
  l.state = 'window'
  l.gen++
  l.until = s.now + windowMs
  schedule(w, 'streamPoll', l.until, l.n, l.gen)
  if (w.log && windowMs > 0) tell(w, { kind: 'streamWindowOpened', at: laneRef(l), waiting: l.unreadMatch })
}

/** Reads the next batch: up to BatchSize matching records, in sequence order, from the lane. */
export function readBatch(w: Work, l: Lane): void {
  const s = w.s
  l.state = 'idle'
  expireDue(w, l)
  const size = s.scenario.stream.batchSize
  const batch: EventNo[] = []
  while (l.head < l.q.length && batch.length < size) {
    const i = nth(l.q, l.head++)
    if (!eventAt(s, i).matchesFilter) {
      filterOut(w, i)
      continue
    }
    l.unreadMatch--
    batch.push(i)
  }
  compact(l)
  if (batch.length === 0) return
  l.parts.push(batch)
  l.retries = 0
  if (w.log)
    tell(
      w,
      { kind: 'streamRead', at: laneRef(l), count: batch.length, seqs: seqsOf(st(s), batch) },
      { events: batch.map((i) => eventAt(s, i).id) },
    )
  sendPart(w, l)
}

/** Invokes the function with the lane's current batch (parts[0]); a throttle backs off and tries again. */
export function sendPart(w: Work, l: Lane): void {
  const s = w.s
  if (expireDue(w, l) && l.parts.length === 0) return laneFree(w, l)
  const part = l.parts[0]
  if (!part) return laneFree(w, l)
  const c = s.scenario.stream
  const batch = batchId(`batch-${++s.nextBatch}`)
  l.batch = batch
  const r = startInvocation(w, part, { batch, ctx: { model: 'stream', lane: l.n }, partial: c.reportBatchItemFailures })
  if (r.ok) {
    l.state = 'running'
    l.inv = r.inv.n
    l.throttles = 0
    l.until = r.inv.endAt
    return
  }
  recordThrottle(w, part, r.reason, batch)
  l.throttles++
  const delay = backoffMs(l.throttles)
  l.state = 'throttled'
  l.gen++
  l.until = s.now + delay
  schedule(w, 'streamRetry', l.until, l.n, l.gen)
  for (const i of part) setStage(w, i, 'waiting')
  armExpiry(w, l)
  if (w.log)
    tell(
      w,
      { kind: 'streamThrottled', batch, at: laneRef(l), reason: r.reason, why: r.why, inMs: delay },
      { events: part.map((i) => eventAt(s, i).id), batch },
    )
}

/** The lane's batch invocation ended (generic bookkeeping done): checkpoint, retry, bisect or give up. */
export function batchEnded(w: Work, l: Lane, inv: Invocation): void {
  const s = w.s
  const m = st(s)
  const part = l.parts[0] ?? []
  l.inv = -1
  const firstFailing = inv.end === 'success' ? inv.failing.indexOf(true) : -1
  if (inv.end === 'success' && firstFailing < 0) {
    for (const i of part) {
      const ev = edit(w, i)
      ev.outcome = 'succeeded'
      setStage(w, ev.n, 'succeeded')
    }
    l.checkpoint = Math.max(l.checkpoint, pget(m.seqOf, nth(part, part.length - 1)) ?? 0)
    l.parts.shift()
    l.retries = 0
    l.fails = 0
    if (w.log)
      tell(
        w,
        { kind: 'streamCheckpointed', batch: inv.batch ?? '', at: laneRef(l), seq: l.checkpoint },
        { events: part.map((i) => eventAt(s, i).id), batch: inv.batch ?? undefined },
      )
    return laneFree(w, l)
  }
  if (firstFailing >= 0) return partialFailure(w, l, inv, firstFailing)
  l.fails++
  l.lastError = 'Unhandled'
  const c = s.scenario.stream
  if (c.bisectBatchOnFunctionError && part.length > 1) {
    const half = Math.ceil(part.length / 2)
    l.parts.splice(0, 1, part.slice(0, half), part.slice(half))
    l.retries = 0
    if (w.log) {
      const fact = {
        kind: 'streamBisected',
        batch: inv.batch ?? '',
        end: inv.end === 'timeout' ? 'timeout' : 'error',
        count: part.length,
        half,
        firstHalf: seqsOf(m, part.slice(0, half)),
        inMs: backoffMs(l.fails),
      } as const
      tell(w, fact, { events: part.map((i) => eventAt(s, i).id), batch: inv.batch ?? undefined })
    }
    return retryLater(w, l)
  }
  return retryOrGiveUp(w, l, inv)
}

/** ReportBatchItemFailures: checkpoint at the lowest failed sequence number, retry from there. */
function partialFailure(w: Work, l: Lane, inv: Invocation, k: number): void {
  const s = w.s
  const m = st(s)
  const part = nth(l.parts, 0)
  // A stream record succeeds when the checkpoint moves past it (spec "Precise rules", Streams):
  // records from the lowest failed item on are retried, even those the handler processed.
  for (let j = 0; j < k; j++) {
    const ev = edit(w, nth(part, j))
    ev.outcome = 'succeeded'
    setStage(w, ev.n, 'succeeded')
  }
  if (k > 0) l.checkpoint = Math.max(l.checkpoint, pat(m.seqOf, nth(part, k - 1)))
  const rest = part.slice(k)
  l.parts[0] = rest
  l.fails++
  l.lastError = ''
  if (w.log) {
    const failed = part.filter((_, j) => inv.failing[j]).map((i) => pat(m.seqOf, i))
    tell(
      w,
      {
        kind: 'streamPartialFailure',
        batch: inv.batch ?? '',
        failed,
        checkpoint: pat(m.seqOf, nth(rest, 0)),
        retry: seqsOf(m, rest),
      },
      { events: part.map((i) => eventAt(s, i).id), batch: inv.batch ?? undefined },
    )
  }
  retryOrGiveUp(w, l, inv)
}

function retryOrGiveUp(w: Work, l: Lane, inv: Invocation): void {
  const s = w.s
  const c = s.scenario.stream
  const part = nth(l.parts, 0)
  if (c.maximumRetryAttempts !== -1 && l.retries >= c.maximumRetryAttempts) {
    l.parts.shift()
    l.retries = 0
    l.fails = 0
    discard(w, l, part, 'RetryAttemptsExhausted')
    return laneFree(w, l)
  }
  l.retries++
  if (w.log) {
    tell(
      w,
      {
        kind: 'streamRetryScheduled',
        batch: inv.batch ?? '',
        at: laneRef(l),
        end: inv.end,
        count: part.length,
        inMs: backoffMs(l.fails),
        retry: l.retries,
      },
      { events: part.map((i) => eventAt(s, i).id), batch: inv.batch ?? undefined },
    )
  }
  retryLater(w, l)
}

/** The lane is blocked until the retry: the current batch waits, the other held batches stay queued. */
function retryLater(w: Work, l: Lane): void {
  const s = w.s
  l.state = 'retry'
  if (expireDue(w, l)) {
    l.gen++
    return laneFree(w, l)
  }
  l.gen++
  l.until = s.now + backoffMs(l.fails)
  schedule(w, 'streamRetry', l.until, l.n, l.gen)
  l.parts.forEach((p, k) => {
    for (const i of p) setStage(w, i, k === 0 ? 'waiting' : 'queued')
  })
  armExpiry(w, l)
}
