import { motion } from 'motion/react'
import { memo } from 'react'
import type { KeyboardEvent } from 'react'
import type { StageToken } from '../engine'
import { TokenShape } from './TokenShape'
import { TokenTimer } from './TokenTimer'
import { tokenName } from './tokenText'

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
  const timed = token.until !== null && (token.state === 'waiting' || token.state === 'invisible')
  return (
    <motion.g
      className={`lem-token lem-token--${token.state}${selected ? ' lem-token--selected' : ''}`}
      data-token-id={token.id}
      data-token-state={token.state}
      role="button"
      tabIndex={0}
      aria-label={tokenName(token)}
      aria-pressed={selected}
      initial={animate ? { x, y, opacity: 0, scale: 0.3 } : false}
      animate={{ x, y, opacity: 1, scale: 1 }}
      transition={animate ? { duration: 0.45, ease: 'easeInOut' } : { duration: 0 }}
      onClick={() => onOpen(token.id)}
      onKeyDown={onKeyDown}
    >
      <circle className="lem-token-focus" r={21} />
      <TokenShape shape={token.shape} />
      {timed && <TokenTimer since={token.since} until={token.until!} />}
      <text className="lem-token-label" y={token.shape === 'triangle' ? 6 : 5} textAnchor="middle">
        {token.label.length > 3 ? `${token.label.slice(0, 3)}…` : token.label}
      </text>
      <title>{tokenName(token)}</title>
    </motion.g>
  )
})
