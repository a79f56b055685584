import type { StageHold, StageLane, StageNode, StageToken } from '../../engine'
import { visibleCount } from './grid'
import {
  BLOCK_W,
  CHECKPOINT_INSET,
  CHECKPOINT_W,
  LANE_NAME_CHARS,
  LANE_TEXT_PAD,
  PITCH,
  SMALL_BOLD_CHAR,
} from './metrics'
import type { HoldPlace, LaneLayout, Point, TokenLayout } from './types'

interface LanesPlaced {
  readonly tokens: TokenLayout[]
  readonly holds: HoldPlace[]
  readonly lanes: LaneLayout[]
  hidden: number
  more: Point | null
}

/** The words before a lane's cells: its name and "✓ N", as long as `room` allows, and their widths. */
interface LaneWords {
  readonly names: readonly string[]
  readonly showBehind: boolean
  readonly labelW: number
  readonly behindW: number
}

const behindOf = (l: StageLane) => (l.behind !== null ? `✓ ${l.behind}` : '')
const widthOf = (text: string) => (text ? text.length * SMALL_BOLD_CHAR + LANE_TEXT_PAD : 0)

/** Whole names and "✓ N" when they fit `room`; else short names; else no "✓ N" (its bar stays). */
function laneWords(lanes: readonly StageLane[], room: number): LaneWords {
  let names = lanes.map((l) => (l.label.length <= LANE_NAME_CHARS ? l.label : l.short))
  let showBehind = true
  const need = () =>
    Math.max(0, ...names.map(widthOf)) + (showBehind ? Math.max(0, ...lanes.map((l) => widthOf(behindOf(l)))) : 0)
  if (need() > room) names = lanes.map((l) => l.short)
  if (need() > room) showBehind = false
  const labelW = Math.max(0, ...names.map(widthOf))
  const behindW = showBehind
    ? Math.max(0, ...lanes.map((l) => widthOf(behindOf(l))))
    : lanes.some((l) => l.behind !== null)
      ? CHECKPOINT_W
      : 0
  return { names, showBehind, labelW, behindW }
}

/** What one lane row is placed with: the node's drawn tokens and holds by id, and the row's frame. */
interface LaneFrame {
  readonly node: StageNode
  readonly tok: Readonly<Record<string, StageToken>>
  readonly hol: Readonly<Record<string, StageHold>>
  readonly words: LaneWords
  readonly gx: number
  readonly rowW: number
  readonly perLane: number
}

/**
 * One lane from `y`: its tokens and holds in order, the blocked marker after its head, "+K".
 * Returns its rows' height.
 */
function placeLane(f: LaneFrame, lane: StageLane, k: number, y: number, out: LanesPlaced): number {
  const { tok, hol, gx, rowW, perLane } = f
  const items = lane.tokens.filter((id) => tok[id] !== undefined || hol[id] !== undefined)
  const start = gx + f.words.labelW + f.words.behindW
  const perRow = Math.max(1, Math.floor((gx + rowW - start - (lane.blocked ? BLOCK_W : 0)) / PITCH))
  const shown = Math.min(items.length, visibleCount(items.length + lane.rest, perRow, perLane))
  const markAt = lane.blocked ? Math.min(lane.blockedAfter, shown) : -1
  const markRow = markAt > 0 ? Math.floor((markAt - 1) / perRow) : 0
  // Cell j of the lane; cells after the blocked marker on its row move right to make room for it.
  const cell = (j: number): Point => {
    const r = Math.floor(j / perRow)
    const shift = markAt >= 0 && j >= markAt && r === markRow ? BLOCK_W : 0
    return { x: start + (j % perRow) * PITCH + PITCH / 2 + shift, y: y + r * PITCH + PITCH / 2 }
  }
  items.slice(0, shown).forEach((id, j) => {
    const p = cell(j)
    const token = tok[id]
    const hold = hol[id]
    if (token) out.tokens.push({ token, ...p })
    else if (hold) out.holds.push({ hold, ...p })
  })
  let blockedX: number | null = null
  let blockedY = y
  if (markAt >= 0) {
    // Right after the head's last cell (or at the lane's start when the head is empty).
    const last = markAt > 0 ? cell(markAt - 1) : { x: start - PITCH / 2, y: y + PITCH / 2 }
    blockedX = last.x + PITCH / 2 + BLOCK_W / 2
    blockedY = last.y - PITCH / 2
  }
  const hidden = items.length - shown + lane.rest
  const usedRows = Math.max(1, Math.min(perLane, Math.ceil((shown + (hidden > 0 ? 1 : 0)) / perRow)))
  out.lanes.push({
    lane,
    node: f.node.id,
    x: gx,
    y,
    w: rowW,
    h: usedRows * PITCH,
    labelText: f.words.names[k] ?? lane.short,
    behindText: lane.behind !== null && f.words.showBehind ? behindOf(lane) : null,
    checkpointX: lane.behind !== null ? start - CHECKPOINT_INSET : null,
    blockedX,
    blockedY,
    hidden,
    more: hidden > 0 ? cell(shown) : null,
  })
  return usedRows * PITCH
}

/**
 * A node drawn as lanes: one row per lane (name, records behind the checkpoint, the checkpoint bar,
 * the lane's tokens and holds in order with the blocked marker after its head, then "+K"). Lanes
 * beyond the rows are counted on the node's "+K" in the last row.
 */
export function placeLanes(
  node: StageNode,
  listed: readonly StageToken[],
  held: readonly StageHold[],
  gx: number,
  gy: number,
  cols: number,
  rows: number,
): LanesPlaced {
  const tok: Record<string, StageToken> = {}
  for (const t of listed) tok[t.id] = t
  const hol: Record<string, StageHold> = {}
  for (const h of held) hol[h.token] = h
  const all = node.lanes
  const shownLanes = all.length <= rows ? all : all.slice(0, Math.max(0, rows - 1))
  const rowW = cols * PITCH
  // The lane's name and its "✓ N" take what the tokens leave: at least one token cell stays free.
  const words = laneWords(shownLanes, rowW - PITCH - BLOCK_W)
  // Fewer lanes than rows: each lane wraps onto the rows it can have, so a long shard stays readable.
  const perLane = Math.max(1, Math.floor(rows / Math.max(1, shownLanes.length)))
  const frame: LaneFrame = { node, tok, hol, words, gx, rowW, perLane }
  const out: LanesPlaced = { tokens: [], holds: [], lanes: [], hidden: 0, more: null }
  let y = gy
  shownLanes.forEach((lane, k) => (y += placeLane(frame, lane, k, y, out)))
  const rest = all.slice(shownLanes.length)
  if (rest.length > 0) {
    out.hidden = rest.reduce((n, l) => n + l.tokens.filter((id) => tok[id] !== undefined).length, 0)
    out.more = out.hidden > 0 ? { x: gx + PITCH / 2, y: y + PITCH / 2 } : null
  }
  return out
}
