import { edit } from '../clone'
import { emit, seconds, setStage } from '../core'
import { DOCS } from '../docs'
import type { Invocation, SimState, Work } from '../types'
import type { ModelRules } from './rules'
import { backoff, closeBatch, maybeResetLimit, retryInvoke, scaleTick, startLimit, wake, windowEnds } from './sqsPoller'
import { deleteMessage, enqueue, ensureTimer, idList, newSqsState, retentionCheck, sqsOf, visibilityMs, visibilityPassed } from './sqsQueue'
import { resend } from './sqsLoop'
import { sqsStage } from './sqsStage'

/**
 * SQS event source mapping, standard (`sqs`) and FIFO (`sqs-fifo`) queues (fact sheet §4.1, §4.2,
 * §4.5; §6 scenarios 8, 9, 10). The producer sends messages to the queue; the mapping's pollers
 * receive batches and invoke the function synchronously; a processed batch is deleted, a failed
 * one (or the items listed in batchItemFailures) reappears after the visibility timeout, and the
 * queue's redrive policy moves a message to its DLQ once its receive count reaches maxReceiveCount.
 * The queue lives in sqsQueue.ts, the pollers in sqsPoller.ts, FIFO groups in sqsFifo.ts.
 * The 6 MB batch payload cap is not modelled: the scenario format has no payload sizes.
 */

/** The end of a batch invocation: delete what was processed, keep the rest hidden. */
function invocationEnded(w: Work, inv: Invocation): void {
  const s = w.s
  const st = sqsOf(s)
  const b = st.batches[inv.ctx]
  if (!b) return
  const rbif = s.scenario.sqs.reportBatchItemFailures
  const failedAll = inv.end !== 'success'
  const deleted: number[] = []
  const stay: number[] = []
  const lost: number[] = []
  const stayGroups: Record<string, true> = {}
  const sent: number[] = []
  inv.events.forEach((e, k) => {
    const ev = edit(w, e)
    let stays = failedAll || inv.failing[k] === true
    if (st.fifo && !failedAll) {
      // FIFO partial response: the failed message and every later one of its group in the batch.
      if (stays) stayGroups[ev.groupId] = true
      else if (stayGroups[ev.groupId]) {
        stays = true
        for (let j = ev.attempts.length - 1; j >= 0; j--) {
          const a = ev.attempts[j]!
          if (a.inv === inv.n) {
            a.result = 'error'
            break
          }
        }
      }
    }
    // The handler processed it: with a recursive loop it sends it to the queue again.
    if (!stays) sent.push(e)
    if (st.owner[e] !== b.n || st.rc[e] !== b.rn[k]) {
      lost.push(e)
      return
    }
    if (stays) {
      st.owner[e] = -1
      ensureTimer(w, e)
      setStage(w, ev.n, 'invisible')
      stay.push(e)
    } else {
      deleteMessage(w, e)
      deleted.push(e)
    }
  })
  closeBatch(s, b)
  if (w.log) logEnd(w, inv, b.id, deleted, stay, lost)
  for (const e of sent) resend(w, e)
  if (failedAll && !rbif) backoff(w, `${b.id} failed`)
  maybeResetLimit(w)
  wake(w)
}

function logEnd(w: Work, inv: Invocation, batch: string, deleted: number[], stay: number[], lost: number[]): void {
  const s = w.s
  const st = sqsOf(s)
  const sqs = s.scenario.sqs
  const extra = { events: inv.events.map((i) => s.events[i]!.id), batch, env: s.envs[inv.env]!.id }
  const vt = seconds(visibilityMs(s))
  const counts = stay.map((e) => st.rc[e]!)
  const rc = stay.length === 0 ? '' : sqs.maxReceiveCount === null
    ? ` Receive count ${Math.max(...counts)}; no redrive policy (maxReceiveCount), so they come back until they succeed or retention expires.`
    : ` Receive count ${Math.max(...counts)} of maxReceiveCount ${sqs.maxReceiveCount}${Math.max(...counts) >= sqs.maxReceiveCount ? ': when the timeout passes, SQS moves them to the DLQ' : ''}.`
  const gone = lost.length === 0 ? '' : ` ${idList(s, lost)}: the visibility timeout already passed during this invocation, so this result no longer deletes ${lost.length === 1 ? 'it' : 'them'} (${lost.length === 1 ? 'it was' : 'they were'} visible again and may be received twice).`
  if (inv.end === 'success' && stay.length === 0) {
    const del = deleted.length === 0 ? 'nothing is left for Lambda to delete.' : `Lambda deletes ${deleted.length === inv.events.length ? 'its' : ''} ${deleted.length} message${deleted.length === 1 ? '' : 's'} from the queue.`
    emit(w, 'deleted', DOCS.sqs, `${batch} succeeded: ${del.replace('  ', ' ')}${gone}`, extra)
  } else if (inv.end === 'success') {
    const fifo = st.fifo ? ' (for a FIFO queue also every later message of the same group, to keep the order)' : ''
    emit(w, 'deleted', DOCS.sqsErrors, `${batch} returns batchItemFailures (ReportBatchItemFailures): ${deleted.length === 0 ? 'nothing to delete' : `Lambda deletes ${deleted.length} message${deleted.length === 1 ? '' : 's'}`}; ${stay.length} reported${fifo} (${idList(s, stay)}) stay hidden until their visibility timeout (${vt} after the receive) passes, then reappear. A partial batch response is not an error.${rc}${gone}`, extra)
  } else {
    const how = inv.end === 'timeout' ? `timed out after ${s.scenario.function.timeout} s` : 'threw an error'
    const why = sqs.reportBatchItemFailures ? ' An uncaught error fails the whole batch even with ReportBatchItemFailures.' : ''
    emit(w, inv.end === 'timeout' ? 'timedOut' : 'functionError', DOCS.sqsErrors, `${batch} failed (the handler ${how}): all ${stay.length} messages stay hidden until the visibility timeout (${vt}) passes, then reappear, including any the handler had already processed.${why}${rc}${gone}`, extra)
  }
}

/** sqsVisible occurrence: receive `rn` of message `n` is no longer hidden. */
function visibleAgain(w: Work, n: number, rn: number): void {
  const s = w.s
  const st = sqsOf(s)
  const owner = st.owner[n]!
  const result = visibilityPassed(w, n, rn)
  if (result === 'stale') return
  const b = owner >= 0 ? st.batches[owner] : undefined
  if (b && b.state !== 'running') {
    b.live--
    if (b.live === 0 && b.state === 'throttled') {
      closeBatch(s, b)
      if (w.log) emit(w, 'visible', DOCS.sqsErrors, `Lambda gives up on throttled ${b.id}: its messages' visibility timeout passed, so they are back in the queue (the receive counted).`, { batch: b.id })
    }
  }
  maybeResetLimit(w)
  wake(w)
}

function init(fifo: boolean) {
  return (w: Work): void => {
    w.s.sqs = newSqsState(fifo, startLimit(w.s))
  }
}

function arrived(w: Work, n: number): void {
  enqueue(w, n)
  wake(w)
}

function rules(fifo: boolean): ModelRules {
  return {
    init: init(fifo),
    arrived,
    invocationEnded,
    occur: {
      sqsPoll: (w, n) => windowEnds(w, n),
      sqsVisible: visibleAgain,
      sqsRetention: (w, _n, gen) => {
        retentionCheck(w, gen)
        maybeResetLimit(w)
      },
      sqsRetryInvoke: (w, n) => retryInvoke(w, n),
      sqsScale: (w) => scaleTick(w),
    },
    stage: (s: SimState) => sqsStage(s),
  }
}

export const sqsRules: ModelRules = rules(false)
export const sqsFifoRules: ModelRules = rules(true)
