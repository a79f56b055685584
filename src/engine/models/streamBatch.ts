import { edit } from '../clone'
import { emit, schedule, seconds, setStage } from '../core'
import { DOCS } from '../docs'
import { recordThrottle, startInvocation } from '../invoke'
import type { Invocation, Work } from '../types'
import { armExpiry, discard, expireDue, filterOut, st } from './streamDiscard'
import { backoffMs, compact, laneName, seqRange, streamName, unread } from './streamShards'
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
      const p = l.parts[0]!
      emit(w, 'retried', DOCS.streamErrors, `Next in ${laneName(st(s), l)}: the other part of the split batch (${seqRange(st(s), p)}), before anything new is read.`, { events: p.map((i) => s.events[i]!.id) })
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
  if (w.log && windowMs > 0) {
    emit(w, 'queued', DOCS.esm, `${laneName(st(s), l)} has ${l.unreadMatch} record${l.unreadMatch === 1 ? '' : 's'} waiting; MaximumBatchingWindowInSeconds is ${c.maximumBatchingWindowInSeconds}, so Lambda keeps gathering records for ${seconds(windowMs)} (or until BatchSize ${c.batchSize} is reached) before it invokes.`)
  }
}

/** Reads the next batch: up to BatchSize matching records, in sequence order, from the lane. */
export function readBatch(w: Work, l: Lane): void {
  const s = w.s
  l.state = 'idle'
  expireDue(w, l)
  const size = s.scenario.stream.batchSize
  const batch: number[] = []
  while (l.head < l.q.length && batch.length < size) {
    const i = l.q[l.head++]!
    if (!s.events[i]!.matchesFilter) {
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
  if (w.log) {
    emit(w, 'polled', DOCS.streams, `The event source mapping reads ${batch.length} record${batch.length === 1 ? '' : 's'} (${seqRange(st(s), batch)}, BatchSize ${size}) from ${laneName(st(s), l)} of the ${streamName(s)} stream, in order, and invokes the function synchronously with ${batch.length === 1 ? 'it' : 'them'}.`, { events: batch.map((i) => s.events[i]!.id) })
  }
  sendPart(w, l)
}

/** Invokes the function with the lane's current batch (parts[0]); a throttle backs off and tries again. */
export function sendPart(w: Work, l: Lane): void {
  const s = w.s
  if (expireDue(w, l) && l.parts.length === 0) return laneFree(w, l)
  const part = l.parts[0]
  if (!part) return laneFree(w, l)
  const c = s.scenario.stream
  const batch = `batch-${++s.nextBatch}`
  l.batch = batch
  const r = startInvocation(w, part, { batch, ctx: l.n, partial: c.reportBatchItemFailures })
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
  if (w.log) {
    emit(w, 'throttled', DOCS.streamErrors, `${batch} is throttled (${r.reason}): ${r.why}. Lambda tries the same records again in ${seconds(delay)}; throttles do not count against MaximumRetryAttempts, though the records can still expire. ${laneName(st(s), l)} waits meanwhile.`, { events: part.map((i) => s.events[i]!.id), batch })
  }
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
    l.checkpoint = Math.max(l.checkpoint, m.seqOf[part[part.length - 1]!] ?? 0)
    l.parts.shift()
    l.retries = 0
    l.fails = 0
    if (w.log) {
      emit(w, 'checkpointed', DOCS.streams, `${inv.batch} succeeded: Lambda checkpoints ${laneName(m, l)} at sequence ${l.checkpoint} and reads on.`, { events: part.map((i) => s.events[i]!.id), batch: inv.batch ?? undefined })
    }
    return laneFree(w, l)
  }
  if (firstFailing >= 0) return partialFailure(w, l, inv, firstFailing)
  l.fails++
  l.lastError = inv.end === 'timeout' ? 'Unhandled' : 'Handled'
  const c = s.scenario.stream
  if (c.bisectBatchOnFunctionError && part.length > 1) {
    const half = Math.ceil(part.length / 2)
    l.parts.splice(0, 1, part.slice(0, half), part.slice(half))
    l.retries = 0
    if (w.log) {
      emit(w, 'bisected', DOCS.streamErrors, `Bisect: ${inv.batch} (${part.length} records) ${failedWhy(inv)} and splits into ${half} + ${part.length - half} (BisectBatchOnFunctionError): the first half (${seqRange(m, part.slice(0, half))}) runs first, in ${seconds(backoffMs(l.fails))}, then the second. Splits do not count as retries.`, { events: part.map((i) => s.events[i]!.id), batch: inv.batch ?? undefined })
    }
    return retryLater(w, l)
  }
  return retryOrGiveUp(w, l, inv)
}

function failedWhy(inv: Invocation): string {
  return inv.end === 'timeout' ? 'timed out' : 'failed (the handler threw)'
}

/** ReportBatchItemFailures: checkpoint at the lowest failed sequence number, retry from there. */
function partialFailure(w: Work, l: Lane, inv: Invocation, k: number): void {
  const s = w.s
  const m = st(s)
  const part = l.parts[0]!
  // A stream record succeeds when the checkpoint moves past it (spec "Precise rules", Streams):
  // records from the lowest failed item on are retried, even those the handler processed.
  for (let j = 0; j < k; j++) {
    const ev = edit(w, part[j]!)
    ev.outcome = 'succeeded'
    setStage(w, ev.n, 'succeeded')
  }
  if (k > 0) l.checkpoint = Math.max(l.checkpoint, m.seqOf[part[k - 1]!]!)
  const rest = part.slice(k)
  l.parts[0] = rest
  l.fails++
  l.lastError = ''
  if (w.log) {
    const failed = part.filter((_, j) => inv.failing[j]).map((i) => m.seqOf[i]!)
    emit(w, 'checkpointed', DOCS.streamPartial, `${inv.batch} returns batchItemFailures with sequence number${failed.length === 1 ? '' : 's'} ${failed.join(', ')} (a partial batch response is not an error). Checkpoint at sequence ${m.seqOf[rest[0]!]}, the lowest failed item: records ${seqRange(m, rest).replace(/^sequences? /, '')} are retried, including any that already succeeded.`, { events: part.map((i) => s.events[i]!.id), batch: inv.batch ?? undefined })
  }
  retryOrGiveUp(w, l, inv)
}

function retryOrGiveUp(w: Work, l: Lane, inv: Invocation): void {
  const s = w.s
  const c = s.scenario.stream
  const part = l.parts[0]!
  if (c.maximumRetryAttempts !== -1 && l.retries >= c.maximumRetryAttempts) {
    l.parts.shift()
    l.retries = 0
    l.fails = 0
    discard(w, l, part, 'RetryAttemptsExhausted')
    return laneFree(w, l)
  }
  l.retries++
  if (w.log) {
    const limit = c.maximumRetryAttempts === -1 ? 'MaximumRetryAttempts −1 = until the records expire' : `MaximumRetryAttempts ${c.maximumRetryAttempts}`
    emit(w, 'retryScheduled', DOCS.streamErrors, `${inv.batch} ${inv.end === 'success' ? 'reported failed items' : failedWhy(inv)}; ${laneName(st(s), l)} waits: Lambda retries ${part.length === 1 ? 'the record' : `the same ${part.length} records`} in ${seconds(backoffMs(l.fails))} (retry ${l.retries}, ${limit}) and nothing behind ${part.length === 1 ? 'it' : 'them'} in the shard is read.`, { events: part.map((i) => s.events[i]!.id), batch: inv.batch ?? undefined })
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
