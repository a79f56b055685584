/** "+K" in a token-sized pill: the tokens that are there but not drawn one by one. */
export function MoreBadge({ x, y, count, what }: { x: number; y: number; count: number; what: string }) {
  const text = `+${count > 9999 ? `${Math.floor(count / 1000)}k` : count}`
  const w = Math.max(40, 12 + text.length * 10)
  return (
    <g className="lem-more" data-more={count}>
      <rect className="lem-more-box" x={x - w / 2} y={y - 15} width={w} height={30} rx={15} />
      <text className="lem-more-text" x={x} y={y + 6} textAnchor="middle">
        {text}
      </text>
      <title>{`${count} ${what}`}</title>
    </g>
  )
}
