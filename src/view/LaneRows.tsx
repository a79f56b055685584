import { memo } from 'react'
import { PITCH } from './layout/metrics'
import type { LaneLayout } from './layout/types'
import { MoreBadge } from './MoreBadge'
import { sameProps } from './sameProps'

/**
 * The lanes of a node (FIFO message groups, a shard's lanes): a band per lane with its name, the
 * records behind the checkpoint and the checkpoint bar, and a blocked marker after the lane's
 * head when a failing batch (or a held group) stops it. Tokens and holds are drawn on top.
 */
export const LaneRows = memo(function LaneRows({ lanes }: { lanes: readonly LaneLayout[] }) {
  return (
    <g className="lem-lanes">
      {lanes.map((l) => (
        <g
          key={`${l.node}:${l.lane.id}`}
          className={`lem-lane${l.lane.blocked ? ' lem-lane--blocked' : ''}`}
          data-lane={l.lane.id}
          data-lane-node={l.node}
          data-blocked={l.lane.blocked}
        >
          <rect className="lem-lane-band" x={l.x - 4} y={l.y + 2} width={l.w + 8} height={l.h - 4} rx={10} />
          {l.labelText && (
            <text className="lem-lane-label" x={l.x + 4} y={l.y + PITCH / 2 + 6}>
              {l.labelText}
              <title>{l.lane.label}</title>
            </text>
          )}
          {l.checkpointX !== null && (
            <g className="lem-checkpoint" data-behind={l.lane.behind}>
              {l.behindText !== null && (
                <text className="lem-lane-behind" x={l.checkpointX - 6} y={l.y + PITCH / 2 + 6} textAnchor="end">
                  {l.behindText}
                </text>
              )}
              <line
                className="lem-checkpoint-bar"
                x1={l.checkpointX}
                y1={l.y + 6}
                x2={l.checkpointX}
                y2={l.y + l.h - 6}
              />
              <title>{`Checkpoint: ${l.lane.behind} record${l.lane.behind === 1 ? '' : 's'} behind it are done`}</title>
            </g>
          )}
          {l.blockedX !== null && (
            <g className="lem-blocked" data-blocked-marker="">
              <line
                className="lem-blocked-bar"
                x1={l.blockedX}
                y1={l.blockedY + 6}
                x2={l.blockedX}
                y2={l.blockedY + PITCH - 6}
              />
              <title>
                Blocked: nothing behind this point is processed until the head succeeds, expires or is given up
              </title>
            </g>
          )}
          {l.more && <MoreBadge x={l.more.x} y={l.more.y} count={l.hidden} what="more in this lane" />}
        </g>
      ))}
    </g>
  )
}, sameProps)
