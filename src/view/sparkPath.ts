/**
 * Paths for a step-shaped sparkline: values hold until the next sample (metrics change only at
 * occurrences). x is time over [0, end]; y is scaled to the largest value (at least 1).
 */
export function sparkPath(
  points: readonly (readonly [number, number])[],
  end: number,
  w: number,
  h: number,
): { line: string; area: string } {
  const first = points[0]
  if (first === undefined) return { line: '', area: '' }
  const max = Math.max(1, ...points.map((p) => p[1]))
  const span = Math.max(1, end)
  const X = (t: number) => Math.round((Math.min(t, span) / span) * w * 10) / 10
  const Y = (v: number) => Math.round((h - 2 - (v / max) * (h - 4)) * 10) / 10
  let line = `M ${X(first[0])} ${Y(first[1])}`
  for (const [t, v] of points.slice(1)) line += ` H ${X(t)} V ${Y(v)}`
  line += ` H ${X(span)}`
  const area = `${line} V ${h} H ${X(first[0])} Z`
  return { line, area }
}
