/**
 * Compact differences between two scenarios, for share links: only the fields that changed, as a
 * nested JSON object (objects are compared field by field; arrays and plain values are replaced
 * whole). Normalized scenarios always have every field, so a difference never needs to remove one.
 */
export type Diff = Record<string, unknown>

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]))
  }
  return false
}

/**
 * What `target` changes in `base`; null when it cannot be said as a difference (a field of `base`
 * is missing in `target`).
 */
export function diffOf(base: unknown, target: unknown): Diff | null {
  if (!isObject(base) || !isObject(target)) return null
  const out: Diff = {}
  for (const k of Object.keys(base)) if (!(k in target) || target[k] === undefined) return null
  for (const k of Object.keys(target)) {
    const b = base[k]
    const t = target[k]
    if (t === undefined || same(b, t)) continue
    if (isObject(b) && isObject(t)) {
      const inner = diffOf(b, t)
      if (inner === null) return null
      out[k] = inner
    } else out[k] = t
  }
  return out
}

/**
 * `base` with the difference applied (a new value; neither input is changed). Anything that is not
 * an object replaces.
 */
export function applyDiff(base: unknown, diff: unknown): unknown {
  if (!isObject(base) || !isObject(diff)) return diff
  const out: Record<string, unknown> = { ...base }
  for (const k of Object.keys(diff)) {
    // A link is untrusted input: never let it write through the prototype.
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue
    out[k] = isObject(base[k]) && isObject(diff[k]) ? applyDiff(base[k], diff[k]) : diff[k]
  }
  return out
}
