import { POISON_MARK } from './layout/metrics'

/** "!" on the top left of a token or hold: the record that makes its batch fail. */
export function PoisonMark() {
  const { at, r, baseline } = POISON_MARK
  return (
    <g className="lem-token-poison" data-poison="">
      <circle cx={at} cy={at} r={r} />
      <text x={at} y={at + baseline} textAnchor="middle">
        !
      </text>
    </g>
  )
}
