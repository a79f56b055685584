/**
 * Props equality for the stage's memoised parts. The stage view is recomputed from the engine at
 * every frame, so an unchanged token or card arrives as a new object with the same values;
 * comparing values (plain data, a few levels deep) lets React skip it. At 5,000 events/s this is
 * the difference between re-rendering every token each frame and only the ones that moved.
 */
export function samePlain(a: unknown, b: unknown, depth = 4): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth === 0) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], b[i], depth - 1)) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) {
    if (!samePlain((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth - 1)) return false
  }
  return true
}

/** For `memo(Component, sameProps)`: functions compare by identity, data by value. */
export function sameProps<P extends object>(a: Readonly<P>, b: Readonly<P>): boolean {
  return samePlain(a, b)
}
