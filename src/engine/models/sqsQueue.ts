import { edit } from '../clone'
import { paged, pat, pget, pset } from '../paged'
import { eventAt, internalError, nth } from '../must'
import type { EventNo } from '../ids'
import { deliver, schedule, setStage, tell, touch } from '../core'
import type { SimState, Work } from '../types'
import { groupNumber, offerGroup } from './sqsFifo'
import { intHeapPop, intHeapPush } from '../heap'
import { GONE, INVISIBLE, VISIBLE, type SqsBatch, type SqsModelState } from './sqsTypes'

/**
 * The SQS queue itself (fact sheet §4.2, spec "Pollers, shards, queues"): messages are visible
 * until a poller receives them, then invisible for the visibility timeout; each receive counts;
 * a message whose visibility timeout passes comes back, or moves to the queue's DLQ once its
 * receive count reached maxReceiveCount; a visible message older than the retention period expires.
 */

export function sqsOf(s: SimState): SqsModelState {
  return s.sqs ?? internalError('no SQS model state')
}

export function newSqsState(fifo: boolean, limit: number): SqsModelState {
  return {
    fifo,
    msg: paged(),
    hop: paged(),
    root: paged(),
    sentIds: {},
    rc: paged(),
    rxAt: paged(),
    owner: paged(),
    timer: paged(),
    visibleHeap: [],
    visible: 0,
    invisible: 0,
    live: 0,
    batches: {},
    building: -1,
    busy: 0,
    limit,
    scalePending: false,
    wakePending: false,
    backoffAt: null,
    retentionAt: -1,
    retentionGen: 0,
    groupIndex: {},
    groups: [],
    groupOf: paged(),
    readyHeap: [],
    deleted: 0,
    filtered: 0,
    redriven: 0,
    expired: 0,
  }
}

export function visibilityMs(s: SimState): number {
  return s.scenario.sqs.visibilityTimeout * 1000
}

/** When the message's current receive stops hiding it. */
export function visibleAgainAt(s: SimState, n: EventNo): number {
  return pat(sqsOf(s).rxAt, n) + visibilityMs(s)
}

function retentionDue(s: SimState, n: EventNo): number {
  return eventAt(s, n).arrivedAt + s.scenario.sqs.messageRetentionPeriod * 1000
}

/** One pending retention check, for the oldest visible message (housekeeping: never keeps a run going). */
function watchRetention(w: Work, n: EventNo): void {
  const st = sqsOf(w.s)
  const due = retentionDue(w.s, n)
  if (st.retentionAt >= 0 && st.retentionAt <= due) return
  st.retentionAt = due
  schedule(w, 'sqsRetention', due, n, ++st.retentionGen)
}

/** The message is (again) visible in the queue: pollers may receive it. */
function makeVisible(w: Work, n: EventNo): void {
  const s = w.s
  const st = sqsOf(s)
  pset(st.msg, n, VISIBLE)
  pset(st.owner, n, -1)
  st.visible++
  intHeapPush(st.visibleHeap, n)
  watchRetention(w, n)
  setStage(w, n, 'queued')
}

/** A producer sends a message (an arrival); `from`: the message whose handler sent it, or -1. */
export function enqueue(w: Work, n: EventNo, from: EventNo | -1 = -1): void {
  const s = w.s
  const st = sqsOf(s)
  pset(st.hop, n, from === -1 ? 1 : pat(st.hop, from) + 1)
  pset(st.root, n, from === -1 ? n : pat(st.root, from))
  pset(st.rc, n, 0)
  pset(st.rxAt, n, -1)
  pset(st.timer, n, 0)
  st.live++
  if (st.fifo) {
    const g = groupNumber(s, eventAt(s, n).groupId)
    pset(st.groupOf, n, g)
    nth(st.groups, g).q.push(n)
  }
  makeVisible(w, n)
  if (st.fifo) offerGroup(s, pat(st.groupOf, n))
  if (w.log) {
    const ev = edit(w, n)
    tell(
      w,
      {
        kind: 'sqsQueued',
        event: ev.id,
        group: st.fifo ? ev.groupId : null,
        from: from === -1 ? null : eventAt(s, from).id,
        hop: pat(st.hop, n),
        root: eventAt(s, pat(st.root, n)).id,
      },
      { events: [ev.id] },
    )
  }
}

/** Leaves the queue for good: counts and, for FIFO, frees the group's hold. */
export function remove(w: Work, n: EventNo): void {
  const st = sqsOf(w.s)
  if (pget(st.msg, n) === VISIBLE) st.visible--
  else if (pget(st.msg, n) === INVISIBLE) {
    st.invisible--
    if (st.fifo) {
      const g = pat(st.groupOf, n)
      nth(st.groups, g).held--
    }
  }
  pset(st.msg, n, GONE)
  pset(st.owner, n, -1)
  st.live--
  if (st.fifo) offerGroup(w.s, pat(st.groupOf, n))
  touch(w)
}

/**
 * A poller reads a visible message for batch `b`. A message the filter does not match is deleted
 * (§4.5) and takes no place in the batch; otherwise it is received: invisible, receive count + 1.
 * Returns whether it joined the batch.
 */
export function readMessage(w: Work, n: EventNo, b: SqsBatch): boolean {
  const s = w.s
  const st = sqsOf(s)
  const ev = edit(w, n)
  if (!ev.matchesFilter) {
    remove(w, n)
    st.filtered++
    ev.outcome = 'filtered'
    setStage(w, ev.n, 'filtered')
    if (w.log) tell(w, { kind: 'sqsFiltered', event: ev.id }, { events: [ev.id] })
    return false
  }
  pset(st.msg, n, INVISIBLE)
  st.visible--
  st.invisible++
  pset(st.rc, n, pat(st.rc, n) + 1)
  pset(st.rxAt, n, s.now)
  pset(st.owner, n, b.n)
  if (st.fifo) nth(st.groups, pat(st.groupOf, n)).held++
  b.events.push(n)
  b.rn.push(pat(st.rc, n))
  b.live++
  setStage(w, ev.n, 'batching')
  return true
}

/** Schedules the visibility-timeout occurrence of the message's current receive, once. */
export function ensureTimer(w: Work, n: EventNo): void {
  const st = sqsOf(w.s)
  const rn = pat(st.rc, n)
  if (pget(st.timer, n) === rn) return
  pset(st.timer, n, rn)
  schedule(w, 'sqsVisible', visibleAgainAt(w.s, n), n, rn)
}

/** The batch processed the message: Lambda deletes it from the queue. */
export function deleteMessage(w: Work, n: EventNo): void {
  const st = sqsOf(w.s)
  const ev = edit(w, n)
  remove(w, n)
  st.deleted++
  ev.outcome = 'succeeded'
  setStage(w, ev.n, 'succeeded')
}

function expire(w: Work, n: EventNo, inFlight: boolean): void {
  const s = w.s
  const ev = edit(w, n)
  remove(w, n)
  sqsOf(s).expired++
  deliver(w, ev.n, { to: 'discarded', condition: 'RetentionExpired' })
  ev.outcome = 'failed'
  setStage(w, ev.n, 'failed')
  if (w.log) tell(w, { kind: 'sqsExpired', event: ev.id, ageMs: s.now - ev.arrivedAt, inFlight }, { events: [ev.id] })
}

export type VisibilityResult = 'stale' | 'visible' | 'dlq' | 'expired'

/**
 * The visibility timeout of receive `rn` passes: the message expires if it is past retention,
 * moves to the DLQ if its receive count reached maxReceiveCount, else becomes visible again.
 * The caller detaches it from its batch (whose result no longer counts for it).
 */
export function visibilityPassed(w: Work, n: EventNo, rn: number): VisibilityResult {
  const s = w.s
  const st = sqsOf(s)
  if (pget(st.msg, n) !== INVISIBLE || pget(st.rc, n) !== rn) return 'stale'
  const ev = edit(w, n)
  const sqs = s.scenario.sqs
  if (s.now >= retentionDue(s, n)) {
    expire(w, n, true)
    return 'expired'
  }
  if (sqs.maxReceiveCount !== null && pat(st.rc, n) >= sqs.maxReceiveCount) {
    remove(w, n)
    st.redriven++
    deliver(w, ev.n, { to: 'dlq', reason: 'maxReceiveCount', target: 'sqs' })
    ev.outcome = 'failed'
    setStage(w, ev.n, 'failed')
    if (w.log) tell(w, { kind: 'sqsRedriven', event: ev.id, receives: pat(st.rc, n) }, { events: [ev.id] })
    return 'dlq'
  }
  st.invisible--
  if (st.fifo) nth(st.groups, pat(st.groupOf, n)).held--
  makeVisible(w, n)
  if (st.fifo) offerGroup(s, pat(st.groupOf, n))
  touch(w)
  if (w.log) tell(w, { kind: 'sqsVisible', event: ev.id, receives: pat(st.rc, n) }, { events: [ev.id] })
  return 'visible'
}

/** sqsRetention occurrence: visible messages whose age reached messageRetentionPeriod expire now. */
export function retentionCheck(w: Work, gen: number): void {
  const s = w.s
  const st = sqsOf(s)
  if (gen !== st.retentionGen) return
  st.retentionAt = -1
  const heap = st.visibleHeap
  while (heap.length > 0) {
    const n = nth(heap, 0)
    if (pget(st.msg, n) !== VISIBLE) {
      intHeapPop(heap)
      continue
    }
    if (retentionDue(s, n) > s.now) {
      watchRetention(w, n)
      return
    }
    intHeapPop(heap)
    expire(w, n, false)
  }
}

/** Standard queue: the oldest visible message, taken off the visible heap (or -1). */
export function popVisible(s: SimState): EventNo | -1 {
  const st = sqsOf(s)
  for (;;) {
    const n = intHeapPop(st.visibleHeap)
    if (n === undefined) return -1
    if (pget(st.msg, n) === VISIBLE) return n
  }
}
