import { memo, useState } from 'react'
import { sameProps } from './sameProps'
import type { KeyboardEvent } from 'react'
import type { StageToken } from '../engine'
import { badgeSlots } from './layout/badges'
import { FOCUS_R } from './layout/metrics'
import { PoisonMark } from './PoisonMark'
import { TokenShape } from './TokenShape'
import { TOKEN_STYLE } from './tokenStyle'
import { TokenTimer, useCountdownText } from './TokenTimer'
import { shortLabel, tokenName } from './tokenText'

/** How long a glide from one place to the next takes (ms). */
export const MOVE_MS = 450

/** A glide: framer-motion's easeInOut is CSS's ease-in-out (cubic-bezier(0.42, 0, 0.58, 1)). */
const GLIDE = `translate ${MOVE_MS}ms ease-in-out`

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

/**
 * One event on the stage. It glides when the engine moves it to another node or environment: a CSS
 * transition of `translate` from where it was drawn to where the engine now puts it, so nothing but
 * the browser works between two drawn states (framer-motion did this in JS per token per frame: at
 * 5,000 events a second about a fifth of the frame rate, BENCHMARKS.md). A token that arrives
 * gliding fades and grows in place (`lem-token--enter`, played once when the element is made).
 */
export const Token = memo(function Token({ token, x, y, animate, selected, onOpen }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      e.stopPropagation()
      onOpen(token.id)
    }
  }
  // Whether it entered gliding is fixed when the element is made: the entrance plays once.
  const [enter] = useState(animate)
  const label = shortLabel(token.label)
  const shape = TOKEN_STYLE[token.state].shape
  // 202 goes to every async event: the answer band says it; a chip on each token would only repeat it.
  const badge = token.reply !== null && token.reply.tone !== 'accepted' ? token.reply : null
  const receives = token.receives !== null && (token.receives > 1 || token.state === 'invisible')
  const until = token.state === 'waiting' || token.state === 'invisible' ? token.until : null
  const timed = until !== null
  const left = useCountdownText(until)
  const name = tokenName(token, left)
  const slots = badgeSlots({
    label,
    triangle: shape === 'triangle',
    poison: token.poison,
    receives: receives ? `×${token.receives}` : null,
    reply: badge?.code ?? null,
    countdown: left,
    ring: timed,
  })
  return (
    <g
      className={`lem-token lem-token--${token.state}${selected ? ' lem-token--selected' : ''}${enter ? ' lem-token--enter' : ''}`}
      data-token-id={token.id}
      data-token-state={token.state}
      role="button"
      ref={focusable}
      aria-label={name}
      aria-pressed={selected}
      style={{ translate: `${x}px ${y}px`, transition: animate ? GLIDE : 'none' }}
      onClick={() => onOpen(token.id)}
      onKeyDown={onKeyDown}
    >
      <circle className="lem-token-focus" r={FOCUS_R} />
      <TokenShape shape={shape} />
      {/* Each badge has its own slot (layout/badges.ts): none covers another or the label. */}
      {timed && slots.ring && (
        <TokenTimer since={token.since} until={until} ring={slots.ring} readout={slots.countdown?.baseline ?? null} />
      )}
      <text
        className="lem-token-label"
        data-badge="label"
        y={slots.label.baseline}
        textAnchor="middle"
        {...(slots.label.fit !== null && { textLength: slots.label.fit, lengthAdjust: 'spacingAndGlyphs' })}
      >
        {label}
      </text>
      {token.poison && <PoisonMark />}
      {badge && slots.reply && (
        <g className={`lem-token-reply lem-reply--${badge.tone}`} data-token-reply={badge.code} data-badge="reply">
          <rect
            x={slots.reply.x}
            y={slots.reply.y}
            width={slots.reply.w}
            height={slots.reply.h}
            rx={slots.reply.h / 2}
          />
          <text x={0} y={slots.reply.baseline} textAnchor="middle">
            {badge.code}
          </text>
        </g>
      )}
      {slots.receives && (
        <g className="lem-token-receives" data-receives={token.receives} data-badge="receives">
          <rect
            x={slots.receives.x}
            y={slots.receives.y}
            width={slots.receives.w}
            height={slots.receives.h}
            rx={slots.receives.h / 2}
          />
          <text x={slots.receives.textX} y={slots.receives.baseline}>
            {`×${token.receives}`}
          </text>
        </g>
      )}
      <title>{name}</title>
    </g>
  )
}, sameProps)
