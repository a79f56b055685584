import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../engine'
import { parseScenario } from '../scenarios'
import { PRESETS } from '../scenarios'
import type { StageModel } from '../engine'
import type { Box, StageLayout } from './geometry'
import {
  batchLabel,
  edgePath,
  hiddenEnvsLabel,
  layoutStage,
  logicalWidth,
  MAX_LINES,
  minHorizontalWidth,
  orthoPath,
  progress,
  visibleCount,
  visibleEnvs,
  wrapText,
} from './geometry'
import { knobValue, withKnob, knobsFor } from './knobs'
import { sparkPath } from './sparkPath'

function stageAt(steps: number, raw: Record<string, unknown> = {}) {
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

describe('geometry', () => {
  it('visibleCount keeps a cell for "+K" only when tokens overflow', () => {
    expect(visibleCount(5, 3, 2)).toBe(5)
    expect(visibleCount(6, 3, 2)).toBe(6)
    expect(visibleCount(7, 3, 2)).toBe(5)
  })

  it('progress is clamped and handles unknown ends', () => {
    expect(progress(50, 0, 100)).toBe(0.5)
    expect(progress(-5, 0, 100)).toBe(0)
    expect(progress(500, 0, 100)).toBe(1)
    expect(progress(5, 10, null)).toBe(0)
    expect(progress(10, 10, 10)).toBe(1)
  })

  it('wrapText wraps on words, never cuts a word, and marks a cut after a whole word', () => {
    expect(wrapText('Lambda Invoke API', 10, 2)).toEqual(['Lambda', 'Invoke API'])
    const lines = wrapText('one two three four five six seven', 9, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
    for (const l of lines)
      for (const w of l.replace('…', '').split(' ')) expect('one two three four five six seven'.split(' ')).toContain(w)
    expect(wrapText('', 10, 2)).toEqual([])
    // Long identifiers break only at designed places (camelCase, "=").
    expect(wrapText('messageRetentionPeriod 345600 s', 16, 3)).toEqual(['messageRetention', 'Period 345600 s'])
    expect(wrapText('InvocationType=Event', 16, 3)).toEqual(['InvocationType=', 'Event'])
  })

  it('logicalWidth keeps 1:1 in the comfortable range, a minimum below it and scales up beyond', () => {
    expect(logicalWidth(1200, 'horizontal', 1000)).toBe(1200)
    expect(logicalWidth(700, 'horizontal', 1000)).toBe(1000)
    expect(logicalWidth(2400, 'horizontal', 1000)).toBe(1360)
    expect(logicalWidth(360, 'vertical', 1000)).toBe(360)
  })

  it('lays out every node inside the stage without overlaps, left to right', () => {
    const stage = stageAt(40)
    const l = layoutStage(stage)
    expect(l.width).toBeGreaterThanOrEqual(minHorizontalWidth(stage))
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.x + n.w).toBeLessThanOrEqual(l.width)
      expect(n.y + n.h).toBeLessThanOrEqual(l.height)
    }
    const xs = l.nodes.map((n) => n.x)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs.slice().sort((a, b) => a - b))
    for (let i = 0; i < l.nodes.length; i++)
      for (let j = i + 1; j < l.nodes.length; j++) {
        const a = l.nodes[i]!
        const b = l.nodes[j]!
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
        expect(apart).toBe(true)
      }
  })

  it('draws at most the visible tokens, counts the rest, and places running ones in their environment', () => {
    const stage = stageAt(60)
    const l = layoutStage(stage)
    const drawn = new Set(l.tokens.map((t) => t.token.id))
    expect(drawn.size).toBe(l.tokens.length)
    const hiddenOnNodes = l.nodes.reduce((s, n) => s + n.hidden - n.node.count, 0)
    const hiddenInEnvs = l.envs.reduce((s, e) => s + e.hidden, 0)
    const undrawnEnvTokens = stage.tokens.filter(
      (t) => t.env !== null && !l.envs.some((e) => e.env.id === t.env),
    ).length
    expect(undrawnEnvTokens).toBe(l.envsHiddenTokens)
    expect(l.tokens.length + hiddenOnNodes + hiddenInEnvs + undrawnEnvTokens).toBe(stage.tokens.length)
    for (const t of l.tokens.filter((x) => x.token.env !== null)) {
      const box = l.envs.find((e) => e.env.id === t.token.env)!
      expect(t.x).toBeGreaterThan(box.x)
      expect(t.x).toBeLessThan(box.x + box.w)
    }
    expect(l.envs.length + l.envsHidden).toBe(stage.envs.length)
  })

  it('keeps live environments before reclaimed ones when there are too many', () => {
    const envs = stageAt(60).envs
    expect(visibleEnvs(envs, 5)).toHaveLength(Math.min(5, envs.length))
  })

  it('vertical layout stacks columns top to bottom', () => {
    const l = layoutStage(stageAt(10), 'vertical', 420)
    expect(l.width).toBe(420)
    const ys = l.nodes.map((n) => n.y)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
    expect(edgePath({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 50, w: 10, h: 10 }, 'vertical')).toBe('M 5 10 L 5 44')
  })
})

/** Points along an edge path (M / L / Q / C commands with absolute coordinates), sampled. */
function pathPoints(d: string): { x: number; y: number }[] {
  const nums = d.match(/[MLQC]|-?\d+(?:\.\d+)?/g)!
  const pts: { x: number; y: number }[] = []
  let cmd = ''
  const buf: number[] = []
  const flush = () => {
    for (let i = 0; i + 1 < buf.length; i += 2) pts.push({ x: buf[i]!, y: buf[i + 1]! })
    buf.length = 0
  }
  for (const t of nums) {
    if (/[MLQC]/.test(t)) {
      flush()
      cmd = t
    } else buf.push(Number(t))
  }
  flush()
  void cmd
  const out: { x: number; y: number }[] = []
  for (let i = 1; i < pts.length; i++)
    for (let k = 0; k <= 20; k++)
      out.push({
        x: pts[i - 1]!.x + ((pts[i]!.x - pts[i - 1]!.x) * k) / 20,
        y: pts[i - 1]!.y + ((pts[i]!.y - pts[i - 1]!.y) * k) / 20,
      })
  return out
}

const inside = (p: { x: number; y: number }, b: Box, m = 2) =>
  p.x > b.x + m && p.x < b.x + b.w - m && p.y > b.y + m && p.y < b.y + b.h - m
const apart = (a: Box, b: Box) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y

function checkLayout(l: StageLayout, name: string, stage?: StageModel) {
  const boxes = [
    ...l.nodes.map((n) => ({ id: n.node.id, box: n as Box })),
    ...l.envs.map((e) => ({ id: `env:${e.env.id}`, box: e as Box })),
  ]
  // Nodes never overlap each other, and every node is inside the drawing.
  for (let i = 0; i < l.nodes.length; i++) {
    const a = l.nodes[i]!
    expect(a.x, name).toBeGreaterThanOrEqual(0)
    expect(a.x + a.w, name).toBeLessThanOrEqual(l.width + 0.01)
    expect(a.y + a.h, name).toBeLessThanOrEqual(l.height)
    for (let j = i + 1; j < l.nodes.length; j++)
      expect(apart(a, l.nodes[j]!), `${name}: ${a.node.id} / ${l.nodes[j]!.node.id}`).toBe(true)
  }
  // Arrows cross no box but their own ends (an environment card is inside the environments node).
  for (const e of l.edges) {
    for (const p of pathPoints(e.d)) {
      for (const b of boxes) {
        if (b.id === e.from || b.id === e.to) continue
        expect(inside(p, b.box), `${name}: edge ${e.from}>${e.to} crosses ${b.id} at ${p.x},${p.y}`).toBe(false)
      }
    }
  }
  // Labels fit their box at the estimated glyph widths, in whole words.
  for (const n of l.nodes) {
    for (const line of n.labelLines) expect(line.length * 11, `${name}: ${line}`).toBeLessThanOrEqual(n.w - 24 + 0.01)
    for (const line of n.detailLines) expect(line.length * 8.9, `${name}: ${line}`).toBeLessThanOrEqual(n.w - 24 + 0.01)
    expect(n.labelLines.join(' ').replace(/…$/, ''), name).toBe(
      n.node.label.slice(0, n.labelLines.join(' ').replace(/…$/, '').length).replace(/(\S)(?=\S)/g, '$1'),
    )
  }
  checkConversations(l, name, stage)
}

/** Holds, lanes and the answer band stay inside their boxes; the poison record is always drawn. */
function checkConversations(l: StageLayout, name: string, stage?: StageModel) {
  const nodeOf = (id: string) => l.nodes.find((n) => n.node.id === id)!
  const cellIn = (p: { x: number; y: number }, b: Box) =>
    p.x - 18 >= b.x && p.x + 18 <= b.x + b.w && p.y - 18 >= b.y && p.y + 18 <= b.y + b.h
  for (const h of l.holds)
    expect(cellIn(h, nodeOf(h.hold.node)), `${name}: hold ${h.hold.token} outside ${h.hold.node}`).toBe(true)
  expect(l.holds.filter((h) => h.target !== null).length).toBeLessThanOrEqual(MAX_LINES)
  for (const lane of l.lanes) {
    const box = nodeOf(lane.node)
    expect(
      lane.x >= box.x &&
        lane.x + lane.w <= box.x + box.w + 0.01 &&
        lane.y >= box.y &&
        lane.y + lane.h <= box.y + box.h + 0.01,
      `${name}: lane ${lane.lane.id} outside ${lane.node}`,
    ).toBe(true)
    if (lane.blockedX !== null) expect(lane.blockedX, name).toBeLessThanOrEqual(lane.x + lane.w)
    if (lane.more) expect(cellIn(lane.more, lane), `${name}: lane ${lane.lane.id} +K outside its row`).toBe(true)
    if (lane.labelText) expect(lane.labelText.length * 9.8 + 10, name).toBeLessThanOrEqual(lane.w - 2 * 46)
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
  const spots = [...l.tokens, ...l.holds].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)
  expect(new Set(spots).size, `${name}: two things drawn in one cell`).toBe(spots.length)
  // The record that makes its batch fail is drawn, never counted in "+K".
  if (stage)
    for (const t of stage.tokens)
      if (t.poison && t.env === null)
        expect(
          l.tokens.some((d) => d.token.id === t.id),
          `${name}: poison ${t.id} not drawn`,
        ).toBe(true)
  if (l.replyBand) {
    const b = l.replyBand
    expect(b.x >= 0 && b.x + b.w <= l.width, name).toBe(true)
    for (const n of l.nodes) expect(apart(b, n), `${name}: answer band over ${n.node.id}`).toBe(true)
    expect(apart(b, l.gauge), `${name}: answer band over the gauge`).toBe(true)
    if (l.reply)
      for (const line of l.reply.lines)
        expect(line.length * 9.4, `${name}: ${line}`).toBeLessThanOrEqual(b.w - 24 + 0.01)
  }
}

describe('the conversations drawn (issue 10 item 5)', () => {
  const presetAt = (id: string, steps: number) =>
    selectStage(advance(createSim(PRESETS.find((p) => p.id === id)!.scenario), { steps, collect: false }).state)
  const both = (stage: StageModel) => [
    layoutStage(stage, 'horizontal', logicalWidth(1232, 'horizontal', minHorizontalWidth(stage))),
    layoutStage(stage, 'vertical', logicalWidth(348, 'vertical', 0)),
  ]

  it('§1.1 sync: the caller draws a hold per open request with a line to the running token', () => {
    const stage = presetAt('sync-basics', 4)
    expect(stage.holds.length).toBeGreaterThan(0)
    const [wide, phone] = both(stage)
    expect(wide!.holds.map((h) => h.toEdge)).not.toContain(true)
    expect(phone!.holds.map((h) => h.toEdge)).not.toContain(false)
    for (const l of both(stage)) {
      expect(l.holds.map((h) => h.hold.token).sort()).toEqual(stage.holds.map((h) => h.token).sort())
      const envs = l.nodes.find((n) => n.node.kind === 'environments')!
      for (const h of l.holds) {
        const t = l.tokens.find((x) => x.token.id === h.hold.token)!
        // Wide: the line ends at the token; phones: at the environments' top edge above it.
        expect(h.target).toEqual(h.toEdge ? { x: t.x, y: envs.y - 6 } : { x: t.x, y: t.y })
      }
    }
  })

  it('§1.4 sync: a 429 answer and its Reason fit the answer band whole, wide and on a phone', () => {
    let s = createSim(PRESETS.find((p) => p.id === 'sync-throttled')!.scenario)
    s = advance(s, { steps: 8, collect: false }).state
    const stage = selectStage(s)
    expect(stage.replies[0]?.code).toBe('429')
    for (const l of both(stage)) {
      expect(l.reply!.lines.join(' ')).toContain('ReservedFunction')
      expect(l.reply!.lines.join('')).not.toContain('…')
    }
  })

  it('§4.3 a shard with many records behind its poison record draws the poison first, then the blocked marker', () => {
    const raw = {
      model: 'kinesis',
      function: { initDurationMs: 0, durationMs: 100 },
      workload: [
        { count: 1, fail: 'always', idPrefix: 'poison', partitionKey: 'k' },
        { atMs: 10, count: 40, partitionKey: 'k' },
      ],
      stream: { shards: 1, batchSize: 100 },
    }
    const r = parseScenario({ version: 1, ...raw })
    if (!r.ok) throw new Error('invalid')
    const stage = selectStage(advance(createSim(r.scenario), { until: 3000, collect: false }).state)
    for (const l of both(stage)) {
      const lane = l.lanes[0]!
      expect(lane.lane.blocked).toBe(true)
      const first = l.tokens.filter((t) => t.token.node === 'shard-1').sort((a, b) => a.y - b.y || a.x - b.x)[0]!
      expect([first.token.id, first.token.poison]).toEqual(['poison-1', true])
      expect(lane.blockedX).not.toBeNull()
      expect(lane.hidden).toBeGreaterThan(0)
      checkLayout(l, 'poison shard', stage)
    }
  })

  it('§4.2 FIFO groups are lanes, one row each, their tokens in send order', () => {
    const stage = presetAt('sqs-fifo-blocked-group', 12)
    for (const l of both(stage)) {
      const ids = l.lanes.map((r) => r.lane.id)
      expect(ids.length).toBeGreaterThan(1)
      for (const row of l.lanes) {
        const drawn = [
          ...l.tokens.filter((t) => t.token.node === 'queue').map((t) => ({ id: t.token.id, x: t.x, y: t.y })),
          ...l.holds.map((h) => ({ id: h.hold.token, x: h.x, y: h.y })),
        ]
          .filter((d) => d.y > row.y && d.y < row.y + row.h)
          .sort((a, b) => a.x - b.x)
          .map((d) => d.id)
        expect(drawn).toEqual(row.lane.tokens.slice(0, drawn.length))
      }
    }
  })
})

describe('text that is shortened to fit', () => {
  it('batch lines and the hidden-environments line keep their full text when there is room, and fit when not', () => {
    expect(batchLabel('batch-36', 10, 400)).toBe('batch-36 · 10 records')
    expect(batchLabel('batch-1', 1, 400)).toBe('batch-1 · 1 record')
    expect(batchLabel('batch-36', 10, 180).length * 9.8).toBeLessThanOrEqual(180)
    expect(batchLabel('batch-36', 10, 180)).toMatch(/^batch-36/)
    expect(hiddenEnvsLabel(6, 60, 600)).toBe('+6 more environments · 60 events running there')
    expect(hiddenEnvsLabel(1, 1, 600)).toBe('+1 more environment · 1 event running there')
    expect(hiddenEnvsLabel(6, 60, 420).length * 9.8).toBeLessThanOrEqual(420)
    expect(hiddenEnvsLabel(6, 0, 600)).toBe('+6 more environments')
  })

  it('a busy SQS run (5,000 messages a second) keeps every environment line inside its box', () => {
    const raw = {
      model: 'sqs',
      function: { durationMs: { min: 100, max: 300 } },
      sqs: { batchSize: 10 },
      workload: [0, 1, 2, 3, 4].map(() => ({ atMs: 0, count: 2000, everyMs: 1 })),
    }
    for (const px of [1280, 1000, 390]) {
      const stage = stageAt(4000, raw)
      const orientation = px < 700 ? 'vertical' : 'horizontal'
      const layout = layoutStage(stage, orientation, logicalWidth(px, orientation, minHorizontalWidth(stage)))
      expect(layout.envs.filter((e) => e.batchText !== null).length).toBeGreaterThan(0)
      for (const e of layout.envs) if (e.batchText) expect(e.batchText.length * 9.8).toBeLessThanOrEqual(e.w - 20)
      const envs = layout.nodes.find((n) => n.node.kind === 'environments')!
      expect(layout.envsNote).not.toBeNull()
      expect(layout.envsNoteText.length * 9.8).toBeLessThanOrEqual(envs.w - 24)
    }
  })
})

describe('every preset lays out cleanly', () => {
  for (const p of PRESETS) {
    it(p.id, () => {
      let s = createSim(p.scenario)
      for (const steps of [0, 5, 20, 60]) {
        s = advance(s, { steps, collect: false }).state
        const stage = selectStage(s)
        checkLayout(
          layoutStage(stage, 'horizontal', logicalWidth(1232, 'horizontal', minHorizontalWidth(stage))),
          `${p.id}@${s.step} wide`,
          stage,
        )
        checkLayout(layoutStage(stage, 'vertical', logicalWidth(348, 'vertical', 0)), `${p.id}@${s.step} phone`, stage)
      }
    })
  }
  it('orthoPath rounds corners and keeps the ends', () => {
    expect(
      orthoPath([
        { x: 0, y: 0 },
        { x: 0, y: 50 },
        { x: 50, y: 50 },
      ]),
    ).toBe('M 0 0 L 0 40 Q 0 50 10 50 L 50 50')
  })
})

describe('sparkPath and knobs', () => {
  it('draws a step line over time', () => {
    expect(sparkPath([], 10, 100, 20)).toEqual({ line: '', area: '' })
    const p = sparkPath(
      [
        [0, 0],
        [5, 2],
      ],
      10,
      100,
      20,
    )
    expect(p.line).toBe('M 0 18 H 50 V 2 H 100')
  })

  it('turns knob text into values for the parser, and replaces one field', () => {
    const timeout = knobsFor('sync').find((k) => k.path === 'function.timeout')!
    const duration = knobsFor('sync').find((k) => k.path === 'function.durationMs')!
    const reserved = knobsFor('sync').find((k) => k.path === 'function.reservedConcurrentExecutions')!
    expect(knobValue(timeout, ' 12 ')).toBe(12)
    expect(knobValue(timeout, 'abc')).toBe('abc')
    expect(knobValue(duration, '80-200')).toEqual({ min: 80, max: 200 })
    expect(knobValue(reserved, '')).toBeNull()
    const r = parseScenario({ version: 1, model: 'sync', workload: [] })
    if (!r.ok) throw new Error('invalid')
    const raw = withKnob(r.scenario, 'function.timeout', 9) as { function: { timeout: number } }
    expect(raw.function.timeout).toBe(9)
    expect(r.scenario.function.timeout).toBe(3)
    const bad = parseScenario(withKnob(r.scenario, 'function.timeout', 'abc'))
    expect(bad.ok).toBe(false)
  })
})
