import type { Transition } from '../engine'

/**
 * Fact fields that name a thing (an event, a batch, an environment, a group) rather than say what
 * happened to it: two beats that differ only in these (or in numbers: retry counts, sizes, times)
 * repeat the same thing.
 */
const ID_FIELDS = new Set(['event', 'events', 'batch', 'env', 'inv', 'root', 'from', 'stay', 'lost', 'partitionKey'])

function shape(v: unknown, id: boolean): string {
  if (v === null || v === undefined) return '-'
  if (typeof v === 'number') return '#'
  if (typeof v === 'boolean') return v ? 'T' : 'F'
  if (typeof v === 'string') return id ? '$' : JSON.stringify(v)
  // An empty list (no messages stay, none lost) is a different story from a non-empty one.
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${shape(v[0], id)}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${k}:${shape(o[k], id || ID_FIELDS.has(k))}`)
    .join(',')}}`
}

/** What one transition did, without the ids and numbers that change from one repetition to the next. */
export function transitionShape(t: Transition): string {
  return `${t.type}>${t.to ?? ''}${shape(t.fact, false)}`
}

/**
 * What a beat did, as a key: the set of its transitions' shapes. A set, not a list, so "5 batches
 * end" and "2 batches end" at one millisecond are the same thing.
 */
export function beatKey(ts: readonly Transition[]): string {
  return Array.from(new Set(ts.map(transitionShape)))
    .sort()
    .join(';')
}
