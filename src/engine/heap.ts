import { nth } from './must'
import type { Occurrence } from './types'

/**
 * The engine's binary min-heaps, kept in plain arrays (serializable state; O(log n) push and pop):
 * occurrences (the run's queue) and plain integers (SQS message numbers). The two sift loops are
 * the same algorithm written out per order, not one generic loop taking a comparator: this is the
 * engine's hottest code, and a comparator shared by two orders makes every comparison an indirect,
 * polymorphic call (it looked slower in `npm run bench -- engine`, within that machine's noise).
 * These functions mutate the array; callers only use them on a state they own (see sim.ts).
 */

/**
 * Occurrence order: (at, pri, entry/index for arrivals, seq): a settle (pri -1) runs right after
 * the invocationEnd that scheduled it; arrivals (pri 0) of a millisecond come before anything else
 * of that millisecond, then first tries at arrival (pri 1), then the rest (pri 2).
 */
export function before(a: Occurrence, b: Occurrence): boolean {
  if (a.at !== b.at) return a.at < b.at
  if (a.pri !== b.pri) return a.pri < b.pri
  // Arrivals of one millisecond happen in workload order, then by index (spec: Precise rules).
  if (a.pri === 0) {
    if (a.a !== b.a) return a.a < b.a
    if (a.b !== b.b) return a.b < b.b
  }
  return a.seq < b.seq
}

export function heapPush(heap: Occurrence[], item: Occurrence): void {
  heap.push(item)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = nth(heap, parent)
    if (!before(item, p)) break
    heap[i] = p
    i = parent
  }
  heap[i] = item
}

export function heapPop(heap: Occurrence[]): Occurrence | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (top === undefined || last === undefined || heap.length === 0) return top
  let i = 0
  const n = heap.length
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    const c = r < n && before(nth(heap, r), nth(heap, l)) ? r : l
    const child = nth(heap, c)
    if (!before(child, last)) break
    heap[i] = child
    i = c
  }
  heap[i] = last
  return top
}

export function intHeapPush<T extends number>(heap: T[], v: T): void {
  heap.push(v)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = nth(heap, parent)
    if (!(v < p)) break
    heap[i] = p
    i = parent
  }
  heap[i] = v
}

export function intHeapPop<T extends number>(heap: T[]): T | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (top === undefined || last === undefined || heap.length === 0) return top
  let i = 0
  const n = heap.length
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    const c = r < n && nth(heap, r) < nth(heap, l) ? r : l
    const child = nth(heap, c)
    if (!(child < last)) break
    heap[i] = child
    i = c
  }
  heap[i] = last
  return top
}
