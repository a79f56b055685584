import { seconds } from '../format'
import { DOCS } from '../docs'
import type { Caption } from '../facts'
import type { LaneRef, SeqRange, StreamFact } from '../models/streamFacts'
import type { Scenario } from '../scenario/types'

/** "shard 1", or "shard 1 (lane 2)" with ParallelizationFactor above 1. */
function laneName(sc: Scenario, l: LaneRef): string {
  return sc.stream.parallelizationFactor === 1 ? `shard ${l.shard + 1}` : `shard ${l.shard + 1} (lane ${l.lane + 1})`
}

function seqRange(r: SeqRange): string {
  return r.first === r.last ? `sequence ${r.first}` : `sequences ${r.first}–${r.last}`
}

function streamName(sc: Scenario): string {
  return sc.model === 'dynamodb' ? 'DynamoDB Streams' : 'Kinesis'
}

function failedWhy(end: 'success' | 'error' | 'timeout'): string {
  return end === 'timeout' ? 'timed out' : 'failed (the handler threw)'
}

function gaveUp(f: Extract<StreamFact, { kind: 'streamGaveUp' }>, sc: Scenario): Caption {
  const c = sc.stream
  const n = f.events.length
  const condition = f.condition
  const what = `${seqRange(f.seqs)} (${n} record${n === 1 ? '' : 's'}${n <= 3 ? `: ${f.events.join(', ')}` : ''})`
  const info = sc.model === 'dynamodb' ? 'DDBStreamBatchInfo' : 'KinesisBatchInfo'
  const to =
    !f.toDestination || c.onFailure === null
      ? `No on-failure destination is set, so ${n === 1 ? 'the record is' : 'the records are'} simply dropped`
      : `One message with the batch metadata (${info}: shard, first and last sequence number, batchSize ${n}; condition ${condition}), not the records, goes to the on-failure ${c.onFailure.toUpperCase()} destination`
  let why: string
  if (condition === 'RetryAttemptsExhausted') {
    why = `MaximumRetryAttempts ${c.maximumRetryAttempts} is used up for ${what}`
  } else if (condition === 'RecordAgeExceeded') {
    why = `${what} ${n === 1 ? 'is' : 'are'} older than MaximumRecordAgeInSeconds ${c.maximumRecordAgeInSeconds} (${seconds(c.maximumRecordAgeInSeconds * 1000)})`
  } else {
    why = `${what} reached the end of the stream's retention period (${c.retentionPeriodHours} h)`
  }
  why = why.charAt(0).toUpperCase() + why.slice(1)
  return {
    type: condition === 'RetryAttemptsExhausted' ? 'discarded' : 'expired',
    ref: DOCS.streamErrors,
    text: `${why}: Lambda gives up on ${n === 1 ? 'it' : 'them'} (${condition}). ${to}, and ${laneName(sc, f.at)} moves on.`,
  }
}

/** The stream mapping's facts in words (fact sheet §4.3). */
export function streamCaption(f: StreamFact, sc: Scenario): Caption {
  const c = sc.stream
  switch (f.kind) {
    case 'streamWritten': {
      const shards = c.shards
      const factor = c.parallelizationFactor
      const key = f.partitionKey === f.event ? 'its id as partition key' : `partition key "${f.partitionKey}"`
      const where =
        shards === 1
          ? 'the only shard'
          : `shard ${f.at.shard + 1} of ${shards} (the MD5 hash of the key falls in that shard's hash-key range)`
      const lane =
        factor > 1 ? `, lane ${f.at.lane + 1} of ${factor} (the same lane for every record with this key)` : ''
      const busy = f.blocked
        ? ` ${laneName(sc, f.at)} is blocked by a failing batch, so the record waits behind it.`
        : ''
      return {
        type: 'arrived',
        ref: sc.model === 'dynamodb' ? DOCS.dynamodb : DOCS.streams,
        text: `${f.event} (${key}) is written to ${where}${lane} of the ${streamName(sc)} stream with sequence number ${f.seq}. It stays in the stream after it is read.${busy}`,
      }
    }
    case 'streamWindowOpened':
      return {
        type: 'queued',
        ref: DOCS.esm,
        text: `${laneName(sc, f.at)} has ${f.waiting} record${f.waiting === 1 ? '' : 's'} waiting; MaximumBatchingWindowInSeconds is ${c.maximumBatchingWindowInSeconds}, so Lambda keeps gathering records for ${seconds(c.maximumBatchingWindowInSeconds * 1000)} (or until BatchSize ${c.batchSize} is reached) before it invokes.`,
      }
    case 'streamRead':
      return {
        type: 'polled',
        ref: DOCS.streams,
        text: `The event source mapping reads ${f.count} record${f.count === 1 ? '' : 's'} (${seqRange(f.seqs)}, BatchSize ${c.batchSize}) from ${laneName(sc, f.at)} of the ${streamName(sc)} stream, in order, and invokes the function synchronously with ${f.count === 1 ? 'it' : 'them'}.`,
      }
    case 'streamSplitNext':
      return {
        type: 'retried',
        ref: DOCS.streamErrors,
        text: `Next in ${laneName(sc, f.at)}: the other part of the split batch (${seqRange(f.seqs)}), before anything new is read.`,
      }
    case 'streamThrottled':
      return {
        type: 'throttled',
        ref: DOCS.streamErrors,
        text: `${f.batch} is throttled (${f.reason}): ${f.why}. Lambda tries the same records again in ${seconds(f.inMs)}; throttles do not count against MaximumRetryAttempts, though the records can still expire. ${laneName(sc, f.at)} waits meanwhile.`,
      }
    case 'streamCheckpointed':
      return {
        type: 'checkpointed',
        ref: DOCS.streams,
        text: `${f.batch} succeeded: Lambda checkpoints ${laneName(sc, f.at)} at sequence ${f.seq} and reads on.`,
      }
    case 'streamBisected':
      return {
        type: 'bisected',
        ref: DOCS.streamErrors,
        text: `Bisect: ${f.batch} (${f.count} records) ${failedWhy(f.end)} and splits into ${f.half} + ${f.count - f.half} (BisectBatchOnFunctionError): the first half (${seqRange(f.firstHalf)}) runs first, in ${seconds(f.inMs)}, then the second. Splits do not count as retries.`,
      }
    case 'streamPartialFailure':
      return {
        type: 'checkpointed',
        ref: DOCS.streamPartial,
        text: `${f.batch} returns batchItemFailures with sequence number${f.failed.length === 1 ? '' : 's'} ${f.failed.join(', ')} (a partial batch response is not an error). Checkpoint at sequence ${f.checkpoint}, the lowest failed item: records ${seqRange(f.retry).replace(/^sequences? /, '')} are retried, including any that already succeeded.`,
      }
    case 'streamRetryScheduled': {
      const limit =
        c.maximumRetryAttempts === -1
          ? 'MaximumRetryAttempts −1 = until the records expire'
          : `MaximumRetryAttempts ${c.maximumRetryAttempts}`
      return {
        type: 'retryScheduled',
        ref: DOCS.streamErrors,
        text: `${f.batch} ${f.end === 'success' ? 'reported failed items' : failedWhy(f.end)}; ${laneName(sc, f.at)} waits: Lambda retries ${f.count === 1 ? 'the record' : `the same ${f.count} records`} in ${seconds(f.inMs)} (retry ${f.retry}, ${limit}) and nothing behind ${f.count === 1 ? 'it' : 'them'} in the shard is read.`,
      }
    }
    case 'streamRetried':
      return {
        type: 'retried',
        ref: DOCS.streamErrors,
        text: `Lambda tries ${laneName(sc, f.at)}'s waiting batch again (${f.count} record${f.count === 1 ? '' : 's'}).`,
      }
    case 'streamGaveUp':
      return gaveUp(f, sc)
    case 'streamFiltered':
      return {
        type: 'filtered',
        ref: DOCS.filtering,
        text: `${f.event} does not match the mapping's filter criteria: the iterator moves past it and the function never sees it. The record stays in the stream until retention removes it.`,
      }
  }
}
