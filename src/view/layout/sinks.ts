import type { StageModel } from '../../engine'
import type { Frame } from './columns'
import { BUS_GAP, BUS_STEP, COL_GAP, NODE_PAD, PITCH, SINK_GAP_V, SINK_ROWS, STAGE_PAD } from './metrics'
import type { Placed } from './types'

/** Edges from the pipeline (not from the environments) into a sink: each gets its own bus lane. */
export function pipeToSinks(stage: StageModel, f: Frame): (readonly [string, string])[] {
  const sink = (id: string) => f.sinks.some((s) => s.id === id)
  return stage.edges.filter(([from, to]) => sink(to) && !sink(from) && from !== f.envNode?.id)
}

/**
 * The sinks under the pipeline, past a gap that holds the arrows' bus lanes: one right-aligned
 * row on wide screens, two by two on phones. Also the stage's height.
 */
export function placeSinks(
  stage: StageModel,
  f: Frame,
  mainBottom: number,
  sinkHead: number,
): { placed: Placed[]; sinkY0: number; height: number } {
  const { sinks, sinkW, sinkPerRow } = f
  const buses = pipeToSinks(stage, f).length
  const sinkY0 = mainBottom + (sinks.length === 0 ? 0 : BUS_GAP + BUS_STEP[f.orientation] * Math.max(0, buses))
  const sinkH = sinkHead + SINK_ROWS * PITCH + NODE_PAD
  // Phones: the bus lanes to a lower row of sinks run between the rows.
  const rowStep = f.rowGap + BUS_STEP.vertical * buses
  const placed: Placed[] = sinks.map((node, k) => {
    if (f.horizontal) {
      const right = f.width - STAGE_PAD
      const x = right - (sinks.length - k) * sinkW - (sinks.length - 1 - k) * COL_GAP
      return { node, box: { x, y: sinkY0, w: sinkW, h: sinkH }, rows: SINK_ROWS }
    }
    const r = Math.floor(k / sinkPerRow)
    const c = k % sinkPerRow
    const box = { x: f.left + c * (sinkW + SINK_GAP_V), y: sinkY0 + r * (sinkH + rowStep), w: sinkW, h: sinkH }
    return { node, box, rows: SINK_ROWS }
  })
  const sinkRows = Math.ceil(sinks.length / sinkPerRow)
  const height =
    sinks.length === 0 ? mainBottom + STAGE_PAD : sinkY0 + sinkRows * sinkH + (sinkRows - 1) * rowStep + STAGE_PAD
  return { placed, sinkY0, height }
}
