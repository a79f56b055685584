import type { StageModel, StageNode } from '../../engine'
import {
  COL_GAP,
  DEFAULT_WIDTH,
  ENV_WEIGHT,
  MAX_LOGICAL,
  MAX_VERTICAL,
  MIN_UNIT,
  MIN_VERTICAL,
  ROW_GAP,
  SINKS_PER_ROW_V,
  SINKS_UNDER_ENVS,
  SINK_GAP_V,
  SKIP_LANE_W,
  STAGE_PAD,
} from './metrics'
import type { Orientation } from './types'

/** Destinations, the DLQ and "discarded": drawn in their own row under the pipeline. */
export const isSink = (n: StageNode): boolean => n.kind === 'destination' || n.kind === 'dlq' || n.kind === 'discard'

function pipelineColumns(stage: StageModel): number[] {
  return Array.from(new Set(stage.nodes.filter((n) => !isSink(n)).map((n) => n.column))).sort((a, b) => a - b)
}

function weightsOf(stage: StageModel, columns: readonly number[]): number[] {
  const envColumn = stage.nodes.find((n) => n.kind === 'environments')?.column
  return columns.map((c) => (c === envColumn ? ENV_WEIGHT : 1))
}

/** The narrowest logical width at which a horizontal layout of this stage keeps its text at 1:1. */
export function minHorizontalWidth(stage: StageModel): number {
  const columns = pipelineColumns(stage)
  const weight = weightsOf(stage, columns).reduce((a, b) => a + b, 0)
  return 2 * STAGE_PAD + COL_GAP * Math.max(0, columns.length - 1) + MIN_UNIT * Math.max(1, weight)
}

/**
 * The width to lay the stage out at, for a container `px` CSS pixels wide. Narrower than the
 * layout needs: the layout keeps its minimum and the drawing scales down. Wider than MAX_LOGICAL:
 * the drawing scales up (bigger type on a projector). Otherwise 1:1.
 */
export function logicalWidth(px: number, orientation: Orientation, minWidth: number): number {
  const w = Math.max(1, Math.round(px))
  if (orientation === 'vertical') return Math.max(MIN_VERTICAL, Math.min(w, MAX_VERTICAL))
  return Math.max(minWidth, Math.min(w, MAX_LOGICAL))
}

/** Where the stage's columns go: the frame every later step of the layout places its boxes in. */
export interface Frame {
  readonly horizontal: boolean
  readonly orientation: Orientation
  /** The stage's logical width. */
  readonly width: number
  /** Pipeline columns (engine column numbers) left to right, and each one's x and width. */
  readonly columns: readonly number[]
  readonly colX: readonly number[]
  readonly colW: readonly number[]
  readonly envNode: StageNode | undefined
  /** Index of the environments' column in `columns` (-1 without one), its x and its width (else left, inner). */
  readonly envIndex: number
  readonly envX: number
  readonly envW: number
  /** Sinks in drawing order, how many share a row, and each one's width. */
  readonly sinks: readonly StageNode[]
  readonly sinkPerRow: number
  readonly sinkW: number
  /** Left edge of the boxes (past the skip lane on phones), and the width they share. */
  readonly left: number
  readonly inner: number
  /** Horizontal: width of one weight unit. */
  readonly unit: number
  readonly rowGap: number
}

/** The stage's columns at `width` (or a default width). */
export function frameOf(stage: StageModel, orientation: Orientation, width?: number): Frame {
  const horizontal = orientation === 'horizontal'
  const W =
    width ?? (horizontal ? Math.max(minHorizontalWidth(stage), DEFAULT_WIDTH.horizontal) : DEFAULT_WIDTH.vertical)
  const columns = pipelineColumns(stage)
  const weights = weightsOf(stage, columns)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  const sinks = stage.nodes.filter(isSink).sort((a, b) => a.column - b.column || a.row - b.row)
  const envNode = stage.nodes.find((n) => n.kind === 'environments')
  // Phones keep a lane on the left only when some arrow has to skip past boxes.
  const skips =
    stage.edges.some(([from, to]) => sinks.some((k) => k.id === to) && from !== envNode?.id) ||
    sinks.length > SINKS_PER_ROW_V ||
    columns.some((c) => stage.nodes.filter((n) => n.column === c && !isSink(n)).length > 1)
  const left = horizontal || !skips ? STAGE_PAD : STAGE_PAD + SKIP_LANE_W
  const inner = W - left - STAGE_PAD
  const unit = horizontal ? (inner - COL_GAP * Math.max(0, columns.length - 1)) / Math.max(1, totalWeight) : 0
  const colX: number[] = []
  const colW: number[] = []
  let cx = left
  weights.forEach((weight) => {
    const w = horizontal ? unit * weight : inner
    colX.push(cx)
    colW.push(w)
    if (horizontal) cx += w + COL_GAP
  })
  const envIndex = envNode ? columns.indexOf(envNode.column) : -1
  const envX = colX[envIndex] ?? left
  const envW = colW[envIndex] ?? inner
  // Sink widths (horizontal: one unit each or more, right-aligned; vertical: two per row).
  const n = sinks.length
  const sinkPerRow = horizontal ? Math.max(1, n) : Math.min(SINKS_PER_ROW_V, Math.max(1, n))
  const sinkW = horizontal
    ? Math.min(
        Math.max(unit, envW / Math.max(1, Math.min(SINKS_UNDER_ENVS, n)) - (n > 1 ? COL_GAP / 2 : 0)),
        (inner - COL_GAP * (n - 1)) / Math.max(1, n),
      )
    : (inner - SINK_GAP_V * (sinkPerRow - 1)) / sinkPerRow
  const rowGap = ROW_GAP[orientation]
  return {
    horizontal,
    orientation,
    width: W,
    columns,
    colX,
    colW,
    envNode,
    envIndex,
    envX,
    envW,
    sinks,
    sinkPerRow,
    sinkW,
    left,
    inner,
    unit,
    rowGap,
  }
}
