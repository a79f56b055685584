/** A binary min-heap of integers in a plain array (serializable state; O(log n) push and pop). */

export function intHeapPush(heap: number[], v: number): void {
  let i = heap.length
  heap.push(v)
  while (i > 0) {
    const p = (i - 1) >> 1
    const pv = heap[p]!
    if (pv <= v) break
    heap[i] = pv
    i = p
  }
  heap[i] = v
}

export function intHeapPop(heap: number[]): number | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (top === undefined || last === undefined || heap.length === 0) return top
  const n = heap.length
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    const c = r < n && heap[r]! < heap[l]! ? r : l
    if (heap[c]! >= last) break
    heap[i] = heap[c]!
    i = c
  }
  heap[i] = last
  return top
}
