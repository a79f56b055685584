import { MORE_CHAR, MORE_H, MORE_MIN_W, MORE_PAD, TEXT_BASELINE } from './layout/metrics'

/** "+K" in a token-sized pill: the tokens that are there but not drawn one by one. */
export function MoreBadge({ x, y, count, what }: { x: number; y: number; count: number; what: string }) {
  const text = `+${count > 9999 ? `${Math.floor(count / 1000)}k` : count}`
  const w = Math.max(MORE_MIN_W, MORE_PAD + text.length * MORE_CHAR)
  return (
    <g className="lem-more" data-more={count}>
      <rect className="lem-more-box" x={x - w / 2} y={y - MORE_H / 2} width={w} height={MORE_H} rx={MORE_H / 2} />
      <text className="lem-more-text" x={x} y={y + TEXT_BASELINE} textAnchor="middle">
        {text}
      </text>
      <title>{`${count} ${what}`}</title>
    </g>
  )
}
