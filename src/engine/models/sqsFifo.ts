import type { SimState } from '../types'
import { pat, pget } from '../paged'
import { internalError, must, nth } from '../must'
import type { EventNo } from '../ids'
import { intHeapPop, intHeapPush } from '../heap'
import { GONE, type SqsModelState } from './sqsTypes'

/**
 * FIFO message groups (fact sheet §4.2 "FIFO queues", spec "sqs-fifo"): a group is held while any
 * of its messages is invisible, so later messages of the group wait; groups that can be read are
 * kept in a heap by their oldest message, so a batch takes groups in age order.
 */

function q(s: SimState): SqsModelState {
  return s.sqs ?? internalError('no SQS model state')
}

/** The group number of a MessageGroupId, creating the group on first use. */
export function groupNumber(s: SimState, id: string): number {
  const st = q(s)
  const g = st.groupIndex[id]
  if (g !== undefined) return g
  const n = st.groups.length
  st.groupIndex[id] = n
  st.groups.push({ id, q: [], head: 0, held: 0 })
  return n
}

/** The group's oldest message still in the queue, or -1 (skips gone ones lazily). */
export function groupHead(s: SimState, g: number): EventNo | -1 {
  const group = nth(q(s).groups, g)
  const msg = q(s).msg
  while (group.head < group.q.length && pget(msg, nth(group.q, group.head)) === GONE) group.head++
  return group.head < group.q.length ? nth(group.q, group.head) : -1
}

/** Offers the group to the pollers when it is not held and has a message (its head is the key). */
export function offerGroup(s: SimState, g: number): void {
  if (nth(q(s).groups, g).held > 0) return
  const head = groupHead(s, g)
  if (head >= 0) intHeapPush(q(s).readyHeap, head)
}

/** Drops stale entries; true when some group can be read now. */
export function hasReadyGroup(s: SimState): boolean {
  const st = q(s)
  const heap = st.readyHeap
  while (heap.length > 0) {
    const e = nth(heap, 0)
    const g = pat(st.groupOf, e)
    if (nth(st.groups, g).held === 0 && groupHead(s, g) === e) return true
    intHeapPop(heap)
  }
  return false
}

/** Takes the readable group with the oldest visible message, or -1. */
export function takeReadyGroup(s: SimState): number {
  if (!hasReadyGroup(s)) return -1
  const e = must(intHeapPop(q(s).readyHeap), 'a ready FIFO group to take')
  return pat(q(s).groupOf, e)
}

/** Groups held right now (for the stage), at most `max` names, plus how many there are. */
export function heldGroups(s: SimState, max: number): { names: string[]; count: number } {
  const names: string[] = []
  let count = 0
  for (const g of q(s).groups) {
    if (g.held === 0) continue
    count++
    if (names.length < max) names.push(g.id)
  }
  return { names, count }
}
