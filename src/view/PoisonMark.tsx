import { POISON_MARK } from './layout/metrics'

/** "!" in the top-left slot of a token or hold (layout/badges.ts): the record that makes its batch fail. */
export function PoisonMark() {
  const { x, y, r, baseline } = POISON_MARK
  return (
    <g className="lem-token-poison" data-poison="" data-badge="poison">
      <circle cx={x} cy={y} r={r} />
      <text x={x} y={y + baseline} textAnchor="middle">
        !
      </text>
    </g>
  )
}
