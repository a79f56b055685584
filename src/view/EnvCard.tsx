import { memo } from 'react'
import { sameProps } from './sameProps'
import type { EnvLayout } from './layout/types'
import { EnvProgress } from './EnvProgress'
import { MoreBadge } from './MoreBadge'
import { ENV_WORDS } from './tokenText'

/** Glyph before the state words, so the state reads without colour. */
const STATE_MARK = { init: '◔', busy: '●', idle: '○', reclaimed: '×' } as const

/** Narrow cards (two side by side) say the long state in fewer words. */
const SHORT_WORDS: Partial<Record<keyof typeof STATE_MARK, string>> = { init: 'Init (cold)' }
const NARROW = 176

/** One execution environment: its id, lifecycle state (outline, glyph and words), its batch, and the invocation's progress. */
export const EnvCard = memo(function EnvCard({ layout }: { layout: EnvLayout }) {
  const { env, x, y, w, h, hidden, more, batchBox, batchLine, batchText } = layout
  const running = env.state === 'init' || env.state === 'busy'
  const size = env.tokens.length
  return (
    <g className={`lem-env lem-env--${env.state}`} data-env-id={env.id} data-env-state={env.state}>
      <rect className="lem-env-box" x={x} y={y} width={w} height={h} rx={10} />
      <text className="lem-env-id" x={x + 10} y={y + 24}>
        {env.id}
        {env.provisioned && <tspan className="lem-env-pc"> · PC</tspan>}
      </text>
      <text className="lem-env-state" x={x + 10} y={y + 47}>
        <tspan aria-hidden="true">{STATE_MARK[env.state]} </tspan>
        {(w < NARROW ? SHORT_WORDS[env.state] : undefined) ?? ENV_WORDS[env.state]}
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
          rx={12}
        />
      )}
      {running && env.busyUntil !== null && <EnvProgress x={x + 10} y={y + h - 18} w={w - 20} env={env} />}
      {!running && env.served > 0 && (
        <text className="lem-env-served" x={x + 10} y={y + h - 10}>
          served {env.served}
        </text>
      )}
      {hidden > 0 && more && <MoreBadge x={more.x} y={more.y} count={hidden} what="more events in this batch" />}
      {env.provisioned && <title>Provisioned concurrency: initialised ahead, no cold start</title>}
    </g>
  )
}, sameProps)
