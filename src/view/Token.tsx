import { m } from 'motion/react'
import { memo } from 'react'
import { sameProps } from './sameProps'
import type { KeyboardEvent } from 'react'
import type { StageToken } from '../engine'
import { R, TokenShape } from './TokenShape'
import { TOKEN_STYLE } from './tokenStyle'
import { TIMED_LABEL_LIFT, TokenTimer, useCountdownText } from './TokenTimer'
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
  const badge = token.reply !== null && token.reply.tone !== 'accepted'
  const receives = token.receives !== null && (token.receives > 1 || token.state === 'invisible')
  const timed = token.until !== null && (token.state === 'waiting' || token.state === 'invisible')
  const left = useCountdownText(timed ? token.until : null)
  const name = tokenName(token, left)
  return (
    <m.g
      className={`lem-token lem-token--${token.state}${selected ? ' lem-token--selected' : ''}`}
      data-token-id={token.id}
      data-token-state={token.state}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      initial={animate ? { x, y, opacity: 0, scale: 0.3 } : false}
      animate={{ x, y, opacity: 1, scale: 1 }}
      transition={animate ? { duration: MOVE_MS / 1000, ease: 'easeInOut' } : { duration: 0 }}
      onClick={() => onOpen(token.id)}
      onKeyDown={onKeyDown}
    >
      <circle className="lem-token-focus" r={24} />
      <TokenShape shape={shape} />
      {timed && <TokenTimer since={token.since} until={token.until!} />}
      <text
        className={`lem-token-label${label.length > 3 ? ' lem-token-label--long' : ''}`}
        y={(shape === 'triangle' ? 8 : 6) - (timed ? TIMED_LABEL_LIFT : 0)}
        textAnchor="middle"
      >
        {label}
      </text>
      {token.poison && (
        <g className="lem-token-poison" data-poison="">
          <circle cx={-R + 2} cy={-R + 2} r={9} />
          <text x={-R + 2} y={-R + 7} textAnchor="middle">
            !
          </text>
        </g>
      )}
      {badge && (
        <g className={`lem-token-reply lem-reply--${token.reply!.tone}`} data-token-reply={token.reply!.code}>
          <rect x={-15} y={R - 9} width={30} height={17} rx={8.5} />
          <text x={0} y={R + 4} textAnchor="middle">
            {token.reply!.code}
          </text>
        </g>
      )}
      {receives && (
        <g className="lem-token-receives" data-receives={token.receives}>
          <circle cx={R - 1} cy={-R + 1} r={10} />
          <text x={R - 1} y={-R + 6} textAnchor="middle">{`×${token.receives}`}</text>
        </g>
      )}
      <title>{name}</title>
    </m.g>
  )
}, sameProps)
