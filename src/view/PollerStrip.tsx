import { memo } from 'react'
import { POLLER } from './layout/metrics'
import type { PollersLayout } from './layout/types'

const G = POLLER.glyph

/**
 * The event source mapping's pollers (engine: `stage.pollers`): the count, one glyph per poller
 * (filled: holding a batch; accented: polling now) and an arm into the node each poll reaches into.
 */
export const PollerStrip = memo(function PollerStrip({ layout }: { layout: PollersLayout | null }) {
  if (!layout) return null
  const { pollers, text, glyphs, arms } = layout
  return (
    <g className="lem-pollers" data-pollers={pollers.count} data-polling={pollers.reach.length}>
      {arms.map((a, k) => (
        <g key={k} className="lem-poller-arm">
          <path d={a.d} />
          <circle cx={a.x} cy={a.y} r={POLLER.hand} />
        </g>
      ))}
      <text className="lem-pollers-count" x={text.x} y={text.y}>
        {pollers.text}
      </text>
      {glyphs.map((g, k) => (
        <rect
          key={k}
          className={`lem-poller lem-poller--${g.state}`}
          x={g.x - G / 2}
          y={g.y - G / 2}
          width={G}
          height={G}
          rx={3}
        />
      ))}
    </g>
  )
})
