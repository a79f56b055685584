import { entry, eventAt, nth } from '../must'
import { pat, pget } from '../paged'
import { batchId, sqsBatchNo, type EventNo, type SqsBatchNo } from '../ids'
import { schedule, setStage, tell } from '../core'
import { recordThrottle, startInvocation } from '../invoke'
import type { StagePollers } from '../stageTypes'
import type { SimState, Work } from '../types'
import { groupHead, hasReadyGroup, takeReadyGroup } from './sqsFifo'
import { stopRecursion } from './sqsLoop'
import type { SqsDispatchReason } from './sqsFacts'
import { ensureTimer, popVisible, readMessage, sqsOf, visibleAgainAt } from './sqsQueue'
import { GONE, VISIBLE, type SqsBatch } from './sqsTypes'
import {
  BACKOFF_FLOOR,
  DEFAULT_MAXIMUM_POLLERS,
  DEFAULT_MINIMUM_POLLERS,
  INVOKES_PER_POLLER,
  MAX_CONCURRENCY,
  PROVISIONED_SCALE_TICK_MS,
  SCALE_PAUSE_MS,
  SCALE_TICK_MS,
  START_CONCURRENCY,
  THROTTLE_RETRY_FIRST_MS,
  THROTTLE_RETRY_MAX_MS,
} from './sqsConstants'

/**
 * The event source mapping's pollers (fact sheet §4.1, §4.2): how many batches may be in flight,
 * how a batch is formed (batch size, batching window, filter, FIFO groups), invoking it (and
 * retrying a throttled invoke), and scaling up under a backlog or backing off after failures.
 *
 * Modelling choices (the docs give rates, not mechanics):
 * - scale-up: +1 concurrent batch every 200 ms while receivable messages wait and every slot is
 *   busy (= +300 per minute), capped at min(1000, MaximumConcurrency); back to 5 once the queue
 *   is empty and nothing is in flight;
 * - backoff: −1 per failed invocation without ReportBatchItemFailures and per throttled invoke
 *   try, floor 2, and no scale-up for 10 s after the last backoff;
 * - a throttled invoke is retried after 1 s, doubling up to 300 s, while the batch's messages
 *   are still hidden; then they reappear and the batch is abandoned.
 * - provisioned mode (sqs.minimumPollers / maximumPollers): each event poller runs up to 10
 *   invocations at once (AWS), so the mapping starts at 10 × MinimumPollers concurrent batches,
 *   never backs off below that, and scales +1 every 60 ms (= +1,000 per minute, the launch post's
 *   rate) up to 10 × MaximumPollers.
 */

/** Provisioned mode's poller bounds, or null in standard mode. */
export function provisionedPollers(s: SimState): { min: number; max: number } | null {
  const { minimumPollers, maximumPollers } = s.scenario.sqs
  if (minimumPollers === null && maximumPollers === null) return null
  return { min: minimumPollers ?? DEFAULT_MINIMUM_POLLERS, max: maximumPollers ?? DEFAULT_MAXIMUM_POLLERS }
}

export function mappingCap(s: SimState): number {
  const pp = provisionedPollers(s)
  if (pp) return pp.max * INVOKES_PER_POLLER
  const max = s.scenario.sqs.maximumConcurrency
  return max === null ? MAX_CONCURRENCY : Math.min(MAX_CONCURRENCY, max)
}

export function startLimit(s: SimState): number {
  const pp = provisionedPollers(s)
  if (pp) return Math.min(pp.min * INVOKES_PER_POLLER, mappingCap(s))
  return Math.min(START_CONCURRENCY, mappingCap(s))
}

/** The lowest the mapping backs off to: 2 batches, or the minimum pollers' capacity in provisioned mode. */
function backoffFloor(s: SimState): number {
  return provisionedPollers(s) ? startLimit(s) : BACKOFF_FLOOR
}

/** Some message can be received now (standard: any visible; FIFO: a group not held). */
export function receivable(s: SimState): boolean {
  const st = sqsOf(s)
  return st.fifo ? hasReadyGroup(s) : st.visible > 0
}

function newBatch(s: SimState): SqsBatch {
  const st = sqsOf(s)
  const n = sqsBatchNo(++s.nextBatch)
  const b: SqsBatch = {
    n,
    id: batchId(`batch-${n}`),
    events: [],
    rn: [],
    live: 0,
    state: 'building',
    inv: -1,
    tries: 0,
    until: null,
  }
  st.batches[n] = b
  st.busy++
  return b
}

export function closeBatch(s: SimState, b: SqsBatch): void {
  const st = sqsOf(s)
  delete st.batches[b.n]
  st.busy--
  if (st.building === b.n) st.building = -1
}

/** Receives messages into the batch up to batchSize (FIFO: whole runs of each free group's head). */
function fill(w: Work, b: SqsBatch): void {
  const s = w.s
  const st = sqsOf(s)
  const size = s.scenario.sqs.batchSize
  const from = b.events.length
  if (st.fifo) {
    while (b.live < size) {
      const g = takeReadyGroup(s)
      if (g < 0) break
      const group = nth(st.groups, g)
      groupHead(s, g)
      for (let j = group.head; j < group.q.length && b.live < size; j++) {
        const m = nth(group.q, j)
        if (pget(st.msg, m) === GONE) continue
        if (pget(st.msg, m) !== VISIBLE) break
        readMessage(w, m, b)
      }
    }
  } else {
    while (b.live < size) {
      const n = popVisible(s)
      if (n === -1) break
      readMessage(w, n, b)
    }
  }
  // In a batching window, a message whose visibility timeout passes before the window ends comes back.
  if (b.until !== null) {
    for (let k = from; k < b.events.length; k++)
      if (visibleAgainAt(s, nth(b.events, k)) <= b.until) ensureTimer(w, nth(b.events, k))
  }
}

/** Keeps the messages the batch still holds (drops those whose visibility timeout passed). */
function compact(s: SimState, b: SqsBatch): void {
  const st = sqsOf(s)
  const events: EventNo[] = []
  const rn: number[] = []
  b.events.forEach((e, k) => {
    if (pget(st.owner, e) === b.n && pget(st.rc, e) === b.rn[k]) {
      events.push(e)
      rn.push(nth(b.rn, k))
    }
  })
  b.events = events
  b.rn = rn
  b.live = events.length
}

/** Polls while a slot is free and messages can be received; fills an open batching window. */
export function tryPoll(w: Work): void {
  pollSlots(w)
  maybeScale(w)
}

function pollSlots(w: Work): void {
  const s = w.s
  const st = sqsOf(s)
  const size = s.scenario.sqs.batchSize
  const windowMs = s.scenario.sqs.maximumBatchingWindowInSeconds * 1000
  if (st.building >= 0) {
    const b = entry(st.batches, st.building)
    fill(w, b)
    if (b.live >= size) {
      st.building = -1
      dispatch(w, b, 'sizeBeforeWindowEnd')
    }
  }
  while (st.busy < st.limit && st.building < 0 && receivable(s)) {
    const b = newBatch(s)
    if (windowMs > 0) b.until = s.now + windowMs
    fill(w, b)
    if (b.events.length === 0) {
      closeBatch(s, b)
      continue
    }
    if (windowMs === 0) {
      dispatch(w, b, 'noWindow')
    } else if (b.live >= size) {
      dispatch(w, b, 'sizeAtOnce')
    } else {
      st.building = b.n
      schedule(w, 'sqsPoll', s.now + windowMs, b.n)
      if (w.log) {
        const events = b.events.map((i) => eventAt(s, i).id)
        tell(w, { kind: 'sqsWindowOpened', batch: b.id, events }, { events, batch: b.id })
      }
    }
  }
}

/**
 * Asks the pollers to look at the queue in this millisecond, after everything already due now
 * (arrivals come first, spec "Ordering and time"), so messages of one instant share a batch.
 */
export function wake(w: Work): void {
  const st = sqsOf(w.s)
  if (st.wakePending) return
  st.wakePending = true
  schedule(w, 'sqsPoll', w.s.now, -1)
}

/** sqsPoll occurrence: a wake-up (n = -1) or the batching window of batch `n` ends. */
export function windowEnds(w: Work, n: SqsBatchNo | -1): void {
  const st = sqsOf(w.s)
  if (n < 0) {
    st.wakePending = false
    tryPoll(w)
    return
  }
  const b = st.batches[n]
  if (!b || b.state !== 'building') return
  st.building = -1
  dispatch(w, b, 'windowEnded')
  wake(w)
}

/** Invokes the function with the batch (a synchronous invoke), or handles the throttle. */
function dispatch(w: Work, b: SqsBatch, why: SqsDispatchReason): void {
  const s = w.s
  const sqs = s.scenario.sqs
  compact(s, b)
  if (!stopRecursion(w, b)) {
    closeBatch(s, b)
    return
  }
  if (w.log && b.tries === 0) {
    const st = sqsOf(s)
    const counts = b.events.map((e) => pat(st.rc, e))
    const events = b.events.map((i) => eventAt(s, i).id)
    tell(
      w,
      {
        kind: 'sqsBatchFormed',
        batch: b.id,
        events,
        groups: st.fifo ? groupsOf(s, b.events) : null,
        minReceives: Math.min(...counts),
        maxReceives: Math.max(...counts),
        why,
      },
      { events, batch: b.id },
    )
  }
  const r = startInvocation(w, b.events, {
    batch: b.id,
    ctx: { model: 'sqs', batch: b.n },
    partial: sqs.reportBatchItemFailures,
  })
  if (r.ok) {
    b.state = 'running'
    b.inv = r.inv.n
    b.until = null
    for (const e of b.events) if (visibleAgainAt(s, e) < r.inv.endAt) ensureTimer(w, e)
    return
  }
  recordThrottle(w, b.events, r.reason, b.id)
  b.tries++
  b.state = 'throttled'
  let deadline = 0
  for (const e of b.events) {
    setStage(w, e, 'waiting')
    ensureTimer(w, e)
    deadline = Math.max(deadline, visibleAgainAt(s, e))
  }
  const delay = Math.min(THROTTLE_RETRY_MAX_MS, THROTTLE_RETRY_FIRST_MS * 2 ** (b.tries - 1))
  b.until = s.now + delay < deadline ? s.now + delay : null
  if (b.until !== null) schedule(w, 'sqsRetryInvoke', b.until, b.n)
  if (w.log) {
    const events = b.events.map((i) => eventAt(s, i).id)
    tell(
      w,
      {
        kind: 'sqsBatchThrottled',
        batch: b.id,
        events,
        reason: r.reason,
        why: r.why,
        retryInMs: b.until !== null ? delay : null,
      },
      { events, batch: b.id },
    )
  }
  backoff(w, b.id, 'throttled')
}

/** sqsRetryInvoke occurrence: try the throttled batch again. */
export function retryInvoke(w: Work, n: SqsBatchNo): void {
  const b = sqsOf(w.s).batches[n]
  if (!b || b.state !== 'throttled') return
  dispatch(w, b, 'throttleBackoffPassed')
  wake(w)
}

function groupsOf(s: SimState, evs: readonly EventNo[]): string[] {
  const seen: string[] = []
  for (const e of evs) {
    const g = eventAt(s, e).groupId
    if (!seen.includes(g)) seen.push(g)
  }
  return seen
}

/** Lowers the mapping's concurrency by one (floor 2) after a failed or throttled invocation. */
export function backoff(w: Work, batch: string, cause: 'failed' | 'throttled'): void {
  const s = w.s
  const st = sqsOf(s)
  st.backoffAt = s.now
  if (st.limit <= backoffFloor(s)) return
  const old = st.limit
  st.limit--
  if (w.log) tell(w, { kind: 'sqsScaled', from: old, to: st.limit, how: { kind: 'backoff', batch, cause } })
}

/** Back to the starting concurrency once the queue is empty and nothing is in flight. */
export function maybeResetLimit(w: Work): void {
  const s = w.s
  const st = sqsOf(s)
  const start = startLimit(s)
  if (st.live > 0 || st.busy > 0 || st.limit === start) return
  const old = st.limit
  st.limit = start
  if (w.log) tell(w, { kind: 'sqsScaled', from: old, to: start, how: { kind: 'reset' } })
}

function wantsScale(s: SimState): boolean {
  const st = sqsOf(s)
  return st.busy >= st.limit && st.limit < mappingCap(s) && receivable(s)
}

function maybeScale(w: Work): void {
  const s = w.s
  const st = sqsOf(s)
  if (st.scalePending || !wantsScale(s)) return
  let at = s.now + (provisionedPollers(s) ? PROVISIONED_SCALE_TICK_MS : SCALE_TICK_MS)
  if (st.backoffAt !== null && st.backoffAt + SCALE_PAUSE_MS > at) at = st.backoffAt + SCALE_PAUSE_MS
  st.scalePending = true
  schedule(w, 'sqsScale', at)
}

/** sqsScale occurrence: one more concurrent batch while messages wait and every slot is busy. */
export function scaleTick(w: Work): void {
  const s = w.s
  const st = sqsOf(s)
  // Slots freed at this instant are refilled first: "every poller busy" is judged after that.
  pollSlots(w)
  st.scalePending = false
  const paused = st.backoffAt !== null && s.now < st.backoffAt + SCALE_PAUSE_MS
  if (!paused && wantsScale(s)) {
    st.limit++
    if (w.log) {
      const pp = provisionedPollers(s)
      const mode = pp ? 'provisioned' : s.scenario.sqs.maximumConcurrency === null ? 'default' : 'maximumConcurrency'
      tell(w, {
        kind: 'sqsScaled',
        from: st.limit - 1,
        to: st.limit,
        how: { kind: 'scaleUp', cap: mappingCap(s), mode, maxPollers: pp ? pp.max : 0 },
      })
    }
  }
  tryPoll(w)
}

/**
 * The mapping's pollers at this instant (fact sheet §4.2). Standard and FIFO queues: one poller per
 * concurrent batch, so they start at 5 and scale with the backlog to the cap ("Standard-queue
 * scaling"). Provisioned mode: each event poller runs up to 10 invocations, so
 * ⌈concurrency / 10⌉ pollers, kept within MinimumPollers and MaximumPollers ("ProvisionedPollerConfig").
 * A poller reaches into the queue when a batch of its receives messages at this very millisecond.
 */
export function sqsPollers(s: SimState): StagePollers {
  const st = sqsOf(s)
  const pp = provisionedPollers(s)
  const per = pp ? INVOKES_PER_POLLER : 1
  const count = pp ? Math.min(pp.max, Math.max(pp.min, Math.ceil(st.limit / per))) : st.limit
  const busy = Math.min(count, Math.ceil(st.busy / per))
  let polled = 0
  for (const key of Object.keys(st.batches)) {
    const b = entry(st.batches, key)
    if (b.events.some((e) => pget(st.rxAt, e) === s.now && pget(st.owner, e) === b.n)) polled++
  }
  const reach = Array.from({ length: Math.min(busy, Math.ceil(polled / per)) }, () => 'queue')
  return { count, busy, reach }
}
