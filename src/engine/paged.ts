/**
 * A model's per-event array, kept in pages of PAGE elements.
 *
 * Each engine call copies the model's state (clone.ts). V8 keeps an array of more than about
 * 16,000 elements in its large-object space, where a copy costs some 25 ns an element: at 100,000
 * events each per-event array cost 2.5 ms to copy, on every call, for every array. Pages stay in
 * the young generation, where the same copy is a memcpy: five arrays of 100,000 elements copy in
 * 0.2 ms instead of 12 (BENCHMARKS.md, "100,000 events interactive"). copyData copies a Paged as
 * any plain data (its pages are arrays of one kind), so nothing else needs to know.
 */
export interface Paged<T> {
  /** Elements set so far: indices 0 to n - 1. */
  n: number
  pages: T[][]
}

const BITS = 12
export const PAGE = 1 << BITS
const MASK = PAGE - 1

export function paged<T>(): Paged<T> {
  return { n: 0, pages: [] }
}

/** The element at `i`, undefined past the end. */
export function pget<T>(p: Paged<T>, i: number): T | undefined {
  return p.pages[i >>> BITS]?.[i & MASK]
}

/** The element at `i`, which the bookkeeping guarantees is set (as must.ts `nth`). */
export function pat<T>(p: Paged<T>, i: number): T {
  const v = p.pages[i >>> BITS]?.[i & MASK]
  if (v === undefined) throw new Error('internal: no per-event entry at this index')
  return v
}

/** Sets the element at `i`: an index already set, or the next one (`p.n`). */
export function pset<T>(p: Paged<T>, i: number, v: T): void {
  if (i > p.n || i < 0) throw new Error('internal: per-event entries are set in order')
  const k = i >>> BITS
  if (k === p.pages.length) p.pages.push([])
  const page = p.pages[k] as T[]
  page[i & MASK] = v
  if (i === p.n) p.n = i + 1
}

/** Calls `f` with every element and its index, in order (the pages' loop, without an index lookup each). */
export function peach<T>(p: Paged<T>, f: (v: T, i: number) => void): void {
  for (let k = 0; k < p.pages.length; k++) {
    const page = p.pages[k] as T[]
    const base = k << BITS
    for (let j = 0; j < page.length; j++) f(page[j] as T, base + j)
  }
}

/** The elements as one array (for tests and reports; a copy). */
export function toArray<T>(p: Paged<T>): T[] {
  return p.pages.flat()
}
