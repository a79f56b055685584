import { memo } from 'react'
import type { StageHold } from '../engine'
import type { HoldLayout, Point } from './layout/types'
import { sameProps } from './sameProps'
import { TokenTimer, useCountdownText } from './TokenTimer'
import { LINE_FROM, LINE_TO, TOKEN_R as R } from './layout/metrics'
import { badgeSlots } from './layout/badges'
import { PoisonMark } from './PoisonMark'
import { shortLabel } from './tokenText'

/**
 * A connection line from a hold to its token: out of the hold's right side into the token's left,
 * or, when the token is mostly below (phones), out of its bottom into the token's top.
 */
function linePath(h: HoldLayout, t: Point): string {
  if (h.toEdge || t.y - h.y > 2 * Math.abs(t.x - h.x)) {
    const y1 = h.y + R + LINE_FROM
    const y2 = h.toEdge ? t.y : t.y - R - LINE_TO
    const my = (y1 + y2) / 2
    return `M ${h.x} ${y1} C ${h.x} ${my}, ${t.x} ${my}, ${t.x} ${y2}`
  }
  const x1 = h.x + R + LINE_FROM
  const x2 = t.x - R - LINE_TO
  const mx = (x1 + x2) / 2
  return `M ${x1} ${h.y} C ${mx} ${h.y}, ${mx} ${t.y}, ${x2} ${t.y}`
}

/** What a hold is, with the time left on its ring (the only part of the layer that follows the clock). */
function HoldTitle({ hold }: { hold: StageHold }) {
  const left = useCountdownText(hold.until)
  const when = left === null ? '' : ` (${left} left)`
  return (
    <title>
      {hold.line
        ? `${hold.token}: the caller holds the connection open and waits for the answer${when}`
        : `${hold.token}: in flight, kept hidden here until it is done or its timeout passes${when}`}
    </title>
  )
}

/** One hold, its badges in the token's slots (layout/badges.ts). */
function Hold({ h }: { h: HoldLayout }) {
  const label = shortLabel(h.hold.label)
  const timed = h.hold.until !== null
  const slots = badgeSlots({
    label,
    triangle: false,
    poison: h.hold.poison,
    receives: null,
    reply: null,
    countdown: timed ? '' : null,
    ring: timed,
  })
  return (
    <g
      className={`lem-hold${h.hold.line ? ' lem-hold--caller' : ''}`}
      data-hold={h.hold.token}
      transform={`translate(${h.x} ${h.y})`}
    >
      <circle className="lem-hold-body" r={R} />
      {h.hold.until !== null && slots.ring && (
        <TokenTimer
          since={h.hold.since}
          until={h.hold.until}
          ring={slots.ring}
          readout={slots.countdown?.baseline ?? null}
        />
      )}
      <text
        className="lem-hold-label"
        data-badge="label"
        y={slots.label.baseline}
        textAnchor="middle"
        {...(slots.label.fit !== null && { textLength: slots.label.fit, lengthAdjust: 'spacingAndGlyphs' })}
      >
        {label}
      </text>
      {h.hold.poison && <PoisonMark />}
      <HoldTitle hold={h.hold} />
    </g>
  )
}

/**
 * What nodes still hold for tokens drawn elsewhere: the caller's open connections (a line to the
 * running request and a ring that fills while it waits), messages in flight kept hidden in their
 * queue (the ring counts down to the visibility timeout), records running from a shard. Static
 * SVG apart from the rings.
 */
export const HoldLayer = memo(function HoldLayer({
  holds,
  marker = 'lem-arrow',
}: {
  holds: readonly HoldLayout[]
  marker?: string
}) {
  return (
    <g className="lem-holds">
      {holds.map((h) =>
        h.target ? (
          <path
            key={`line:${h.hold.token}`}
            className="lem-connection"
            data-connection={h.hold.token}
            d={linePath(h, h.target)}
            markerEnd={h.toEdge ? `url(#${marker})` : undefined}
          />
        ) : null,
      )}
      {holds.map((h) => (
        <Hold key={h.hold.token} h={h} />
      ))}
    </g>
  )
}, sameProps)
