import { sparkPath } from './sparkPath'

/** A tiny line chart (plain SVG) of one metric over virtual time. */
export function Sparkline({ points, end }: { points: readonly (readonly [number, number])[]; end: number }) {
  const { line, area } = sparkPath(points, end, 160, 40)
  return (
    <svg className="lem-spark" viewBox="0 0 160 40" preserveAspectRatio="none" aria-hidden="true">
      <path className="lem-spark-area" d={area} />
      <path className="lem-spark-line" d={line} />
    </svg>
  )
}
