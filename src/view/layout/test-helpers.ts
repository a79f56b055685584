import { expect } from 'vitest'
import { advance, createSim, selectStage } from '../../engine'
import type { StageModel } from '../../engine'
import { parseScenario, PRESETS } from '../../scenarios'
import { isSink, logicalWidth, minHorizontalWidth } from './columns'
import {
  DETAIL_CHAR,
  LABEL_CHAR,
  LANE_TEXT_PAD,
  MAX_LINES,
  NODE_PAD,
  PITCH,
  POLLER,
  REPLY_CHAR,
  REPLY_TEXT_X,
  SMALL_BOLD_CHAR,
  BOTTOM_SLOT,
  RECEIVES_MARK,
  TIMED_PITCH,
  TOKEN_R,
} from './metrics'
import { headOf } from './nodes'
import { layoutStage } from './stage'
import type { Box, Point, StageLayout } from './types'

/** A sync scenario (60 requests, 2 s each, unless `raw` says otherwise) after `steps` steps. */
export function stageAt(steps: number, raw: Record<string, unknown> = {}): StageModel {
  const r = parseScenario({
    version: 1,
    model: 'sync',
    workload: [{ atMs: 0, count: 60, everyMs: 10 }],
    function: { durationMs: 2000 },
    ...raw,
  })
  if (!r.ok) throw new Error('invalid')
  return selectStage(advance(createSim(r.scenario), { steps, collect: false }).state)
}

export const presetAt = (id: string, steps: number): StageModel =>
  selectStage(advance(createSim(PRESETS.find((p) => p.id === id)!.scenario), { steps, collect: false }).state)

/** The stage wide (1232 px) and on a phone (348 px), as the app lays them out. */
export const both = (stage: StageModel): StageLayout[] => [
  layoutStage(stage, 'horizontal', logicalWidth(1232, 'horizontal', minHorizontalWidth(stage))),
  layoutStage(stage, 'vertical', logicalWidth(348, 'vertical', 0)),
]

/** Points along an edge path (M / L / Q / C commands with absolute coordinates), sampled. */
function pathPoints(d: string): Point[] {
  const nums = d.match(/[MLQC]|-?\d+(?:\.\d+)?/g)!
  const pts: Point[] = []
  const buf: number[] = []
  const flush = () => {
    for (let i = 0; i + 1 < buf.length; i += 2) pts.push({ x: buf[i]!, y: buf[i + 1]! })
    buf.length = 0
  }
  for (const t of nums) {
    if (/[MLQC]/.test(t)) flush()
    else buf.push(Number(t))
  }
  flush()
  const out: Point[] = []
  for (let i = 1; i < pts.length; i++)
    for (let k = 0; k <= 20; k++)
      out.push({
        x: pts[i - 1]!.x + ((pts[i]!.x - pts[i - 1]!.x) * k) / 20,
        y: pts[i - 1]!.y + ((pts[i]!.y - pts[i - 1]!.y) * k) / 20,
      })
  return out
}

const inside = (p: Point, b: Box, m = 2) => p.x > b.x + m && p.x < b.x + b.w - m && p.y > b.y + m && p.y < b.y + b.h - m
export const apart = (a: Box, b: Box): boolean =>
  a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
/** A token-sized cell centred at p lies inside b. */
const cellIn = (p: Point, b: Box) =>
  p.x - TOKEN_R >= b.x && p.x + TOKEN_R <= b.x + b.w && p.y - TOKEN_R >= b.y && p.y + TOKEN_R <= b.y + b.h

/** Nodes apart and inside the drawing, arrows through no other box, labels that fit, then checkConversations. */
export function checkLayout(l: StageLayout, name: string, stage?: StageModel): void {
  const boxes = [
    ...l.nodes.map((n) => ({ id: n.node.id, box: n as Box })),
    ...l.envs.map((e) => ({ id: `env:${e.env.id}`, box: e as Box })),
  ]
  for (let i = 0; i < l.nodes.length; i++) {
    const a = l.nodes[i]!
    expect(a.x, name).toBeGreaterThanOrEqual(0)
    expect(a.x + a.w, name).toBeLessThanOrEqual(l.width + 0.01)
    expect(a.y + a.h, name).toBeLessThanOrEqual(l.height)
    for (let j = i + 1; j < l.nodes.length; j++)
      expect(apart(a, l.nodes[j]!), `${name}: ${a.node.id} / ${l.nodes[j]!.node.id}`).toBe(true)
  }
  // Arrows cross no box but their own ends (an environment card is inside the environments node).
  for (const e of l.edges)
    for (const p of pathPoints(e.d))
      for (const b of boxes) {
        if (b.id === e.from || b.id === e.to) continue
        expect(inside(p, b.box), `${name}: edge ${e.from}>${e.to} crosses ${b.id} at ${p.x},${p.y}`).toBe(false)
      }
  // Labels fit their box at the estimated glyph widths, in whole words.
  for (const n of l.nodes) {
    const room = n.w - 2 * NODE_PAD + 0.01
    for (const line of n.labelLines) expect(line.length * LABEL_CHAR, `${name}: ${line}`).toBeLessThanOrEqual(room)
    for (const line of n.detailLines) expect(line.length * DETAIL_CHAR, `${name}: ${line}`).toBeLessThanOrEqual(room)
    const shown = n.labelLines.join(' ').replace(/…$/, '')
    expect(shown, name).toBe(n.node.label.slice(0, shown.length))
  }
  checkConversations(l, name, stage)
}

/** Holds, lanes and the answer band stay inside their boxes; the poison record is always drawn. */
function checkConversations(l: StageLayout, name: string, stage?: StageModel): void {
  const nodeOf = (id: string) => l.nodes.find((n) => n.node.id === id)!
  for (const h of l.holds)
    expect(cellIn(h, nodeOf(h.hold.node)), `${name}: hold ${h.hold.token} outside ${h.hold.node}`).toBe(true)
  expect(l.holds.filter((h) => h.target !== null).length).toBeLessThanOrEqual(MAX_LINES)
  for (const lane of l.lanes) {
    const box = nodeOf(lane.node)
    const within =
      lane.x >= box.x &&
      lane.x + lane.w <= box.x + box.w + 0.01 &&
      lane.y >= box.y &&
      lane.y + lane.h <= box.y + box.h + 0.01
    expect(within, `${name}: lane ${lane.lane.id} outside ${lane.node}`).toBe(true)
    if (lane.blockedX !== null) expect(lane.blockedX, name).toBeLessThanOrEqual(lane.x + lane.w)
    if (lane.more) expect(cellIn(lane.more, lane), `${name}: lane ${lane.lane.id} +K outside its row`).toBe(true)
    if (lane.labelText)
      expect(lane.labelText.length * SMALL_BOLD_CHAR + LANE_TEXT_PAD, name).toBeLessThanOrEqual(lane.w - 2 * PITCH)
  }
  // Tokens and holds of a lane node sit in one of its lane rows, never on top of each other.
  const laneTokens = [
    ...l.tokens.filter((t) => l.lanes.some((r) => r.node === t.token.node)),
    ...l.holds.filter((h) => l.lanes.some((r) => r.node === h.hold.node)),
  ]
  for (const t of laneTokens)
    expect(
      l.lanes.some((r) => cellIn(t, r)),
      `${name}: ${'token' in t ? t.token.id : t.hold.token} outside its lane`,
    ).toBe(true)
  // A countdown's readout under a token clears the badges ("!", "×N") of the token below it, and its box.
  const inGrid = [
    ...l.tokens.filter((t) => t.token.env === null).map((t) => ({ node: t.token.node, until: t.token.until, at: t })),
    ...l.holds.map((h) => ({ node: h.hold.node, until: h.hold.until, at: h })),
  ].filter((g) => !l.lanes.some((r) => r.node === g.node))
  for (const a of inGrid) {
    if (a.until === null) continue
    const box = nodeOf(a.node)
    expect(a.at.y + BOTTOM_SLOT + 20, `${name}: a countdown under ${a.node}'s box`).toBeLessThanOrEqual(box.y + box.h)
    for (const b of inGrid)
      if (b.node === a.node && Math.abs(b.at.x - a.at.x) < 1 && b.at.y > a.at.y)
        expect(b.at.y - a.at.y, `${name}: a countdown over the token below it in ${a.node}`).toBeGreaterThanOrEqual(
          TIMED_PITCH - 0.01,
        )
  }
  // A sink's badges above its row ("×3" on a deleted message) stay clear of the sink's words.
  for (const t of l.tokens) {
    const box = l.nodes.find((n) => n.node.id === t.token.node)
    if (!box || !isSink(box.node) || t.token.env !== null) continue
    const words = box.y + headOf(box.labelLines.length, box.detailLines.length)
    expect(
      t.y + RECEIVES_MARK.y - RECEIVES_MARK.h / 2,
      `${name}: a badge over ${box.node.id}'s words`,
    ).toBeGreaterThanOrEqual(words - 0.01)
  }
  const spots = [...l.tokens, ...l.holds].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)
  expect(new Set(spots).size, `${name}: two things drawn in one cell`).toBe(spots.length)
  // The record that makes its batch fail is drawn, never counted in "+K".
  for (const t of stage?.tokens ?? [])
    if (t.poison && t.env === null)
      expect(
        l.tokens.some((d) => d.token.id === t.id),
        `${name}: poison ${t.id} not drawn`,
      ).toBe(true)
  // The pollers strip sits inside the mapping's box, under everything else drawn there.
  if (l.pollers) {
    const s = l.pollers.box
    const esm = nodeOf('poller')
    expect(s.y >= esm.y && s.y + s.h <= esm.y + esm.h + 0.01, `${name}: pollers outside the mapping`).toBe(true)
    for (const t of [...l.tokens, ...l.holds])
      if (t.x > esm.x && t.x < esm.x + esm.w && t.y > esm.y && t.y < esm.y + esm.h)
        expect(t.y + TOKEN_R, `${name}: a token over the pollers`).toBeLessThanOrEqual(s.y)
    for (const g of l.pollers.glyphs) expect(g.x + POLLER.glyph / 2, name).toBeLessThanOrEqual(esm.x + esm.w - NODE_PAD)
  }
  if (l.replyBand) {
    const b = l.replyBand
    expect(b.x >= 0 && b.x + b.w <= l.width, name).toBe(true)
    for (const n of l.nodes) expect(apart(b, n), `${name}: answer band over ${n.node.id}`).toBe(true)
    expect(apart(b, l.gauge), `${name}: answer band over the gauge`).toBe(true)
    for (const line of l.reply?.lines ?? [])
      expect(line.length * REPLY_CHAR, `${name}: ${line}`).toBeLessThanOrEqual(b.w - 2 * REPLY_TEXT_X + 0.01)
  }
}
