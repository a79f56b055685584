import type { StageEnv, StageModel, StageNode, StageToken } from '../engine'

/**
 * Pure layout of a StageModel in SVG user units: where each node, environment card and token goes.
 * Nothing here decides what happens; it only places what the engine describes. Horizontal for wide
 * screens (columns left to right), vertical for phones (columns top to bottom).
 */
export type Orientation = 'horizontal' | 'vertical'

export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface NodeLayout extends Box {
  readonly node: StageNode
  readonly labelLines: readonly string[]
  readonly detailLines: readonly string[]
  /** Tokens listed on the node but not drawn (the "+K" counter), plus the node's own count. */
  readonly hidden: number
}

export interface EnvLayout extends Box {
  readonly env: StageEnv
  readonly hidden: number
}

export interface TokenLayout {
  readonly token: StageToken
  readonly x: number
  readonly y: number
}

export interface StageLayout {
  readonly width: number
  readonly height: number
  readonly nodes: readonly NodeLayout[]
  readonly envs: readonly EnvLayout[]
  /** Environments not drawn because there are too many. */
  readonly envsHidden: number
  readonly tokens: readonly TokenLayout[]
  readonly edges: readonly { readonly from: string; readonly to: string; readonly d: string }[]
  readonly gauge: Box
}

export const TOKEN_SIZE = 30
const GAP = 8
const PITCH = TOKEN_SIZE + GAP
const TOKEN_ROWS = 3
const ENV_CARD = { w: 124, h: 112 }
const ENV_TOKENS = 3
export const MAX_ENVS = 24
const PAD = 16
const COL_GAP = 40
const LABEL_LINE = 24
const DETAIL_LINE = 20
/** Average glyph widths (SVG user units) of the label (19px bold) and detail (15px) fonts, for wrapping. */
const LABEL_CHAR = 11.4
const DETAIL_CHAR = 8.4
const ROW_GAP = 24
const GAUGE_H = 52

/** How many tokens fit in a grid of `cols` × `rows`, keeping one cell for "+K" when they do not all fit. */
export function visibleCount(total: number, cols: number, rows: number): number {
  const cells = Math.max(1, cols * rows)
  return total <= cells ? total : cells - 1
}

/** Slot centre i of a grid starting at (x, y). */
export function slot(x: number, y: number, cols: number, i: number): { x: number; y: number } {
  const c = i % cols
  const r = Math.floor(i / cols)
  return { x: x + c * PITCH + TOKEN_SIZE / 2, y: y + r * PITCH + TOKEN_SIZE / 2 }
}

export function gridCols(width: number): number {
  return Math.max(1, Math.floor((width - 2 * PAD + GAP) / PITCH))
}

/** Envs shown: every live one first in engine order, then the most recently reclaimed, up to MAX_ENVS. */
export function visibleEnvs(envs: readonly StageEnv[], max = MAX_ENVS): StageEnv[] {
  const live = envs.filter((e) => e.state !== 'reclaimed')
  const gone = envs.filter((e) => e.state === 'reclaimed')
  const keep = new Set([...live.slice(0, max), ...gone.slice(Math.max(0, gone.length - Math.max(0, max - live.length)))])
  return envs.filter((e) => keep.has(e))
}

/** The stage's width in user units: wider for models with more columns, so nodes keep readable labels. */
export function stageWidth(columns: number): number {
  return columns <= 3 ? 900 : 900 + (columns - 3) * 110
}

function headOf(labelLines: number, detailLines: number): number {
  return 14 + labelLines * LABEL_LINE + detailLines * DETAIL_LINE + 12
}

/** Arrow path between two boxes: side to side when apart, top to bottom when stacked. */
export function edgePath(a: Box, b: Box, orientation: Orientation): string {
  const acx = a.x + a.w / 2
  const bcx = b.x + b.w / 2
  if (orientation === 'vertical' || Math.abs(acx - bcx) < 1) {
    const down = b.y > a.y
    const y1 = down ? a.y + a.h : a.y
    const y2 = down ? b.y - 6 : b.y + b.h + 6
    return `M ${acx} ${y1} L ${acx} ${y2}`
  }
  const right = bcx > acx
  const ay = a.y + Math.min(a.h, 150) / 2
  const by = b.y + Math.min(b.h, 150) / 2
  const x1 = right ? a.x + a.w : a.x
  const x2 = right ? b.x - 6 : b.x + b.w + 6
  const mx = (x1 + x2) / 2
  return `M ${x1} ${ay} C ${mx} ${ay}, ${mx} ${by}, ${x2} ${by}`
}

export function layoutStage(stage: StageModel, orientation: Orientation = 'horizontal', fixedWidth?: number): StageLayout {
  const columns = [...new Set(stage.nodes.map((n) => n.column))].sort((a, b) => a - b)
  const width = fixedWidth ?? stageWidth(columns.length)
  const envColumn = stage.nodes.find((n) => n.kind === 'environments')?.column
  const weight = (c: number): number => (c === envColumn ? 2 : 1)
  const envs = visibleEnvs(stage.envs)
  const nodes: NodeLayout[] = []
  const boxes: Record<string, Box> = {}
  const tokensOf: Record<string, StageToken[]> = {}
  for (const t of stage.tokens) (tokensOf[t.env ?? `node:${t.node}`] ??= []).push(t)
  const tokens: TokenLayout[] = []
  const envLayouts: EnvLayout[] = []
  let height = 0
  const totalWeight = columns.reduce((sum, c) => sum + weight(c), 0)
  const unit = orientation === 'horizontal' ? (width - 2 * PAD - COL_GAP * Math.max(0, columns.length - 1)) / Math.max(1, totalWeight) : 0
  let x = PAD
  let y = PAD + GAUGE_H
  let gauge: Box = { x: PAD, y: PAD, w: width - 2 * PAD, h: GAUGE_H - 12 }
  const widthOf = (c: number): number => (orientation === 'horizontal' ? unit * weight(c) : width - 2 * PAD)
  const texts: Record<string, { label: string[]; detail: string[] }> = {}
  for (const n of stage.nodes) {
    const inner = widthOf(n.column) - 2 * PAD
    texts[n.id] = { label: wrapText(n.label, Math.floor(inner / LABEL_CHAR), 2), detail: wrapText(n.detail, Math.floor(inner / DETAIL_CHAR), 3) }
  }
  // One header height for every node, so token rows line up across the stage.
  const head = Math.max(...Object.values(texts).map((t) => headOf(t.label.length, t.detail.length)), headOf(1, 1))
  for (const c of columns) {
    const w = widthOf(c)
    let cy = orientation === 'horizontal' ? PAD + GAUGE_H : y
    for (const node of stage.nodes.filter((n) => n.column === c).sort((a, b) => a.row - b.row)) {
      let h = node.kind === 'environments' ? 0 : head + TOKEN_ROWS * PITCH + PAD
      const listed = node.kind === 'environments' ? [] : (tokensOf[`node:${node.id}`] ?? [])
      let hidden = node.count
      if (node.kind === 'environments') {
        const cols = Math.max(1, Math.floor((w - 2 * PAD + 12) / (ENV_CARD.w + 12)))
        const cw = (w - 2 * PAD - 12 * (cols - 1)) / cols
        const rows = Math.max(1, Math.ceil(envs.length / cols))
        h = head + rows * (ENV_CARD.h + 12) + PAD
        envs.forEach((env, i) => {
          const ex = x + PAD + (i % cols) * (cw + 12)
          const ey = cy + head + Math.floor(i / cols) * (ENV_CARD.h + 12)
          const inside = tokensOf[env.id] ?? []
          const tcols = Math.max(1, Math.floor((cw - 16) / PITCH))
          const shown = visibleCount(inside.length, tcols, 1)
          inside.slice(0, Math.min(shown, ENV_TOKENS)).forEach((t, k) => tokens.push({ token: t, ...slot(ex + 8, ey + 58, tcols, k) }))
          envLayouts.push({ env, x: ex, y: ey, w: cw, h: ENV_CARD.h, hidden: inside.length - Math.min(shown, ENV_TOKENS) })
        })
        if (orientation === 'horizontal') gauge = { x, y: PAD, w, h: GAUGE_H - 12 }
      } else {
        const cols = gridCols(w)
        const shown = visibleCount(listed.length, cols, TOKEN_ROWS)
        listed.slice(0, shown).forEach((t, k) => tokens.push({ token: t, ...slot(x + PAD, cy + head, cols, k) }))
        hidden += listed.length - shown
      }
      const box = { x, y: cy, w, h }
      boxes[node.id] = box
      nodes.push({ node, ...box, hidden, labelLines: texts[node.id]!.label, detailLines: texts[node.id]!.detail })
      cy += h + ROW_GAP
    }
    height = Math.max(height, cy - ROW_GAP + PAD)
    if (orientation === 'horizontal') x += w + COL_GAP
    else y = cy + COL_GAP - ROW_GAP
  }
  const edges = stage.edges.flatMap(([from, to]) => {
    const a = boxes[from]
    const b = boxes[to]
    return a && b ? [{ from, to, d: edgePath(a, b, orientation) }] : []
  })
  return { width, height: Math.max(height, 200), nodes, envs: envLayouts, envsHidden: stage.envs.length - envs.length, tokens, edges, gauge }
}

/** Progress (0..1) of something that runs from `since` to `until` at `clock`. */
export function progress(clock: number, since: number, until: number | null): number {
  if (until === null || until <= since) return clock >= since ? 1 : 0
  return Math.min(1, Math.max(0, (clock - since) / (until - since)))
}

/** Splits text into at most `maxLines` lines of about `maxChars` characters; the last line ends in "…" if cut. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    const next = line ? `${line} ${w}` : w
    if (next.length <= maxChars || !line) {
      line = next
      continue
    }
    lines.push(line)
    line = w
    if (lines.length === maxLines) {
      const last = lines[maxLines - 1]!
      lines[maxLines - 1] = `${last.slice(0, Math.max(1, maxChars - 1))}…`
      return lines
    }
  }
  if (line) lines.push(line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line)
  return lines
}
