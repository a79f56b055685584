import { m } from 'motion/react'
import { memo } from 'react'
import { sameProps } from './sameProps'
import type { KeyboardEvent } from 'react'
import type { StageToken } from '../engine'
import {
  FOCUS_R,
  RECEIVES_MARK,
  REPLY_BADGE,
  TEXT_BASELINE,
  TIMED_LABEL_LIFT,
  TRIANGLE_BASELINE,
} from './layout/metrics'
import { PoisonMark } from './PoisonMark'
import { TokenShape } from './TokenShape'
import { TOKEN_STYLE } from './tokenStyle'
import { TokenTimer, useCountdownText } from './TokenTimer'
import { shortLabel, tokenName } from './tokenText'

/** How long a glide from one place to the next takes (ms). */
export const MOVE_MS = 450

interface Props {
  readonly token: StageToken
  readonly x: number
  readonly y: number
  readonly animate: boolean
  readonly selected: boolean
  readonly onOpen: (id: string) => void
}

/**
 * Makes a token reachable by Tab. Set as an attribute: an SVG element's `tabindex` is case-sensitive,
 * and Preact (the app's and the element's renderer) writes a `tabIndex` prop on SVG as given.
 */
function focusable(el: SVGGElement | null): void {
  if (el && el.getAttribute('tabindex') !== '0') el.setAttribute('tabindex', '0')
}

/** One event on the stage. It glides when the engine moves it to another node or environment. */
export const Token = memo(function Token({ token, x, y, animate, selected, onOpen }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      e.stopPropagation()
      onOpen(token.id)
    }
  }
  const label = shortLabel(token.label)
  const shape = TOKEN_STYLE[token.state].shape
  // 202 goes to every async event: the answer band says it; a chip on each token would only repeat it.
  const badge = token.reply !== null && token.reply.tone !== 'accepted' ? token.reply : null
  const receives = token.receives !== null && (token.receives > 1 || token.state === 'invisible')
  const until = token.state === 'waiting' || token.state === 'invisible' ? token.until : null
  const timed = until !== null
  const left = useCountdownText(until)
  const name = tokenName(token, left)
  return (
    <m.g
      className={`lem-token lem-token--${token.state}${selected ? ' lem-token--selected' : ''}`}
      data-token-id={token.id}
      data-token-state={token.state}
      role="button"
      ref={focusable}
      aria-label={name}
      aria-pressed={selected}
      initial={animate ? { x, y, opacity: 0, scale: 0.3 } : false}
      animate={{ x, y, opacity: 1, scale: 1 }}
      transition={animate ? { duration: MOVE_MS / 1000, ease: 'easeInOut' } : { duration: 0 }}
      onClick={() => onOpen(token.id)}
      onKeyDown={onKeyDown}
    >
      <circle className="lem-token-focus" r={FOCUS_R} />
      <TokenShape shape={shape} />
      {/* With the answer chip on its lower edge there is no room for the time left as text: the
          ring shows it, and the token's name says it. */}
      {timed && <TokenTimer since={token.since} until={until} readout={!badge} />}
      <text
        className={`lem-token-label${label.length > 3 ? ' lem-token-label--long' : ''}`}
        y={(shape === 'triangle' ? TRIANGLE_BASELINE : TEXT_BASELINE) - (timed && !badge ? TIMED_LABEL_LIFT : 0)}
        textAnchor="middle"
      >
        {label}
      </text>
      {token.poison && <PoisonMark />}
      {badge && (
        <g className={`lem-token-reply lem-reply--${badge.tone}`} data-token-reply={badge.code}>
          <rect
            x={-REPLY_BADGE.w / 2}
            y={REPLY_BADGE.y}
            width={REPLY_BADGE.w}
            height={REPLY_BADGE.h}
            rx={REPLY_BADGE.h / 2}
          />
          <text x={0} y={REPLY_BADGE.baseline} textAnchor="middle">
            {badge.code}
          </text>
        </g>
      )}
      {receives && (
        <g className="lem-token-receives" data-receives={token.receives}>
          <circle cx={RECEIVES_MARK.x} cy={RECEIVES_MARK.y} r={RECEIVES_MARK.r} />
          <text x={RECEIVES_MARK.x} y={RECEIVES_MARK.y + RECEIVES_MARK.baseline} textAnchor="middle">
            {`×${token.receives}`}
          </text>
        </g>
      )}
      <title>{name}</title>
    </m.g>
  )
}, sameProps)
