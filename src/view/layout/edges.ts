import type { StageModel } from '../../engine'
import type { Frame } from './columns'
import {
  ARROW_GAP,
  BUS_STEP,
  BUS_TOP,
  EDGE_Y_BOTTOM,
  EDGE_Y_TOP,
  ENV_BUS_ABOVE,
  ENV_EDGE_INSET,
  SKIP_BUS_ABOVE,
  SKIP_FROM_Y,
  SKIP_LANE_STEP,
  SKIP_LANE_X,
  SKIP_LANES,
  SKIP_Y,
  STAGE_PAD,
} from './metrics'
import { edgePath, orthoPath } from './paths'
import { pipeToSinks } from './sinks'
import type { Box, EdgeLayout } from './types'

/** What the arrows are routed around: every box, the pipeline's order and bottom, the sinks' top. */
interface Route {
  readonly boxes: Readonly<Record<string, Box>>
  /** Pipeline node ids in placing order (phones: top to bottom). */
  readonly order: readonly string[]
  readonly mainBottom: number
  readonly sinkY0: number
}

/** Where the sink arrows go: which come into each sink, which leave each source, and each one's bus lane. */
interface SinkFan {
  readonly incoming: Readonly<Record<string, string[]>>
  readonly outgoing: Readonly<Record<string, string[]>>
  readonly lane: Readonly<Record<string, number>>
}

function sinkFan(stage: StageModel, f: Frame, sinkIds: ReadonlySet<string>): SinkFan {
  const incoming: Record<string, string[]> = {}
  const outgoing: Record<string, string[]> = {}
  for (const [from, to] of stage.edges) {
    if (!sinkIds.has(to) || sinkIds.has(from)) continue
    ;(incoming[to] ??= []).push(from)
    ;(outgoing[from] ??= []).push(to)
  }
  const lane: Record<string, number> = {}
  pipeToSinks(stage, f).forEach(([from, to], k) => (lane[`${from}>${to}`] = k))
  return { incoming, outgoing, lane }
}

/**
 * Into a sink from above: arrive at the sink's top, spread when several come in. Wide screens (and
 * the environments into the first row of sinks): down from the source to a bus above the sink.
 * Phones, anything else: out of the source's left side, down the skip lane, over to the sink.
 */
function sinkEdge(f: Frame, r: Route, fan: SinkFan, from: string, to: string, a: Box, b: Box): string {
  // sinkFan lists every arrow into a sink, this one included.
  const ins = fan.incoming[to] ?? [from]
  const tx = b.x + (b.w * (ins.indexOf(from) + 1)) / (ins.length + 1)
  const outs = fan.outgoing[from] ?? [to]
  const lane = fan.lane[`${from}>${to}`] ?? 0
  const firstRow = f.horizontal || b.y <= r.sinkY0 + 0.5
  const fromEnvs = from === f.envNode?.id && firstRow
  if (fromEnvs || f.horizontal) {
    const sx = fromEnvs
      ? Math.min(a.x + a.w - ENV_EDGE_INSET, Math.max(a.x + ENV_EDGE_INSET, tx))
      : a.x + (a.w * (outs.indexOf(to) + 1)) / (outs.length + 1)
    const busY = fromEnvs ? b.y - ENV_BUS_ABOVE : r.mainBottom + BUS_TOP + lane * BUS_STEP.horizontal
    return orthoPath([
      { x: sx, y: a.y + a.h },
      { x: sx, y: busY },
      { x: tx, y: busY },
      { x: tx, y: b.y - ARROW_GAP },
    ])
  }
  const laneX = STAGE_PAD + SKIP_LANE_X + (lane % SKIP_LANES) * SKIP_LANE_STEP
  const sy = a.y + SKIP_FROM_Y + lane * BUS_STEP.vertical
  const busY = b.y - SKIP_BUS_ABOVE - lane * BUS_STEP.vertical
  return orthoPath([
    { x: a.x, y: sy },
    { x: laneX, y: sy },
    { x: laneX, y: busY },
    { x: tx, y: busY },
    { x: tx, y: b.y - ARROW_GAP },
  ])
}

/**
 * Between pipeline boxes. Wide: side by side; boxes whose tops differ (the columns beside the gauge
 * start higher) still get a straight arrow when one height lies well inside both. Phones: straight
 * down when b is right under a, else through the left lane.
 */
function pipeEdge(f: Frame, r: Route, from: string, to: string, a: Box, b: Box): string {
  if (f.horizontal) {
    const ya = a.y + Math.min(a.h / 2, EDGE_Y_TOP)
    const yb = b.y + Math.min(b.h / 2, EDGE_Y_TOP)
    const y = Math.max(ya, yb)
    const straight = y <= a.y + a.h - EDGE_Y_BOTTOM && y <= b.y + b.h - EDGE_Y_BOTTOM
    return edgePath(a, b, f.orientation, straight ? y : ya, straight ? y : yb)
  }
  const ia = r.order.indexOf(from)
  const ib = r.order.indexOf(to)
  if (ib === ia + 1 || Math.abs(b.y - (a.y + a.h + f.rowGap)) < 1) return edgePath(a, b, 'vertical')
  const laneX = STAGE_PAD + SKIP_LANE_X
  return orthoPath([
    { x: a.x, y: a.y + SKIP_Y },
    { x: laneX, y: a.y + SKIP_Y },
    { x: laneX, y: b.y + SKIP_Y },
    { x: b.x - ARROW_GAP, y: b.y + SKIP_Y },
  ])
}

/** Every arrow of the stage, routed so that it crosses no box but its own ends. */
export function routeEdges(stage: StageModel, f: Frame, r: Route): EdgeLayout[] {
  const sinkIds = new Set(f.sinks.map((s) => s.id))
  const fan = sinkFan(stage, f, sinkIds)
  const edges: EdgeLayout[] = []
  for (const [from, to] of stage.edges) {
    const a = r.boxes[from]
    const b = r.boxes[to]
    if (!a || !b) continue
    const d =
      sinkIds.has(to) && !sinkIds.has(from) ? sinkEdge(f, r, fan, from, to, a, b) : pipeEdge(f, r, from, to, a, b)
    edges.push({ from, to, d })
  }
  return edges
}
