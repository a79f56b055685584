import { edit } from '../clone'
import { pat, pget, pset } from '../paged'
import type { EventNo } from '../ids'
import { nth, eventAt, envAt, ctxOf } from '../must'
import { setStage, tell } from '../core'
import type { Invocation, SimState, Work } from '../types'
import type { ModelRules } from './rules'
import { backoff, closeBatch, maybeResetLimit, retryInvoke, scaleTick, startLimit, wake, windowEnds } from './sqsPoller'
import { deleteMessage, enqueue, ensureTimer, newSqsState, retentionCheck, sqsOf, visibilityPassed } from './sqsQueue'
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
  const b = st.batches[ctxOf(inv, 'sqs').batch]
  if (!b) return
  const rbif = s.scenario.sqs.reportBatchItemFailures
  const failedAll = inv.end !== 'success'
  const deleted: EventNo[] = []
  const stay: EventNo[] = []
  const lost: EventNo[] = []
  const stayGroups: Record<string, true> = {}
  const sent: EventNo[] = []
  inv.events.forEach((e, k) => {
    const ev = edit(w, e)
    let stays = failedAll || inv.failing[k] === true
    if (st.fifo && !failedAll) {
      // FIFO partial response: the failed message and every later one of its group in the batch.
      if (stays) stayGroups[ev.groupId] = true
      else if (stayGroups[ev.groupId]) {
        stays = true
        for (let j = ev.attempts.length - 1; j >= 0; j--) {
          const a = nth(ev.attempts, j)
          if (a.inv === inv.n) {
            a.result = 'error'
            break
          }
        }
      }
    }
    // The handler processed it: with a recursive loop it sends it to the queue again.
    if (!stays) sent.push(e)
    if (pget(st.owner, e) !== b.n || pget(st.rc, e) !== b.rn[k]) {
      lost.push(e)
      return
    }
    if (stays) {
      pset(st.owner, e, -1)
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
  if (failedAll && !rbif) backoff(w, b.id, 'failed')
  maybeResetLimit(w)
  wake(w)
}

function logEnd(w: Work, inv: Invocation, batch: string, deleted: EventNo[], stay: EventNo[], lost: EventNo[]): void {
  const s = w.s
  const st = sqsOf(s)
  const events = inv.events.map((i) => eventAt(s, i).id)
  const env = envAt(s, inv.env).id
  const id = (e: EventNo): string => eventAt(s, e).id
  tell(
    w,
    {
      kind: 'sqsBatchEnded',
      batch,
      env,
      end: inv.end,
      events,
      deleted: deleted.length,
      stay: stay.map(id),
      maxReceives: Math.max(...stay.map((e) => pat(st.rc, e))),
      lost: lost.map(id),
    },
    { events, batch, env },
  )
}

/** sqsVisible occurrence: receive `rn` of message `n` is no longer hidden. */
function visibleAgain(w: Work, n: EventNo, rn: number): void {
  const s = w.s
  const st = sqsOf(s)
  const owner = pat(st.owner, n)
  const result = visibilityPassed(w, n, rn)
  if (result === 'stale') return
  const b = owner >= 0 ? st.batches[owner] : undefined
  if (b && b.state !== 'running') {
    b.live--
    if (b.live === 0 && b.state === 'throttled') {
      closeBatch(s, b)
      if (w.log) tell(w, { kind: 'sqsThrottledBatchDropped', batch: b.id }, { batch: b.id })
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

function arrived(w: Work, n: EventNo): void {
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
