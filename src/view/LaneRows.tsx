import { memo } from 'react'
import {
  CHECKPOINT_TEXT_GAP,
  LANE_BAND_IN,
  LANE_BAND_OUT,
  LANE_BAR_INSET,
  LANE_RX,
  LANE_TEXT_X,
  PITCH,
  TEXT_BASELINE,
} from './layout/metrics'
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
          <rect
            className="lem-lane-band"
            x={l.x - LANE_BAND_OUT}
            y={l.y + LANE_BAND_IN}
            width={l.w + 2 * LANE_BAND_OUT}
            height={l.h - 2 * LANE_BAND_IN}
            rx={LANE_RX}
          />
          {l.labelText && (
            <text className="lem-lane-label" x={l.x + LANE_TEXT_X} y={l.y + PITCH / 2 + TEXT_BASELINE}>
              {l.labelText}
              <title>{l.lane.label}</title>
            </text>
          )}
          {l.checkpointX !== null && (
            <g className="lem-checkpoint" data-behind={l.lane.behind}>
              {l.behindText !== null && (
                <text
                  className="lem-lane-behind"
                  x={l.checkpointX - CHECKPOINT_TEXT_GAP}
                  y={l.y + PITCH / 2 + TEXT_BASELINE}
                  textAnchor="end"
                >
                  {l.behindText}
                </text>
              )}
              <line
                className="lem-checkpoint-bar"
                x1={l.checkpointX}
                y1={l.y + LANE_BAR_INSET}
                x2={l.checkpointX}
                y2={l.y + l.h - LANE_BAR_INSET}
              />
              <title>{`Checkpoint: ${l.lane.behind} record${l.lane.behind === 1 ? '' : 's'} behind it are done`}</title>
            </g>
          )}
          {l.blockedX !== null && (
            <g className="lem-blocked" data-blocked-marker="">
              <line
                className="lem-blocked-bar"
                x1={l.blockedX}
                y1={l.blockedY + LANE_BAR_INSET}
                x2={l.blockedX}
                y2={l.blockedY + PITCH - LANE_BAR_INSET}
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
