import { memo } from 'react'
import type { ReplyLayout } from './layout/types'
import { sameProps } from './sameProps'

/** The latest answer the caller / source got (200, 200 + X-Amz-Function-Error, 429 and its Reason, 504, 202). */
export const ReplyChip = memo(function ReplyChip({ reply }: { reply: ReplyLayout }) {
  const { x, y, w, h, lines } = reply
  const lineH = 20
  const top = y + h / 2 - ((lines.length - 1) * lineH) / 2 + 6
  return (
    <g
      className={`lem-reply lem-reply--${reply.reply.tone}`}
      data-reply-code={reply.reply.code}
      data-reply-token={reply.reply.token}
      aria-live="off"
    >
      <rect className="lem-reply-box" x={x} y={y} width={w} height={h} rx={h / 2 > 18 ? 14 : h / 2} />
      <text className="lem-reply-text" x={x + 12} y={top}>
        {lines.map((line, i) => (
          <tspan key={i} x={x + 12} dy={i === 0 ? 0 : lineH}>
            {line}
          </tspan>
        ))}
      </text>
      <title>{`${reply.reply.token}: ${reply.reply.text}`}</title>
    </g>
  )
}, sameProps)
