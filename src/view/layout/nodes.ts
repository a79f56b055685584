import type { StageHold, StageModel, StageNode, StageToken } from '../../engine'
import type { Frame } from './columns'
import { isSink } from './columns'
import { gridCols } from './grid'
import {
  DETAIL_CHAR,
  DETAIL_LINE,
  DETAIL_LINES,
  LABEL_CHAR,
  LABEL_LINE,
  LABEL_LINES,
  MAX_LANE_ROWS,
  MAX_ROWS_V,
  NODE_PAD,
  NODE_TEXT_BOTTOM,
  NODE_TEXT_TOP,
  PIPE_ROWS,
  PITCH,
  STAGE_PAD,
} from './metrics'
import { stripOf } from './pollers'
import { wrapText } from './text'
import type { Placed } from './types'

/** A node's label and detail, wrapped to its box. */
interface NodeText {
  readonly label: string[]
  readonly detail: string[]
}
export type NodeTexts = Readonly<Record<string, NodeText>>

/** A node's words, which nodeTexts wraps for every node of the stage. */
export function textOf(texts: NodeTexts, node: StageNode): NodeText {
  const t = texts[node.id]
  if (!t) throw new Error(`Stage layout: no words wrapped for node ${node.id}`)
  return t
}

/** What sits at each place: tokens by environment id or `node:<id>`, holds by node id. */
export interface Occupants {
  readonly tokensOf: Readonly<Record<string, StageToken[]>>
  readonly holdsOf: Readonly<Record<string, StageHold[]>>
}

export function occupantsOf(stage: StageModel): Occupants {
  const tokensOf: Record<string, StageToken[]> = {}
  for (const t of stage.tokens) (tokensOf[t.env ?? `node:${t.node}`] ??= []).push(t)
  // A card draws its tokens in the order the engine lists them (a failed batch's failed items first).
  for (const e of stage.envs) {
    const inside = tokensOf[e.id]
    if (inside && inside.length > 1) inside.sort((a, b) => e.tokens.indexOf(a.id) - e.tokens.indexOf(b.id))
  }
  const holdsOf: Record<string, StageHold[]> = {}
  for (const h of stage.holds) (holdsOf[h.node] ??= []).push(h)
  return { tokensOf, holdsOf }
}

/** Height of a node's words: the space above them, its label and detail lines, the space under them. */
export function headOf(labelLines: number, detailLines: number): number {
  return NODE_TEXT_TOP + labelLines * LABEL_LINE + detailLines * DETAIL_LINE + NODE_TEXT_BOTTOM
}

/** The tallest head among `nodes` (at least one label and one detail line). */
export function headFor(texts: NodeTexts, nodes: readonly StageNode[]): number {
  return Math.max(
    headOf(1, 1),
    ...nodes.map((n) => {
      const t = textOf(texts, n)
      return headOf(t.label.length, t.detail.length)
    }),
  )
}

/** Every node's words, wrapped to the width of its column (or of a sink). */
export function nodeTexts(stage: StageModel, f: Frame): NodeTexts {
  const texts: Record<string, NodeText> = {}
  for (const n of stage.nodes) {
    const w = (isSink(n) ? f.sinkW : (f.colW[f.columns.indexOf(n.column)] ?? f.inner)) - 2 * NODE_PAD
    texts[n.id] = {
      label: wrapText(n.label, Math.floor(w / LABEL_CHAR), LABEL_LINES),
      detail: wrapText(n.detail, Math.floor(w / DETAIL_CHAR), DETAIL_LINES),
    }
  }
  return texts
}

/** Token rows of a pipeline node: by how many share its column (wide), by what it holds (phones). */
function rowsFor(n: StageNode, stacked: number, cols: number, horizontal: boolean, occ: Occupants): number {
  const listed = (occ.tokensOf[`node:${n.id}`]?.length ?? 0) + (occ.holdsOf[n.id]?.length ?? 0)
  const lanes = Math.min(MAX_LANE_ROWS, n.lanes.length)
  if (horizontal) return Math.max(lanes, PIPE_ROWS[Math.min(stacked, PIPE_ROWS.length) - 1] ?? 1)
  // Phones size a node to what it holds: an empty source is just its words.
  const held = listed + (n.count > 0 ? 1 : 0)
  return Math.max(lanes, Math.min(MAX_ROWS_V, Math.ceil(held / cols)))
}

/** What the pipeline's boxes are sized with. */
interface PipeSizes {
  readonly texts: NodeTexts
  /** One head height across the pipeline on wide screens, so token rows line up. */
  readonly pipeHead: number
  readonly envBoxH: number
  /** Where the columns beside the gauge start, and whether an answer band sits over them. */
  readonly top: number
  readonly band: boolean
}

/**
 * The pipeline's boxes, column by column (wide) or one under the other (phones), and the bottom of
 * the lowest. Wide: a column with one box stretches to the row's height, so the row reads as one band.
 */
export function placePipeline(
  stage: StageModel,
  f: Frame,
  s: PipeSizes,
  occ: Occupants,
): { placed: Placed[]; mainBottom: number } {
  const { horizontal, rowGap } = f
  const pipeNodes = stage.nodes.filter((n) => !isSink(n))
  const placed: Placed[] = []
  let mainBottom = s.top
  let vy = s.top
  f.columns.forEach((c, i) => {
    const colNodes = pipeNodes.filter((n) => n.column === c).sort((a, b) => a.row - b.row)
    const x = f.colX[i] ?? f.left
    const w = f.colW[i] ?? f.inner
    // Poll-based (no answer band): the gauge sits over the environments only, so the columns left
    // of them start at the top and the stage is a gauge's height shorter.
    let y = horizontal ? (c === f.envNode?.column || s.band ? s.top : STAGE_PAD) : vy
    for (const n of colNodes) {
      if (n.kind === 'environments') {
        placed.push({ node: n, box: { x, y, w, h: s.envBoxH }, rows: 0 })
        y += s.envBoxH + rowGap
        continue
      }
      // The mapping's pollers strip takes a token row (wide: one of its rows; phones: one more).
      const strip = stripOf(stage, n)
      const fit = rowsFor(n, colNodes.length, gridCols(w - 2 * NODE_PAD), horizontal, occ)
      const rows = horizontal && strip > 0 ? Math.max(1, fit - 1) : fit
      const t = textOf(s.texts, n)
      const head = horizontal ? s.pipeHead : headOf(t.label.length, t.detail.length)
      const h = head + rows * PITCH + NODE_PAD + strip
      placed.push({ node: n, box: { x, y, w, h }, rows })
      y += h + rowGap
    }
    if (horizontal) mainBottom = Math.max(mainBottom, y - rowGap)
    else vy = y
  })
  if (!horizontal) return { placed, mainBottom: vy - rowGap }
  const stretched = placed.map((p) => {
    const alone = placed.filter((q) => q.node.column === p.node.column).length === 1
    return alone ? { ...p, box: { ...p.box, h: mainBottom - p.box.y } } : p
  })
  return { placed: stretched, mainBottom }
}
