import type { StageModel } from '../../engine'
import { cardGrid, envsNote, placeCards } from './cards'
import { frameOf, isSink } from './columns'
import { routeEdges } from './edges'
import { fillNode } from './fill'
import { placeGauge } from './gauge'
import { linkHolds } from './holds'
import { MIN_STAGE_H, SINK_BADGE_ROOM } from './metrics'
import { headFor, nodeTexts, occupantsOf, placePipeline } from './nodes'
import { placePollers } from './pollers'
import { placeReplies } from './replies'
import { placeSinks } from './sinks'
import type { Box, Orientation, StageLayout } from './types'

/**
 * Pure layout of a StageModel in SVG user units at `width` logical units (see `logicalWidth`):
 * where each node, environment card, token, hold, lane and arrow goes. Nothing here decides what
 * happens; it only places what the engine describes. Each step is a module of this folder.
 */
export function layoutStage(stage: StageModel, orientation: Orientation = 'horizontal', width?: number): StageLayout {
  // The columns, every node's words, and what sits where.
  const f = frameOf(stage, orientation, width)
  const texts = nodeTexts(stage, f)
  const occ = occupantsOf(stage)
  const pipeNodes = stage.nodes.filter((n) => !isSink(n))
  const pipeHead = headFor(texts, pipeNodes)
  // A sink's one row of tokens carries their badges (a receive count "×3" on a deleted message): its
  // words end higher by SINK_BADGE_ROOM, so the badges above the row stay clear of them.
  const sinkHead = headFor(texts, f.sinks) + SINK_BADGE_ROOM
  const envHead = headFor(texts, f.envNode ? [f.envNode] : [])
  // The band at the top (gauge, latest answer), then the boxes under it: pipeline, then sinks.
  const { gauge, height: gaugeHeight } = placeGauge(stage.gauge, f)
  const { replyBand, reply, top } = placeReplies(stage, f, gaugeHeight)
  const grid = cardGrid(stage, f.envW, orientation, occ.tokensOf, envHead)
  const pipe = placePipeline(stage, f, { texts, pipeHead, envBoxH: grid.boxH, top, band: replyBand !== null }, occ)
  const sinks = placeSinks(stage, f, pipe.mainBottom, sinkHead)
  const placed = [...pipe.placed, ...sinks.placed]
  const boxes: Record<string, Box> = {}
  for (const p of placed) boxes[p.node.id] = p.box
  // What is drawn inside the boxes: tokens, holds and lanes in the nodes, cards in the environments.
  const filled = placed.map((p) => fillNode(p, { horizontal: f.horizontal, texts, pipeHead, sinkHead, occ, stage }))
  const envBox = f.envNode ? boxes[f.envNode.id] : undefined
  const cards = envBox ? placeCards(grid, envBox, envHead, occ.tokensOf) : { envs: [], tokens: [] }
  const tokens = [...filled.flatMap((n) => n.tokens), ...cards.tokens]
  // Last the lines between them: arrows between boxes, connection lines from holds to their tokens.
  const route = { boxes, order: pipe.placed.map((p) => p.node.id), mainBottom: pipe.mainBottom, sinkY0: sinks.sinkY0 }
  const holdPlaces = filled.flatMap((n) => n.holds)
  const holds = linkHolds(holdPlaces, tokens, f.horizontal ? undefined : envBox)
  return {
    width: f.width,
    height: Math.max(sinks.height, MIN_STAGE_H),
    nodes: filled.map((n) => n.layout),
    envs: cards.envs,
    envsHidden: grid.hidden,
    envsHiddenTokens: grid.hiddenTokens,
    ...envsNote(grid, envBox),
    tokens,
    edges: routeEdges(stage, f, route),
    gauge,
    holds,
    lanes: filled.flatMap((n) => n.lanes),
    replyBand,
    reply,
    pollers: placePollers(stage, boxes, f.horizontal),
  }
}
