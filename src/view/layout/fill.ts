import type { StageHold, StageModel, StageToken } from '../../engine'
import { isSink } from './columns'
import { gridCols, lineCells, slot } from './grid'
import { placeLanes } from './lanes'
import { stripOf } from './pollers'
import { GRID_RISE, NODE_PAD, PITCH, TIMED_PITCH } from './metrics'
import type { NodeTexts, Occupants } from './nodes'
import { headOf, textOf } from './nodes'
import type { HoldPlace, LaneLayout, NodeLayout, Placed, Point, TokenLayout } from './types'

/** A node's layout and what is drawn inside it. */
interface Filled {
  readonly layout: NodeLayout
  readonly tokens: readonly TokenLayout[]
  readonly holds: readonly HoldPlace[]
  readonly lanes: readonly LaneLayout[]
}

/** What a node is filled with: its words' heights, and what sits at each place. */
interface FillSizes {
  readonly horizontal: boolean
  readonly texts: NodeTexts
  readonly pipeHead: number
  readonly sinkHead: number
  readonly occ: Occupants
  readonly stage: StageModel
}

/** A token grid of `cols` × `rows` from (gx, gy). */
interface Grid {
  readonly gx: number
  readonly gy: number
  readonly cols: number
  readonly rows: number
  /** How far apart its rows are. */
  readonly py: number
}

/**
 * Holds first (the caller's open requests, messages in flight), then the tokens at the node, and
 * "+K" in the cell after the last drawn one.
 */
function fillGrid(
  listed: readonly StageToken[],
  held: readonly StageHold[],
  g: Grid,
  horizontal: boolean,
): { tokens: TokenLayout[]; holds: HoldPlace[]; shown: number; more: (hidden: number) => Point | null } {
  const { gx, gy, cols, rows, py } = g
  const cells = Math.max(1, cols * rows)
  const fits = held.length + listed.length <= cells
  const holdsShown = fits
    ? held.length
    : Math.min(held.length, Math.max(Math.floor((cells - 1) / 2), cells - 1 - listed.length))
  const shown = fits ? listed.length : Math.min(listed.length, cells - 1 - holdsShown)
  // Holds with a line sit where their lines leave the box (the right column, or the bottom row on
  // phones), so a line never crosses another hold of its node; the tokens fill the other cells.
  const lined = held.some((h) => h.line)
  const order = lined ? lineCells(cols, rows, horizontal) : Array.from({ length: cells }, (_, k) => k)
  const holdCells = order.slice(0, holdsShown)
  const taken = new Set(holdCells)
  const free = Array.from({ length: cells }, (_, k) => k).filter((k) => !taken.has(k))
  const holds = inCells(held.slice(0, holdsShown), holdCells).map(([hold, c]) => ({
    hold,
    ...slot(gx, gy, cols, c, py),
  }))
  const tokens = inCells(listed.slice(0, shown), free).map(([token, c]) => ({ token, ...slot(gx, gy, cols, c, py) }))
  const moreCell = free[Math.min(shown, free.length - 1)]
  const more = (hidden: number) => (hidden > 0 && moreCell !== undefined ? slot(gx, gy, cols, moreCell, py) : null)
  return { tokens, holds, shown, more }
}

/** Each item with the cell of the same index (the counts above leave a cell for every item drawn). */
function inCells<T>(items: readonly T[], cells: readonly number[]): [T, number][] {
  const out: [T, number][] = []
  items.forEach((item, k) => {
    const c = cells[k]
    if (c !== undefined) out.push([item, c])
  })
  return out
}

/** The tokens, holds and lanes inside one placed node (the environments' cards are placed apart). */
export function fillNode(p: Placed, s: FillSizes): Filled {
  const { node, box } = p
  const t = textOf(s.texts, node)
  const words = { labelLines: t.label, detailLines: t.detail }
  if (node.kind === 'environments')
    return { layout: { node, ...box, hidden: 0, more: null, ...words }, tokens: [], holds: [], lanes: [] }
  const sink = isSink(node)
  const head = sink ? s.sinkHead : s.horizontal ? s.pipeHead : headOf(t.label.length, t.detail.length)
  const listed = s.occ.tokensOf[`node:${node.id}`] ?? []
  const held = s.occ.holdsOf[node.id] ?? []
  const cols = gridCols(box.w - 2 * NODE_PAD)
  // Countdowns (a ring, its readout under the token) take taller rows: the readout clears the badges
  // below. Lanes (FIFO groups, shards) keep one row per lane.
  const py = node.lanes.length > 0 || [...held, ...listed].every((t) => t.until === null) ? PITCH : TIMED_PITCH
  // Wide: a stretched box gets the rows its height allows.
  const room = p.rows * PITCH
  const h = s.horizontal && !sink ? Math.max(room, box.h - head - NODE_PAD - stripOf(s.stage, node)) : room
  const rows = 1 + Math.floor((h - PITCH) / py)
  const gx = box.x + NODE_PAD + (box.w - 2 * NODE_PAD - cols * PITCH) / 2
  const gy = box.y + head - GRID_RISE
  if (node.lanes.length > 0) {
    const r = placeLanes(node, listed, held, gx, gy, cols, rows)
    const layout = { node, ...box, hidden: r.hidden, more: r.more, ...words }
    return { layout, tokens: r.tokens, holds: r.holds, lanes: r.lanes }
  }
  const g = fillGrid(listed, held, { gx, gy, cols, rows, py }, s.horizontal)
  const hidden = listed.length - g.shown + node.count
  const layout = { node, ...box, hidden, more: g.more(hidden), ...words }
  return { layout, tokens: g.tokens, holds: g.holds, lanes: [] }
}
