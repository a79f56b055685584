import { memo } from 'react'
import { sameProps } from './sameProps'
import {
  BATCH_BOX_RX,
  CARD_ID_Y,
  CARD_NARROW,
  CARD_PROGRESS_BOTTOM,
  CARD_RX,
  CARD_SERVED_BOTTOM,
  CARD_STATE_Y,
  CARD_TEXT_X,
} from './layout/metrics'
import type { EnvLayout } from './layout/types'
import { EnvProgress } from './EnvProgress'
import { MoreBadge } from './MoreBadge'
import { ENV_WORDS } from './tokenText'

/** Glyph before the state words, so the state reads without colour. */
const STATE_MARK = { init: '◔', busy: '●', idle: '○', reclaimed: '×' } as const

/** Narrow cards (two side by side) say the long state in fewer words. */
const SHORT_WORDS: Partial<Record<keyof typeof STATE_MARK, string>> = { init: 'Init (cold)' }

/**
 * One execution environment: its id, lifecycle state (outline, glyph and words), its batch, and the
 * invocation's progress.
 */
export const EnvCard = memo(function EnvCard({ layout }: { layout: EnvLayout }) {
  const { env, x, y, w, h, hidden, more, batchBox, batchLine, batchText } = layout
  const running = env.state === 'init' || env.state === 'busy'
  const size = env.tokens.length
  const textX = x + CARD_TEXT_X
  return (
    <g className={`lem-env lem-env--${env.state}`} data-env-id={env.id} data-env-state={env.state}>
      <rect className="lem-env-box" x={x} y={y} width={w} height={h} rx={CARD_RX} />
      <text className="lem-env-id" x={textX} y={y + CARD_ID_Y}>
        {env.id}
        {env.provisioned && <tspan className="lem-env-pc"> · PC</tspan>}
      </text>
      <text className="lem-env-state" x={textX} y={y + CARD_STATE_Y}>
        <tspan aria-hidden="true">{STATE_MARK[env.state]} </tspan>
        {(w < CARD_NARROW ? SHORT_WORDS[env.state] : undefined) ?? ENV_WORDS[env.state]}
      </text>
      {batchLine && batchText !== null && (
        <text className="lem-env-batch" x={batchLine.x} y={batchLine.y}>
          {batchText}
          <title>{`${env.batch} · ${size} ${size === 1 ? 'record' : 'records'}`}</title>
        </text>
      )}
      {batchBox && (
        <rect
          className="lem-env-batchbox"
          x={batchBox.x}
          y={batchBox.y}
          width={batchBox.w}
          height={batchBox.h}
          rx={BATCH_BOX_RX}
        />
      )}
      {running && env.busyUntil !== null && (
        <EnvProgress x={textX} y={y + h - CARD_PROGRESS_BOTTOM} w={w - 2 * CARD_TEXT_X} env={env} />
      )}
      {!running && env.served > 0 && (
        <text className="lem-env-served" x={textX} y={y + h - CARD_SERVED_BOTTOM}>
          served {env.served}
        </text>
      )}
      {hidden > 0 && more && <MoreBadge x={more.x} y={more.y} count={hidden} what="more events in this batch" />}
      {env.provisioned && <title>Provisioned concurrency: initialised ahead, no cold start</title>}
    </g>
  )
}, sameProps)
