import { memo } from 'react'
import { REPLY_LINE, REPLY_PILL_MAX_H, REPLY_RX, REPLY_TEXT_X, TEXT_BASELINE } from './layout/metrics'
import type { ReplyLayout } from './layout/types'
import { sameProps } from './sameProps'

/** The latest answer the caller / source got (200, 200 + X-Amz-Function-Error, 429 and its Reason, 504, 202). */
export const ReplyChip = memo(function ReplyChip({ reply }: { reply: ReplyLayout }) {
  const { x, y, w, h, lines } = reply
  const top = y + h / 2 - ((lines.length - 1) * REPLY_LINE) / 2 + TEXT_BASELINE
  const textX = x + REPLY_TEXT_X
  return (
    <g
      className={`lem-reply lem-reply--${reply.reply.tone}`}
      data-reply-code={reply.reply.code}
      data-reply-token={reply.reply.token}
      aria-live="off"
    >
      <rect className="lem-reply-box" x={x} y={y} width={w} height={h} rx={h > REPLY_PILL_MAX_H ? REPLY_RX : h / 2} />
      <text className="lem-reply-text" x={textX} y={top}>
        {lines.map((line, i) => (
          <tspan key={i} x={textX} dy={i === 0 ? 0 : REPLY_LINE}>
            {line}
          </tspan>
        ))}
      </text>
      <title>{`${reply.reply.token}: ${reply.reply.text}`}</title>
    </g>
  )
}, sameProps)
