import { POLLER } from './layout/metrics'
import type { PollersLayout } from './layout/types'

const G = POLLER.glyph

/**
 * The event source mapping's pollers (engine: `stage.pollers`): the count, one glyph per poller
 * (filled: holding a batch; accented: polling now) and an arm into the node each poll reaches into.
 */
export function PollerStrip({ layout, marker }: { layout: PollersLayout | null; marker: string }) {
  if (!layout) return null
  const { pollers, text, glyphs, arms } = layout
  return (
    <g className="lem-pollers" data-pollers={pollers.count}>
      {arms.map((d) => (
        <path key={d} className="lem-poller-arm" d={d} markerEnd={`url(#${marker})`} />
      ))}
      <text className="lem-pollers-count" x={text.x} y={text.y}>
        {`${pollers.count} poller${pollers.count === 1 ? '' : 's'}`}
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
}
