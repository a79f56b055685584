/** How captions say a duration: ms under a second, then s, min and h. */
export function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const s = ms / 1000
  if (s < 120) return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
  const m = s / 60
  if (m < 120) return `${Number.isInteger(m) ? m : m.toFixed(1)} min`
  return `${(m / 60).toFixed(1)} h`
}
