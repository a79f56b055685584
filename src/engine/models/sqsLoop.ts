import { arriveSent } from '../arrivals'
import { pat } from '../paged'
import { nth, eventAt } from '../must'
import type { EventNo } from '../ids'
import { deliver, setStage, tell } from '../core'
import { edit } from '../clone'
import type { Work } from '../types'
import { enqueue, remove, sqsOf } from './sqsQueue'
import type { SqsBatch } from './sqsTypes'
import { RECURSION_LIMIT } from './sqsConstants'

/**
 * Recursive loop detection (docs/MODELLING.md, "Recursive loops"): with
 * `sqs.functionSendsToSameQueue` the handler sends every message it processes back to the queue
 * that invokes it. Lambda counts the invocations a chain of such messages causes; with the
 * function's RecursiveLoop set to Terminate (the default) it stops the next invocation once a chain
 * has invoked the function 16 times, and the message goes to the queue's dead-letter queue when
 * one is configured (a redrive policy), else it is dropped. With Allow the loop goes on.
 */

/** The handler processed message `n`: it sends the same body to the queue again. */
export function resend(w: Work, n: EventNo): void {
  const s = w.s
  if (!s.scenario.sqs.functionSendsToSameQueue) return
  const st = sqsOf(s)
  const root = pat(st.root, n)
  // At least once: a message processed twice (its visibility timeout passed mid-run) is sent twice.
  const base = `${eventAt(s, root).id}-hop${pat(st.hop, n) + 1}`
  const times = (st.sentIds[base] ?? 0) + 1
  st.sentIds[base] = times
  const m = arriveSent(w, n, times === 1 ? base : `${base}-dup${times}`)
  enqueue(w, m, n)
}

/**
 * Before a batch is invoked: with Terminate, the messages whose invocation would be the 17th of
 * their chain are taken out of it and stopped. Returns whether any message is left to invoke.
 */
export function stopRecursion(w: Work, b: SqsBatch): boolean {
  const s = w.s
  if (!s.scenario.sqs.functionSendsToSameQueue || s.scenario.function.recursiveLoop !== 'Terminate')
    return b.events.length > 0
  const st = sqsOf(s)
  const keep: EventNo[] = []
  const rn: number[] = []
  b.events.forEach((e, k) => {
    if (pat(st.hop, e) <= RECURSION_LIMIT) {
      keep.push(e)
      rn.push(nth(b.rn, k))
      return
    }
    stop(w, e)
  })
  b.events = keep
  b.rn = rn
  b.live = keep.length
  return keep.length > 0
}

function stop(w: Work, n: EventNo): void {
  const s = w.s
  const st = sqsOf(s)
  const ev = edit(w, n)
  const dlq = s.scenario.sqs.maxReceiveCount !== null
  remove(w, n)
  if (dlq) {
    st.redriven++
    deliver(w, n, { to: 'dlq', reason: 'RecursiveInvocation', target: 'sqs' })
  } else deliver(w, n, { to: 'discarded', reason: 'RecursiveInvocation' })
  ev.outcome = 'failed'
  setStage(w, n, 'failed')
  if (w.log)
    tell(
      w,
      { kind: 'sqsLoopStopped', event: ev.id, root: eventAt(s, pat(st.root, n)).id, toDlq: dlq },
      { events: [ev.id] },
    )
}
