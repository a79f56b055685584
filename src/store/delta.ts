/**
 * States as differences from the state before them (history.ts, "fine checkpoints"). A state of a
 * 100,000-event run holds arrays with one slot per event (the events and each model's per-event
 * numbers): a few megabytes, nearly all equal to the previous checkpoint's. Stored whole, a 16 MB
 * budget keeps four of them, so a step back replays thousands of steps. Stored as what changed
 * since the previous fine checkpoint, a checkpoint costs about what its steps touched, so one every
 * few hundred steps fits, and any step is a short replay away.
 *
 * The encoding is generic over plain data (SimState is JSON-like): long arrays keep the slots
 * that differ (by identity, or for small records by equal fields), objects keep the keys that
 * differ, everything else is shared by reference. States are immutable, so sharing is safe; the
 * decoder builds new containers and never writes to a stored one.
 */

/** Arrays shorter than this are kept whole (by reference). */
const MIN_ARRAY = 32

interface ArrayDelta {
  readonly t: 'A'
  readonly len: number
  readonly idx: Int32Array
  readonly val: readonly unknown[]
}

interface ObjectDelta {
  readonly t: 'O'
  /** Changed or added keys. */
  readonly set: Readonly<Record<string, Encoded>>
  readonly del: readonly string[]
}

/** A value whose container is a class instance, so the decoder can tell a delta from data. */
class Delta {
  constructor(readonly d: ArrayDelta | ObjectDelta) {}
}

type Encoded = Delta | unknown

function isPlain(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false
  const proto: unknown = Object.getPrototypeOf(x)
  return proto === Object.prototype || proto === null
}

/** The same data for a slot: the same object, or a small record with the same fields (copied environments). */
function sameSlot(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!isPlain(a) || !isPlain(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length || ka.length > 16) return false
  for (const k of ka) if (a[k] !== b[k] || !(k in b)) return false
  return true
}

/** `cur` as a difference from `prev` (shares everything unchanged). */
export function encode(cur: unknown, prev: unknown): Encoded {
  if (Array.isArray(cur)) {
    if (!Array.isArray(prev) || cur.length < MIN_ARRAY) return cur
    const idx: number[] = []
    const val: unknown[] = []
    for (let i = 0; i < cur.length; i++) {
      const x: unknown = cur[i]
      if (i < prev.length && sameSlot(x, prev[i])) continue
      idx.push(i)
      val.push(x)
    }
    // Mostly new: the whole array is cheaper to keep than its difference.
    if (idx.length * 2 > cur.length) return cur
    return new Delta({ t: 'A', len: cur.length, idx: Int32Array.from(idx), val })
  }
  if (isPlain(cur) && isPlain(prev)) {
    const set: Record<string, Encoded> = {}
    const del: string[] = []
    for (const k of Object.keys(cur)) {
      const v = cur[k]
      if (k in prev && v === prev[k]) continue
      set[k] = k in prev ? encode(v, prev[k]) : v
    }
    for (const k of Object.keys(prev)) if (!(k in cur)) del.push(k)
    return new Delta({ t: 'O', set, del })
  }
  return cur
}

/**
 * Applies `enc` to `prev`. Containers listed in `owned` were made by this decoding and may be
 * written again (a chain of deltas patches one copy); anything else is copied before a write.
 */
export function decode(enc: Encoded, prev: unknown, owned: WeakSet<object> = new WeakSet()): unknown {
  if (!(enc instanceof Delta)) return enc
  const d = enc.d
  if (d.t === 'A') {
    const base = Array.isArray(prev) ? (prev as unknown[]) : []
    const out = owned.has(base) ? base : base.slice(0, d.len)
    owned.add(out)
    out.length = d.len
    for (let k = 0; k < d.idx.length; k++) out[d.idx[k] ?? 0] = d.val[k]
    return out
  }
  const base = isPlain(prev) ? prev : {}
  const out = owned.has(base) ? base : { ...base }
  owned.add(out)
  for (const k of d.del) delete out[k]
  for (const k of Object.keys(d.set)) out[k] = decode(d.set[k], base[k], owned)
  return out
}

/** Rough bytes a delta keeps beyond what it shares (for the memory figures). */
export function deltaBytes(enc: Encoded): number {
  if (!(enc instanceof Delta)) return Array.isArray(enc) ? 16 + enc.length * 8 : 16
  const d = enc.d
  if (d.t === 'A') return 32 + d.idx.length * 12
  let n = 32 + d.del.length * 8
  for (const k of Object.keys(d.set)) n += 16 + deltaBytes(d.set[k])
  return n
}
