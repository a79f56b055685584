import { seconds } from '../format'
import { DOCS } from '../docs'
import type { Caption } from '../facts'
import type { SqsDispatchReason, SqsFact, SqsScaling } from '../models/sqsFacts'
import { INVOKES_PER_POLLER, MAX_CONCURRENCY, RECURSION_LIMIT, SCALE_PAUSE_MS } from '../models/sqsConstants'
import type { Scenario } from '../scenario/types'

/** Ids for a caption: the first `max`, then how many more. */
export function idList(ids: readonly string[], max = 3): string {
  const head = ids.slice(0, max)
  return ids.length > max ? `${head.join(', ')} and ${ids.length - max} more` : head.join(', ')
}

function dispatchReason(why: SqsDispatchReason, sc: Scenario): string {
  const size = sc.sqs.batchSize
  const windowMs = sc.sqs.maximumBatchingWindowInSeconds * 1000
  switch (why) {
    case 'noWindow':
      return 'MaximumBatchingWindowInSeconds is 0 (it does not wait for more messages)'
    case 'sizeAtOnce':
      return `batchSize ${size} is reached at once`
    case 'sizeBeforeWindowEnd':
      return `batchSize ${size} is reached before the ${seconds(windowMs)} window ends`
    case 'windowEnded':
      return `its ${seconds(windowMs)} batching window ended`
    case 'throttleBackoffPassed':
      return 'the throttle backoff passed'
  }
}

function scaled(from: number, to: number, how: SqsScaling): Caption {
  switch (how.kind) {
    case 'scaleUp': {
      const cap =
        how.mode === 'provisioned'
          ? `${how.cap}: ${how.maxPollers} MaximumPollers × ${INVOKES_PER_POLLER} invocations each`
          : how.mode === 'default'
            ? `${MAX_CONCURRENCY}`
            : `${how.cap} (MaximumConcurrency)`
      const rate = how.mode === 'provisioned' ? 'provisioned mode: up to 1,000 per minute' : 'up to 300 per minute'
      return {
        type: 'scaled',
        ref: DOCS.sqsScaling,
        text: `Poller concurrency ${from} → ${to}: messages are waiting and every poller is busy, so Lambda adds concurrent batches (${rate}, at most ${cap}).`,
      }
    }
    case 'backoff': {
      const why = how.cause === 'failed' ? `${how.batch} failed` : `${how.batch} was throttled`
      return {
        type: 'scaled',
        ref: DOCS.sqsErrors,
        text: `Poller concurrency ${from} → ${to}: ${why}, so Lambda backs off and gradually lowers the concurrency it gives this mapping (it does not scale up again for ${seconds(SCALE_PAUSE_MS)}).`,
      }
    }
    case 'reset':
      return {
        type: 'scaled',
        ref: DOCS.sqsScaling,
        text: `Poller concurrency ${from} → ${to}: the queue is empty and no batch is in flight, so the mapping drops back to its starting ${to} concurrent batches.`,
      }
  }
}

function batchEnded(f: Extract<SqsFact, { kind: 'sqsBatchEnded' }>, sc: Scenario): Caption {
  const sqs = sc.sqs
  const vt = seconds(sqs.visibilityTimeout * 1000)
  const { batch, stay, lost, deleted } = f
  const rc =
    stay.length === 0
      ? ''
      : sqs.maxReceiveCount === null
        ? ` Receive count ${f.maxReceives}; no redrive policy (maxReceiveCount), so they come back until they succeed or retention expires.`
        : ` Receive count ${f.maxReceives} of maxReceiveCount ${sqs.maxReceiveCount}${f.maxReceives >= sqs.maxReceiveCount ? ': when the timeout passes, SQS moves them to the DLQ' : ''}.`
  const gone =
    lost.length === 0
      ? ''
      : ` ${idList(lost)}: the visibility timeout already passed during this invocation, so this result no longer deletes ${lost.length === 1 ? 'it' : 'them'} (${lost.length === 1 ? 'it was' : 'they were'} visible again and may be received twice).`
  if (f.end === 'success' && stay.length === 0) {
    const del =
      deleted === 0
        ? 'nothing is left for Lambda to delete.'
        : `Lambda deletes ${deleted === f.events.length ? 'its' : ''} ${deleted} message${deleted === 1 ? '' : 's'} from the queue.`
    return { type: 'deleted', ref: DOCS.sqs, text: `${batch} succeeded: ${del.replace('  ', ' ')}${gone}` }
  }
  if (f.end === 'success') {
    const fifo =
      sc.model === 'sqs-fifo' ? ' (for a FIFO queue also every later message of the same group, to keep the order)' : ''
    return {
      type: 'deleted',
      ref: DOCS.sqsErrors,
      text: `${batch} returns batchItemFailures (ReportBatchItemFailures): ${deleted === 0 ? 'nothing to delete' : `Lambda deletes ${deleted} message${deleted === 1 ? '' : 's'}`}; ${stay.length} reported${fifo} (${idList(stay)}) stay hidden until their visibility timeout (${vt} after the receive) passes, then reappear. A partial batch response is not an error.${rc}${gone}`,
    }
  }
  const how = f.end === 'timeout' ? `timed out after ${sc.function.timeout} s` : 'threw an error'
  const why = sqs.reportBatchItemFailures
    ? ' An uncaught error fails the whole batch even with ReportBatchItemFailures.'
    : ''
  return {
    type: f.end === 'timeout' ? 'timedOut' : 'functionError',
    ref: DOCS.sqsErrors,
    text: `${batch} failed (the handler ${how}): all ${stay.length} messages stay hidden until the visibility timeout (${vt}) passes, then reappear, including any the handler had already processed.${why}${rc}${gone}`,
  }
}

/** The SQS mapping's facts in words (fact sheet §4.2). */
export function sqsCaption(f: SqsFact, sc: Scenario): Caption {
  const sqs = sc.sqs
  switch (f.kind) {
    case 'sqsQueued': {
      const group = f.group !== null ? ` (MessageGroupId ${f.group})` : ''
      const who = f.from === null ? 'The producer sends' : `The handler that processed ${f.from} sends`
      const loop =
        f.from === null
          ? ''
          : ` the same queue that invokes it: a recursive loop, hop ${f.hop} of the chain that ${f.root} started.`
      return {
        type: 'queued',
        ref: f.from === null ? DOCS.sqs : DOCS.recursion,
        text: `${who} ${f.event}${group} to${loop || ' the queue.'} It is visible, waiting for the mapping's pollers.`,
      }
    }
    case 'sqsFiltered':
      return {
        type: 'filtered',
        ref: DOCS.filtering,
        text: `${f.event} does not match the mapping's filter criteria: Lambda deletes it from the queue without invoking the function.`,
      }
    case 'sqsExpired': {
      const when = f.inFlight ? 'when its visibility timeout passed it was' : 'it is'
      return {
        type: 'expired',
        ref: DOCS.sqs,
        text: `${f.event} expires: ${when} ${seconds(f.ageMs)} old, and messageRetentionPeriod is ${seconds(sqs.messageRetentionPeriod * 1000)}. SQS deletes it (RetentionExpired); nothing processed it.`,
      }
    }
    case 'sqsRedriven':
      return {
        type: 'dlq',
        ref: DOCS.sqsDlq,
        text: `${f.event}'s visibility timeout passes after receive ${f.receives} and nobody deleted it, and the queue's redrive policy has maxReceiveCount ${sqs.maxReceiveCount}: SQS moves it to the queue's dead-letter queue.`,
      }
    case 'sqsVisible': {
      const max =
        sqs.maxReceiveCount === null
          ? 'no redrive policy, so it can come back until retention expires'
          : `maxReceiveCount is ${sqs.maxReceiveCount}`
      return {
        type: 'visible',
        ref: DOCS.sqsVisibility,
        text: `${f.event} reappears in the queue: nobody deleted it within the ${seconds(sqs.visibilityTimeout * 1000)} visibility timeout. Receive count so far ${f.receives}; ${max}.`,
      }
    }
    case 'sqsWindowOpened':
      return {
        type: 'polled',
        ref: DOCS.esm,
        text: `A poller receives ${idList(f.events)} into ${f.batch} and opens a ${seconds(sqs.maximumBatchingWindowInSeconds * 1000)} batching window (MaximumBatchingWindowInSeconds): it invokes when the window ends or when ${sqs.batchSize} messages (batchSize) are in the batch, whichever comes first. The messages are hidden from now on.`,
      }
    case 'sqsBatchFormed': {
      const n = f.events.length
      const rc =
        f.minReceives === f.maxReceives
          ? `receive count ${f.minReceives}`
          : `receive counts ${f.minReceives}–${f.maxReceives}`
      const fifo =
        f.groups !== null
          ? ` from message group${f.groups.length > 1 ? 's' : ''} ${f.groups.join(', ')} (in order within each group)`
          : ''
      return {
        type: 'batchFormed',
        ref: DOCS.sqs,
        text: `${f.batch}: ${n} message${n === 1 ? '' : 's'} (${idList(f.events)})${fifo}, ${rc}. The poller invokes the function synchronously because ${dispatchReason(f.why, sc)}. The messages stay in the queue, hidden for the ${seconds(sqs.visibilityTimeout * 1000)} visibility timeout.`,
      }
    }
    case 'sqsBatchThrottled': {
      const next =
        f.retryInMs !== null
          ? `retries the invoke in ${seconds(f.retryInMs)} (backoff doubling from 1 s)`
          : `stops retrying: the next try would come after the visibility timeout, when the messages reappear`
      return {
        type: 'throttled',
        ref: DOCS.sqsErrors,
        text: `${f.batch} is throttled (${f.reason}): ${f.why}. The mapping does not account for reserved concurrency, so it pulled more batches than the function can run. The messages stay hidden; Lambda ${next}.`,
      }
    }
    case 'sqsThrottledBatchDropped':
      return {
        type: 'visible',
        ref: DOCS.sqsErrors,
        text: `Lambda gives up on throttled ${f.batch}: its messages' visibility timeout passed, so they are back in the queue (the receive counted).`,
      }
    case 'sqsBatchEnded':
      return batchEnded(f, sc)
    case 'sqsScaled':
      return scaled(f.from, f.to, f.how)
    case 'sqsLoopStopped': {
      const where = f.toDlq
        ? "it goes to the queue's dead-letter queue"
        : 'the queue has no dead-letter queue (no redrive policy), so it is dropped'
      return {
        type: f.toDlq ? 'dlq' : 'discarded',
        ref: DOCS.recursion,
        text: `Recursive loop detected: the chain ${f.root} started has already invoked the function ${RECURSION_LIMIT} times by messages the function sent to its own queue. RecursiveLoop is Terminate (the default), so Lambda stops the next invocation: ${f.event} does not reach the handler, ${where}, and AWS notifies the account.`,
      }
    }
  }
}
