import type {
  StageEnv,
  StageGauge,
  StageHold,
  StageLane,
  StageModel,
  StageNode,
  StageReply,
  StageToken,
} from '../engine'

/**
 * Pure layout of a StageModel in SVG user units: where each node, environment card and token goes.
 * Nothing here decides what happens; it only places what the engine describes.
 *
 * One user unit is one CSS pixel when the stage is drawn at its natural size (see `logicalWidth`),
 * so the font sizes below are the sizes on screen: never under 16 px for words.
 *
 * Horizontal (wide screens): the pipeline (source, Invoke API / queue / shards, poller) runs left
 * to right into the environments column; the sinks (destinations, DLQ, discarded) sit in a row
 * under it, reached by arrows that drop into the gap between the rows and never cross a node.
 * Vertical (phones): the same order top to bottom, sinks two by two at the end.
 */
export type Orientation = 'horizontal' | 'vertical'

export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

export interface NodeLayout extends Box {
  readonly node: StageNode
  readonly labelLines: readonly string[]
  readonly detailLines: readonly string[]
  /** Tokens listed on the node but not drawn (the "+K" counter), plus the node's own count. */
  readonly hidden: number
  /** Centre of the grid cell where "+K" is drawn (the cell after the last drawn token). */
  readonly more: Point | null
}

export interface EnvLayout extends Box {
  readonly env: StageEnv
  /** Tokens inside the environment not drawn (shown as "+K" in the last cell). */
  readonly hidden: number
  readonly more: Point | null
  /** Outline drawn around the tokens of the environment's batch, when it runs one. */
  readonly batchBox: Box | null
  /** Baseline of the batch line ("batch-3 · 8 records"), when the card shows one. */
  readonly batchLine: Point | null
  /** The batch line's text, shortened to fit the card. */
  readonly batchText: string | null
}

export interface TokenLayout {
  readonly token: StageToken
  readonly x: number
  readonly y: number
}

export interface EdgeLayout {
  readonly from: string
  readonly to: string
  readonly d: string
}

/** Something a node still holds for a token drawn elsewhere (see StageHold), and where that token is. */
export interface HoldLayout {
  readonly hold: StageHold
  readonly x: number
  readonly y: number
  /** The token's place when the hold draws a line to it and the token is drawn. */
  readonly target: Point | null
  /** The line ends at the environments' top edge above the token (phones), not at the token. */
  readonly toEdge: boolean
}

/** A lane row inside a node: where it starts, its markers and its "+K". */
export interface LaneLayout extends Box {
  readonly lane: StageLane
  readonly node: string
  /** The lane's name, shortened to fit its cell ("" when none). */
  readonly labelText: string
  /** "✓ 12": records behind the checkpoint, drawn before the checkpoint bar at `checkpointX`. */
  readonly behindText: string | null
  readonly checkpointX: number | null
  /** The blocked marker's x (a bar after the lane's head), when blocked, and its row's top. */
  readonly blockedX: number | null
  readonly blockedY: number
  readonly hidden: number
  readonly more: Point | null
}

/** The latest answer to the caller / source, in the band over the pipeline. */
export interface ReplyLayout extends Box {
  readonly reply: StageReply
  readonly lines: readonly string[]
}

export interface GaugeLayout extends Box {
  /** The sub text ("account limit 1000") goes on a second line when the first would not fit. */
  readonly twoLines: boolean
}

export interface StageLayout {
  readonly width: number
  readonly height: number
  readonly nodes: readonly NodeLayout[]
  readonly envs: readonly EnvLayout[]
  /** Environments not drawn because there is no room for them. */
  readonly envsHidden: number
  /** Running events inside the environments not drawn. */
  readonly envsHiddenTokens: number
  /** Where the "+K more environments" line goes (inside the environments node), when some are hidden. */
  readonly envsNote: Point | null
  /** That line's text, shortened to fit the node. */
  readonly envsNoteText: string
  readonly tokens: readonly TokenLayout[]
  readonly edges: readonly EdgeLayout[]
  readonly gauge: GaugeLayout
  readonly holds: readonly HoldLayout[]
  readonly lanes: readonly LaneLayout[]
  /** Band for the latest answer (sync, async); the box is there even before the first answer. */
  readonly replyBand: Box | null
  readonly reply: ReplyLayout | null
}

/** Token radius and grid pitch (a token is 36 units wide; diamonds 40). */
export const TOKEN_R = 18
export const TOKEN_SIZE = 2 * TOKEN_R
export const PITCH = 46
const PAD = 12
/** Padding inside a node box. */
const NPAD = 12
/** Horizontal gap between pipeline columns (the arrows live there). */
const COL_GAP = 36
/** Gap between stacked boxes. */
const ROW_GAP = 20
/** Left lane for arrows that skip boxes in the vertical layout. */
const LANE = 18
/** Most connection lines drawn at once (the rest of the holds show without their line). */
export const MAX_LINES = 12
/** Answer band on phones (up to three 16 px lines: a 429's Reason is one long word), under the gauge. */
const REPLY_BAND_V = 74
const REPLY_CHAR = 9.4
/** Width of the blocked marker between two cells of a lane. */
const BLOCK_W = 14

/** Text metrics (user units). Widths are generous averages for bold / regular sans at these sizes. */
export const LABEL_SIZE = 18
export const LABEL_LINE = 22
export const DETAIL_SIZE = 16
export const DETAIL_LINE = 20
const LABEL_CHAR = 11
/** 16 px bold lines (batch line, "+K more environments"): estimated glyph width. */
const SMALL_BOLD_CHAR = 9.8
const DETAIL_CHAR = 8.9
const GAUGE_CHAR = 10.6
const GAUGE_SUB_CHAR = 9
const LABEL_LINES = 3
/** Node details wrap rather than end in "…" (a queue's "visibility timeout 10 s" is the point). */
const DETAIL_LINES = 5

/** Environment cards. */
// 150 puts two cards side by side in the environments column at the minimum unit (a shorter stage).
const CARD_MIN_W = { horizontal: 150, vertical: 136 } as const
const CARD_GAP = 12
/** Card: id line, state line, token rows, progress / served line. */
const CARD_TOP = 58
const CARD_BOTTOM = 30
const MAX_CARD_ROWS = { horizontal: 3, vertical: 3 } as const
export const MAX_ENVS = 24
const TOKEN_ROWS = 3
/** One token row per sink (a long DLQ shows "+K"): the stage fits the screen beside its controls. */
const SINK_ROWS = 1
/** Phones: tighter gaps, so more of the pipeline fits the stage slot. */
const SINK_ROWS_V = 1
const ROW_GAP_V = 14
const ENVS_NOTE = 26
const BATCH_LINE = 20

/** Width the horizontal layout needs per weight unit to keep labels readable at 1:1. */
const MIN_UNIT = 176
/** Beyond this logical width the stage is scaled up instead (projectors, presentation mode). */
export const MAX_LOGICAL = 1360
export const MIN_VERTICAL = 340

const isSink = (n: StageNode): boolean => n.kind === 'destination' || n.kind === 'dlq' || n.kind === 'discard'

/** How many tokens fit in a grid of `cols` × `rows`, keeping one cell for "+K" when they do not all fit. */
export function visibleCount(total: number, cols: number, rows: number): number {
  const cells = Math.max(1, cols * rows)
  return total <= cells ? total : cells - 1
}

/** Centre of cell i of a token grid whose top-left corner is (x, y). */
export function slot(x: number, y: number, cols: number, i: number): Point {
  const c = i % cols
  const r = Math.floor(i / cols)
  return { x: x + c * PITCH + PITCH / 2, y: y + r * PITCH + PITCH / 2 }
}

/** Token columns that fit in a box of this inner width. */
export function gridCols(innerWidth: number): number {
  return Math.max(1, Math.floor(innerWidth / PITCH))
}

/** Envs shown: every live one first in engine order, then the most recently reclaimed, up to `max`. */
export function visibleEnvs(envs: readonly StageEnv[], max = MAX_ENVS): StageEnv[] {
  const live = envs.filter((e) => e.state !== 'reclaimed')
  const gone = envs.filter((e) => e.state === 'reclaimed')
  const keep = new Set([
    ...live.slice(0, max),
    ...gone.slice(Math.max(0, gone.length - Math.max(0, max - live.length))),
  ])
  return envs.filter((e) => keep.has(e))
}

function pipelineColumns(stage: StageModel): number[] {
  return Array.from(new Set(stage.nodes.filter((n) => !isSink(n)).map((n) => n.column))).sort((a, b) => a - b)
}

function weightsOf(stage: StageModel, columns: readonly number[]): number[] {
  const envColumn = stage.nodes.find((n) => n.kind === 'environments')?.column
  return columns.map((c) => (c === envColumn ? 2 : 1))
}

/** The narrowest logical width at which a horizontal layout of this stage keeps its text at 1:1. */
export function minHorizontalWidth(stage: StageModel): number {
  const columns = pipelineColumns(stage)
  const weight = weightsOf(stage, columns).reduce((a, b) => a + b, 0)
  return 2 * PAD + COL_GAP * Math.max(0, columns.length - 1) + MIN_UNIT * Math.max(1, weight)
}

/**
 * The width to lay the stage out at, for a container `px` CSS pixels wide. Narrower than the
 * layout needs: the layout keeps its minimum and the drawing scales down. Wider than MAX_LOGICAL:
 * the drawing scales up (bigger type on a projector). Otherwise 1:1.
 */
export function logicalWidth(px: number, orientation: Orientation, minWidth: number): number {
  const w = Math.max(1, Math.round(px))
  if (orientation === 'vertical') return Math.max(MIN_VERTICAL, Math.min(w, 560))
  return Math.max(minWidth, Math.min(w, MAX_LOGICAL))
}

/** Old name kept for callers that want a width by column count (horizontal, at the minimum unit). */
export function stageWidth(columns: number): number {
  return 2 * PAD + COL_GAP * Math.max(0, columns - 1) + MIN_UNIT * (columns + 1)
}

function headOf(labelLines: number, detailLines: number): number {
  return 12 + labelLines * LABEL_LINE + detailLines * DETAIL_LINE + 10
}

/** The gauge's words, shared by the layout (to measure) and the Gauge component (to draw). */
export function gaugeText(g: StageGauge): { main: string; sub: string } {
  const label = g.reserved !== null ? `reserved ${g.reserved}` : `account limit ${g.account}`
  return {
    main: `Concurrency ${g.busy} / ${g.cap}`,
    sub: `(${label}${g.provisioned > 0 ? `, provisioned ${g.provisioned}` : ''})`,
  }
}

/** Rounded orthogonal path through the points (first to last), corners of radius up to r. */
export function orthoPath(points: readonly Point[], r = 10): string {
  const p = points.filter((q, i) => i === 0 || q.x !== points[i - 1]!.x || q.y !== points[i - 1]!.y)
  if (p.length === 0) return ''
  let d = `M ${round(p[0]!.x)} ${round(p[0]!.y)}`
  for (let i = 1; i < p.length; i++) {
    const cur = p[i]!
    const next = p[i + 1]
    if (!next) {
      d += ` L ${round(cur.x)} ${round(cur.y)}`
      break
    }
    const prev = p[i - 1]!
    const inLen = Math.hypot(cur.x - prev.x, cur.y - prev.y)
    const outLen = Math.hypot(next.x - cur.x, next.y - cur.y)
    const k = Math.min(r, inLen / 2, outLen / 2)
    const ax = cur.x - ((cur.x - prev.x) / inLen) * k
    const ay = cur.y - ((cur.y - prev.y) / inLen) * k
    const bx = cur.x + ((next.x - cur.x) / outLen) * k
    const by = cur.y + ((next.y - cur.y) / outLen) * k
    d += ` L ${round(ax)} ${round(ay)} Q ${round(cur.x)} ${round(cur.y)} ${round(bx)} ${round(by)}`
  }
  return d
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** Arrow between two boxes side by side (horizontal) or stacked (vertical), at the given heights. */
export function edgePath(a: Box, b: Box, orientation: Orientation, ay?: number, by?: number): string {
  const acx = a.x + a.w / 2
  const bcx = b.x + b.w / 2
  if (orientation === 'vertical' || Math.abs(acx - bcx) < 1) {
    const down = b.y > a.y
    const y1 = down ? a.y + a.h : a.y
    const y2 = down ? b.y - 6 : b.y + b.h + 6
    return `M ${acx} ${y1} L ${acx} ${y2}`
  }
  const right = bcx > acx
  const y1 = ay ?? a.y + Math.min(a.h, 80) / 2
  const y2 = by ?? b.y + Math.min(b.h, 80) / 2
  const x1 = right ? a.x + a.w : a.x
  const x2 = right ? b.x - 6 : b.x + b.w + 6
  if (Math.abs(y1 - y2) < 1) return `M ${x1} ${y1} L ${x2} ${y2}`
  const mx = (x1 + x2) / 2
  return `M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2} ${y2}`
}

interface Placed {
  readonly node: StageNode
  readonly box: Box
  readonly rows: number
}

/** Lays out the stage at `width` logical units (see `logicalWidth`). */
export function layoutStage(stage: StageModel, orientation: Orientation = 'horizontal', width?: number): StageLayout {
  const horizontal = orientation === 'horizontal'
  const W = width ?? (horizontal ? Math.max(minHorizontalWidth(stage), 1000) : 390)
  const columns = pipelineColumns(stage)
  const weights = weightsOf(stage, columns)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  const sinks = stage.nodes.filter(isSink).sort((a, b) => a.column - b.column || a.row - b.row)
  const envNode = stage.nodes.find((n) => n.kind === 'environments')
  // Phones keep a lane on the left only when some arrow has to skip past boxes.
  const skips =
    stage.edges.some(([from, to]) => sinks.some((k) => k.id === to) && from !== envNode?.id) ||
    sinks.length > 2 ||
    pipelineColumns(stage).some((c) => stage.nodes.filter((n) => n.column === c && !isSink(n)).length > 1)
  const left = horizontal || !skips ? PAD : PAD + LANE
  const inner = W - left - PAD
  const rowGap = horizontal ? ROW_GAP : ROW_GAP_V
  const sinkRows = horizontal ? SINK_ROWS : SINK_ROWS_V
  const unit = horizontal ? (inner - COL_GAP * Math.max(0, columns.length - 1)) / Math.max(1, totalWeight) : 0

  // Column boxes (x, w) of the pipeline.
  const colX: number[] = []
  const colW: number[] = []
  let cx = left
  columns.forEach((_, i) => {
    const w = horizontal ? unit * weights[i]! : inner
    colX.push(cx)
    colW.push(w)
    if (horizontal) cx += w + COL_GAP
  })
  const envIndex = envNode ? columns.indexOf(envNode.column) : -1
  const envW = envIndex >= 0 ? colW[envIndex]! : inner

  // Sink widths (horizontal: one unit each, right-aligned; vertical: two per row).
  const sinkPerRow = horizontal ? Math.max(1, sinks.length) : Math.min(2, Math.max(1, sinks.length))
  const sinkW = horizontal
    ? Math.min(
        Math.max(unit, envW / Math.max(1, Math.min(2, sinks.length)) - (sinks.length > 1 ? COL_GAP / 2 : 0)),
        (inner - COL_GAP * (sinks.length - 1)) / Math.max(1, sinks.length),
      )
    : (inner - CARD_GAP * (sinkPerRow - 1)) / sinkPerRow

  // Text of every node, wrapped to its box width.
  const texts: Record<string, { label: string[]; detail: string[] }> = {}
  const widthOfNode = (n: StageNode): number => {
    if (isSink(n)) return sinkW
    return colW[columns.indexOf(n.column)]!
  }
  for (const n of stage.nodes) {
    const w = widthOfNode(n) - 2 * NPAD
    texts[n.id] = {
      label: wrapText(n.label, Math.floor(w / LABEL_CHAR), LABEL_LINES),
      detail: wrapText(n.detail, Math.floor(w / DETAIL_CHAR), DETAIL_LINES),
    }
  }
  const headFor = (ns: readonly StageNode[]): number =>
    Math.max(headOf(1, 1), ...ns.map((n) => headOf(texts[n.id]!.label.length, texts[n.id]!.detail.length)))
  const pipeNodes = stage.nodes.filter((n) => !isSink(n))
  // One header height across the pipeline (horizontal), so token rows line up.
  const pipeHead = headFor(pipeNodes)
  const sinkHead = headFor(sinks)

  // Tokens by place.
  const tokensOf: Record<string, StageToken[]> = {}
  for (const t of stage.tokens) (tokensOf[t.env ?? `node:${t.node}`] ??= []).push(t)
  const tokens: TokenLayout[] = []

  // Gauge.
  const g = gaugeText(stage.gauge)
  const gaugeW = horizontal && envIndex >= 0 ? envW : inner
  const gaugeX = horizontal && envIndex >= 0 ? colX[envIndex]! : left
  const twoLines =
    (g.main.length + (stage.gauge.busy >= stage.gauge.cap ? 7 : 0)) * GAUGE_CHAR + g.sub.length * GAUGE_SUB_CHAR + 12 >
    gaugeW
  const gaugeH = twoLines ? 70 : 48
  const gauge: GaugeLayout = { x: gaugeX, y: PAD, w: gaugeW, h: gaugeH - 12, twoLines }
  // The latest answer to the caller / source: over the pipeline, left of the gauge (wide), or under it (phones).
  const answers = stage.model === 'sync' || stage.model === 'async'
  const replyBand: Box | null = !answers
    ? null
    : horizontal && envIndex > 0
      ? { x: left, y: PAD, w: colX[envIndex]! - COL_GAP - left, h: gaugeH - 12 }
      : { x: left, y: PAD + gaugeH, w: inner, h: REPLY_BAND_V }
  const top = PAD + gaugeH + (replyBand && replyBand.y > PAD ? REPLY_BAND_V + 12 : 0)
  const latest = stage.replies[0]
  const reply: ReplyLayout | null =
    replyBand && latest
      ? {
          ...replyBand,
          reply: latest,
          lines: replyLines(latest, replyBand.w - 24, Math.max(1, Math.floor((replyBand.h - 10) / 20))),
        }
      : null

  // Environments: card grid inside the environments node.
  const cardCols = Math.max(1, Math.floor((envW - 2 * NPAD + CARD_GAP) / (CARD_MIN_W[orientation] + CARD_GAP)))
  const cardW = (envW - 2 * NPAD - CARD_GAP * (cardCols - 1)) / cardCols
  const maxCards = Math.min(MAX_ENVS, cardCols * MAX_CARD_ROWS[orientation])
  const shownEnvs = visibleEnvs(stage.envs, maxCards)
  const tcols = gridCols(cardW - 2 * 8)
  const tokenRowsInCards = shownEnvs.some((e) => (tokensOf[e.id]?.length ?? 0) > tcols) ? 2 : 1
  // Batch models get a third text line on every card (batch id and size), so cards stay aligned.
  const batchLines = shownEnvs.some((e) => e.batch !== null)
  const cardTop = CARD_TOP + (batchLines ? BATCH_LINE : 0)
  const cardH = cardTop + tokenRowsInCards * PITCH + CARD_BOTTOM
  const cardRows = Math.max(1, Math.ceil(shownEnvs.length / cardCols))
  const shownIds = new Set(shownEnvs.map((e) => e.id))
  const envsHidden = stage.envs.length - shownEnvs.length
  const envsHiddenTokens = stage.tokens.filter((t) => t.env !== null && !shownIds.has(t.env)).length
  // The cards start under the environments' own words (they need not line up with token rows).
  const envHead = headFor(envNode ? [envNode] : [])
  const envBoxH = envHead + cardRows * (cardH + CARD_GAP) - CARD_GAP + NPAD + (envsHidden > 0 ? ENVS_NOTE : 0)

  // Pipeline nodes: rows of tokens for each (stacked columns, e.g. shards, get fewer rows).
  const placed: Placed[] = []
  const boxes: Record<string, Box> = {}
  const nodeLayouts: NodeLayout[] = []
  const holdsOf: Record<string, StageHold[]> = {}
  for (const h of stage.holds) (holdsOf[h.node] ??= []).push(h)
  const rowsFor = (n: StageNode, stacked: number, cols: number): number => {
    const listed = (tokensOf[`node:${n.id}`]?.length ?? 0) + (holdsOf[n.id]?.length ?? 0)
    const lanes = Math.min(3, n.lanes.length)
    if (horizontal) return Math.max(lanes, stacked > 2 ? 1 : stacked === 2 ? 2 : TOKEN_ROWS)
    // Phones size a node to what it holds: an empty source is just its words.
    const held = listed + (n.count > 0 ? 1 : 0)
    return Math.max(lanes, Math.min(2, Math.ceil(held / cols)))
  }
  let mainBottom = top
  let vy = top
  columns.forEach((c, i) => {
    const colNodes = pipeNodes.filter((n) => n.column === c).sort((a, b) => a.row - b.row)
    const x = colX[i]!
    const w = colW[i]!
    // Poll-based (no answer band): the gauge sits over the environments only, so the columns left
    // of them start at the top and the stage is a gauge's height shorter.
    let y = horizontal ? (c === envNode?.column || replyBand ? top : PAD) : vy
    for (const n of colNodes) {
      if (n.kind === 'environments') {
        const box = { x, y, w, h: envBoxH }
        placed.push({ node: n, box, rows: 0 })
        y += envBoxH + rowGap
        continue
      }
      const cols = gridCols(w - 2 * NPAD)
      const rows = rowsFor(n, colNodes.length, cols)
      const head = horizontal ? pipeHead : headOf(texts[n.id]!.label.length, texts[n.id]!.detail.length)
      const h = head + rows * PITCH + NPAD
      placed.push({ node: n, box: { x, y, w, h }, rows })
      y += h + rowGap
    }
    if (horizontal) mainBottom = Math.max(mainBottom, y - rowGap)
    else vy = y
  })
  if (!horizontal) mainBottom = vy - rowGap
  // Horizontal: a column with one box stretches to the row's height, so the row reads as one band.
  const final = placed.map((p) => {
    if (!horizontal) return p
    const alone = placed.filter((q) => q.node.column === p.node.column).length === 1
    return alone ? { ...p, box: { ...p.box, h: mainBottom - p.box.y } } : p
  })

  // Sinks.
  const sinkRowsN = Math.ceil(sinks.length / sinkPerRow)
  const busEdges = stage.edges.filter(
    ([from, to]) => sinks.some((s) => s.id === to) && !sinks.some((s) => s.id === from),
  )
  const busFromPipe = busEdges.filter(([from]) => from !== envNode?.id)
  const busGap =
    sinks.length === 0
      ? 0
      : horizontal
        ? 30 + 8 * Math.max(0, busFromPipe.length)
        : 30 + 6 * Math.max(0, busFromPipe.length)
  const sinkY0 = mainBottom + busGap
  const sinkH = sinkHead + sinkRows * PITCH + NPAD
  const sinkBoxes: Placed[] = sinks.map((n, k) => {
    if (horizontal) {
      const right = W - PAD
      const x = right - (sinks.length - k) * sinkW - (sinks.length - 1 - k) * COL_GAP
      return { node: n, box: { x, y: sinkY0, w: sinkW, h: sinkH }, rows: sinkRows }
    }
    const r = Math.floor(k / sinkPerRow)
    const c = k % sinkPerRow
    return {
      node: n,
      box: {
        x: left + c * (sinkW + CARD_GAP),
        y: sinkY0 + r * (sinkH + rowGap + 6 * busFromPipe.length),
        w: sinkW,
        h: sinkH,
      },
      rows: sinkRows,
    }
  })
  const height =
    sinks.length === 0
      ? mainBottom + PAD
      : sinkY0 + sinkRowsN * sinkH + (sinkRowsN - 1) * (rowGap + 6 * busFromPipe.length) + PAD

  // Node layouts and their tokens.
  const holdPlaces: Omit<HoldLayout, 'target' | 'toEdge'>[] = []
  const laneLayouts: LaneLayout[] = []
  for (const p of [...final, ...sinkBoxes]) {
    const { node, box } = p
    boxes[node.id] = box
    const t = texts[node.id]!
    if (node.kind === 'environments') {
      nodeLayouts.push({ node, ...box, hidden: 0, more: null, labelLines: t.label, detailLines: t.detail })
      continue
    }
    const head = isSink(node) ? sinkHead : horizontal ? pipeHead : headOf(t.label.length, t.detail.length)
    const listed = tokensOf[`node:${node.id}`] ?? []
    const held = holdsOf[node.id] ?? []
    const cols = gridCols(box.w - 2 * NPAD)
    const rows = horizontal && !isSink(node) ? Math.max(p.rows, Math.floor((box.h - head - NPAD) / PITCH)) : p.rows
    const gx = box.x + NPAD + (box.w - 2 * NPAD - cols * PITCH) / 2
    const gy = box.y + head - 4
    if (node.lanes.length > 0) {
      const r = placeLanes(node, listed, held, gx, gy, cols, rows)
      tokens.push(...r.tokens)
      holdPlaces.push(...r.holds)
      laneLayouts.push(...r.lanes)
      nodeLayouts.push({ node, ...box, hidden: r.hidden, more: r.more, labelLines: t.label, detailLines: t.detail })
      continue
    }
    // Holds first (the caller's open requests, messages in flight), then the tokens at the node.
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
    held.slice(0, holdsShown).forEach((hold, k) => holdPlaces.push({ hold, ...slot(gx, gy, cols, holdCells[k]!) }))
    listed.slice(0, shown).forEach((tok, k) => tokens.push({ token: tok, ...slot(gx, gy, cols, free[k]!) }))
    const hidden = listed.length - shown + node.count
    nodeLayouts.push({
      node,
      ...box,
      hidden,
      more: hidden > 0 ? slot(gx, gy, cols, free[Math.min(shown, free.length - 1)]!) : null,
      labelLines: t.label,
      detailLines: t.detail,
    })
  }

  // Environment cards.
  const envBox = envNode ? boxes[envNode.id] : undefined
  const envLayouts: EnvLayout[] = []
  if (envBox) {
    shownEnvs.forEach((env, i) => {
      const ex = envBox.x + NPAD + (i % cardCols) * (cardW + CARD_GAP)
      const ey = envBox.y + envHead + Math.floor(i / cardCols) * (cardH + CARD_GAP)
      const inside = tokensOf[env.id] ?? []
      const shown = visibleCount(inside.length, tcols, tokenRowsInCards)
      const gx = ex + (cardW - tcols * PITCH) / 2
      const gy = ey + cardTop
      inside.slice(0, shown).forEach((t, k) => tokens.push({ token: t, ...slot(gx, gy, tcols, k) }))
      const hidden = inside.length - shown
      const usedRows = Math.max(1, Math.ceil((shown + (hidden > 0 ? 1 : 0)) / tcols))
      const usedCols = Math.min(tcols, shown + (hidden > 0 ? 1 : 0))
      const batchBox =
        env.batch !== null && inside.length > 0
          ? { x: gx - 3, y: gy - 3, w: usedCols * PITCH + 6, h: usedRows * PITCH + 6 }
          : null
      const batchLine = batchLines && env.batch !== null ? { x: ex + 10, y: ey + 68 } : null
      const batchText = batchLine && env.batch !== null ? batchLabel(env.batch, inside.length, cardW - 20) : null
      envLayouts.push({
        env,
        x: ex,
        y: ey,
        w: cardW,
        h: cardH,
        hidden,
        more: hidden > 0 ? slot(gx, gy, tcols, shown) : null,
        batchBox,
        batchLine,
        batchText,
      })
    })
  }
  const envsNote = envBox && envsHidden > 0 ? { x: envBox.x + NPAD, y: envBox.y + envBox.h - 12 } : null
  const envsNoteText =
    envBox && envsHidden > 0 ? hiddenEnvsLabel(envsHidden, envsHiddenTokens, envBox.w - 2 * NPAD) : ''

  // Edges.
  const edges: EdgeLayout[] = []
  const sinkIds = new Set(sinks.map((s) => s.id))
  const incoming: Record<string, string[]> = {}
  const outgoing: Record<string, string[]> = {}
  for (const [from, to] of stage.edges) {
    if (!sinkIds.has(to) || sinkIds.has(from)) continue
    ;(incoming[to] ??= []).push(from)
    ;(outgoing[from] ??= []).push(to)
  }
  const order = [...final.map((p) => p.node.id)]
  const laneIndex: Record<string, number> = {}
  busFromPipe.forEach(([from, to], k) => (laneIndex[`${from}>${to}`] = k))
  for (const [from, to] of stage.edges) {
    const a = boxes[from]
    const b = boxes[to]
    if (!a || !b) continue
    if (sinkIds.has(to) && !sinkIds.has(from)) {
      // Into a sink from above: arrive at the sink's top, spread when several come in.
      const ins = incoming[to]!
      const tx = b.x + (b.w * (ins.indexOf(from) + 1)) / (ins.length + 1)
      const outs = outgoing[from]!
      const lane = laneIndex[`${from}>${to}`] ?? 0
      const firstRow = horizontal || b.y <= sinkY0 + 0.5
      if ((from === envNode?.id && firstRow) || horizontal) {
        // Down from the source's bottom to a bus above the sink, then into it.
        const fromEnvs = from === envNode?.id && firstRow
        const sx = fromEnvs
          ? Math.min(a.x + a.w - 20, Math.max(a.x + 20, tx))
          : a.x + (a.w * (outs.indexOf(to) + 1)) / (outs.length + 1)
        const busY = fromEnvs ? b.y - 14 : mainBottom + 12 + lane * 8
        edges.push({
          from,
          to,
          d: orthoPath([
            { x: sx, y: a.y + a.h },
            { x: sx, y: busY },
            { x: tx, y: busY },
            { x: tx, y: b.y - 6 },
          ]),
        })
      } else {
        const laneX = PAD + 2 + (lane % 3) * 5
        const sy = a.y + 24 + lane * 6
        const busY = b.y - 10 - lane * 6
        edges.push({
          from,
          to,
          d: orthoPath([
            { x: a.x, y: sy },
            { x: laneX, y: sy },
            { x: laneX, y: busY },
            { x: tx, y: busY },
            { x: tx, y: b.y - 6 },
          ]),
        })
      }
      continue
    }
    if (horizontal) {
      // Boxes whose tops differ (the columns beside the gauge start higher) still get a straight
      // arrow when one height lies well inside both.
      const ya = a.y + Math.min(a.h / 2, 36)
      const yb = b.y + Math.min(b.h / 2, 36)
      const y = Math.max(ya, yb)
      const straight = y <= a.y + a.h - 12 && y <= b.y + b.h - 12
      edges.push({ from, to, d: edgePath(a, b, orientation, straight ? y : ya, straight ? y : yb) })
      continue
    }
    // Vertical: straight down when b is right under a, else through the left lane.
    const ia = order.indexOf(from)
    const ib = order.indexOf(to)
    if (ib === ia + 1 || Math.abs(b.y - (a.y + a.h + rowGap)) < 1) {
      edges.push({ from, to, d: edgePath(a, b, 'vertical') })
    } else {
      const laneX = PAD + 2
      edges.push({
        from,
        to,
        d: orthoPath([
          { x: a.x, y: a.y + 30 },
          { x: laneX, y: a.y + 30 },
          { x: laneX, y: b.y + 30 },
          { x: b.x - 6, y: b.y + 30 },
        ]),
      })
    }
  }

  // Connection lines go from a hold to its token, wherever that token is drawn (at most MAX_LINES).
  const at: Record<string, Point> = {}
  for (const t of tokens) at[t.token.id] = t
  let lines = 0
  // Phones: the environments are stacked under the pipeline, so a line stops at their top edge
  // (above the token it leads to) instead of crossing the cards on its way down.
  const edgeY = !horizontal && envBox ? envBox.y - 6 : null
  const holds: HoldLayout[] = holdPlaces.map((h) => {
    const to = h.hold.line && lines < MAX_LINES ? at[h.hold.token] : undefined
    if (to) lines++
    return { ...h, target: to ? { x: to.x, y: edgeY ?? to.y } : null, toEdge: to !== undefined && edgeY !== null }
  })

  return {
    width: W,
    height: Math.max(height, 200),
    nodes: nodeLayouts,
    envs: envLayouts,
    envsHidden,
    envsHiddenTokens,
    envsNote,
    envsNoteText,
    tokens,
    edges,
    gauge,
    holds,
    lanes: laneLayouts,
    replyBand,
    reply,
  }
}

/** Grid cells in the order holds with lines take them: right column first, top down (phones: bottom row first). */
function lineCells(cols: number, rows: number, horizontal: boolean): number[] {
  const out: number[] = []
  if (horizontal) for (let c = cols - 1; c >= 0; c--) for (let r = 0; r < rows; r++) out.push(r * cols + c)
  else for (let r = rows - 1; r >= 0; r--) for (let c = 0; c < cols; c++) out.push(r * cols + c)
  return out
}

/** The answer's words for the band, as long as `width` px of 16 px bold text allows in `maxLines` lines. */
export function replyLines(r: StageReply, width: number, maxLines: number): string[] {
  const chars = Math.max(4, Math.floor(width / REPLY_CHAR))
  const options = [
    `${r.token} ← ${r.text}`,
    `← ${r.text}`,
    `${r.token} ← ${r.short}`,
    `← ${r.short}`,
    `${r.token} ← ${r.code}`,
    `← ${r.code}`,
  ]
  for (const o of options) {
    const lines = wrapText(o, chars, maxLines)
    if (!lines.some((l) => l.endsWith('…'))) return lines
  }
  return [`← ${r.code}`]
}

interface LanesPlaced {
  readonly tokens: TokenLayout[]
  readonly holds: Omit<HoldLayout, 'target' | 'toEdge'>[]
  readonly lanes: LaneLayout[]
  hidden: number
  more: Point | null
}

/** Glyph width of the lane's 16 px bold words (label, "✓ 12"). */
const LANE_CHAR = 9.8

/**
 * A node drawn as lanes: one row per lane (name, records behind the checkpoint, the checkpoint bar,
 * the lane's tokens and holds in order with the blocked marker after its head, then "+K"). Lanes
 * beyond the rows are counted on the node's "+K" in the last row.
 */
function placeLanes(
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
  const room = rowW - PITCH - BLOCK_W
  const widthOf = (text: string) => (text ? text.length * LANE_CHAR + 10 : 0)
  let names = shownLanes.map((l) => (l.label.length <= 6 ? l.label : l.short))
  const behindOf = (l: StageLane) => (l.behind !== null ? `✓ ${l.behind}` : '')
  let showBehind = true
  const need = () =>
    Math.max(0, ...names.map(widthOf)) + (showBehind ? Math.max(0, ...shownLanes.map((l) => widthOf(behindOf(l)))) : 0)
  if (need() > room) names = shownLanes.map((l) => l.short)
  if (need() > room) showBehind = false
  const labelW = Math.max(0, ...names.map(widthOf))
  const behindW = showBehind
    ? Math.max(0, ...shownLanes.map((l) => widthOf(behindOf(l))))
    : shownLanes.some((l) => l.behind !== null)
      ? 8
      : 0
  // Fewer lanes than rows: each lane wraps onto the rows it can have, so a long shard stays readable.
  const perLane = Math.max(1, Math.floor(rows / Math.max(1, shownLanes.length)))
  const out: LanesPlaced = { tokens: [], holds: [], lanes: [], hidden: 0, more: null }
  let y = gy
  shownLanes.forEach((lane, k) => {
    const items = lane.tokens.filter((id) => tok[id] !== undefined || hol[id] !== undefined)
    const start = gx + labelW + behindW
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
      if (tok[id]) out.tokens.push({ token: tok[id]!, ...p })
      else out.holds.push({ hold: hol[id]!, ...p })
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
      node: node.id,
      x: gx,
      y,
      w: rowW,
      h: usedRows * PITCH,
      labelText: names[k]!,
      behindText: lane.behind !== null && showBehind ? behindOf(lane) : null,
      checkpointX: lane.behind !== null ? start - 3 : null,
      blockedX,
      blockedY,
      hidden,
      more: hidden > 0 ? cell(shown) : null,
    })
    y += usedRows * PITCH
  })
  const rest = all.slice(shownLanes.length)
  if (rest.length > 0) {
    out.hidden = rest.reduce((n, l) => n + l.tokens.filter((id) => tok[id] !== undefined).length, 0)
    out.more = out.hidden > 0 ? { x: gx + PITCH / 2, y: y + PITCH / 2 } : null
  }
  return out
}

/** Progress (0..1) of something that runs from `since` to `until` at `clock`. */
export function progress(clock: number, since: number, until: number | null): number {
  if (until === null || until <= since) return clock >= since ? 1 : 0
  return Math.min(1, Math.max(0, (clock - since) / (until - since)))
}

/**
 * Splits a long word at designed places only: after "=", "/" or ":" and before a capital that
 * follows a lower-case letter (camelCase), so "messageRetentionPeriod" wraps as
 * "messageRetention" + "Period" and nothing is ever cut inside a word part.
 */
function wordParts(word: string, maxChars: number): string[] {
  if (word.length <= maxChars) return [word]
  const parts = word.split(/(?<=[=/:])|(?<=[a-z])(?=[A-Z])/)
  const out: string[] = []
  let cur = ''
  for (const p of parts) {
    if (cur && (cur + p).length > maxChars) {
      out.push(cur)
      cur = p
    } else cur += p
  }
  if (cur) out.push(cur)
  return out
}

/** The first of `options` that fits `width` px of 16 px bold text, else the last. */
function fitting(options: readonly string[], width: number): string {
  const max = Math.floor(width / SMALL_BOLD_CHAR)
  return options.find((o) => o.length <= max) ?? options[options.length - 1]!
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** An environment card's batch line, as long as the card allows: "batch-36 · 10 records" … "batch-36". */
export function batchLabel(batch: string, records: number, width: number): string {
  return fitting(
    [`${batch} · ${plural(records, 'record')}`, `${batch} · ${records} rec.`, `${batch} (${records})`, batch],
    width,
  )
}

/** The line under the drawn environment cards: "+6 more environments · 60 events running there", or shorter. */
export function hiddenEnvsLabel(envs: number, running: number, width: number): string {
  const more = `+${plural(envs, 'more environment')}`
  const options =
    running > 0
      ? [
          `${more} · ${plural(running, 'event')} running there`,
          `${more} · ${plural(running, 'event')}`,
          `+${envs} more · ${running} running`,
          `+${envs} more`,
        ]
      : [more, `+${envs} more`]
  return fitting(options, width)
}

/**
 * Splits text into at most `maxLines` lines of about `maxChars` characters, on spaces (and inside
 * long identifiers at designed places, see wordParts). When it does not all fit, the last line
 * ends with "…" after a whole word: nothing is cut mid-word.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const pieces: { text: string; join: boolean }[] = []
  // A number stays with the word before it ("unread 6", "batch 8"): no line starts with a lone number.
  const joined = text.replace(/(\S) (\d[\d.,]*)(?= |$)/g, '$1\u00a0$2')
  for (const w of joined.split(/ +/).filter(Boolean))
    wordParts(w, Math.max(1, maxChars)).forEach((p, i) => pieces.push({ text: p, join: i > 0 }))
  const lines: string[] = []
  let line = ''
  for (const p of pieces) {
    const next = line ? `${line}${p.join ? '' : ' '}${p.text}` : p.text
    if (next.length <= maxChars || !line) {
      line = next
      continue
    }
    lines.push(line)
    line = p.text
    if (lines.length === maxLines) return ellipsize(lines.map(plain), maxChars)
  }
  if (line) lines.push(line)
  return lines.map(plain)
}

const plain = (line: string): string => line.replace(/\u00a0/g, ' ')

function ellipsize(lines: string[], maxChars: number): string[] {
  const last = lines[lines.length - 1]!
  if (last.length + 1 <= maxChars) {
    lines[lines.length - 1] = `${last}…`
    return lines
  }
  const words = last.split(' ')
  while (words.length > 1 && words.join(' ').length + 1 > maxChars) words.pop()
  lines[lines.length - 1] = `${words.join(' ')}…`
  return lines
}
