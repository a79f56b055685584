import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../engine'
import { parseScenario } from '../scenarios'
import { edgePath, layoutStage, progress, stageWidth, visibleCount, visibleEnvs, wrapText } from './geometry'
import { knobValue, withKnob, knobsFor } from './knobs'
import { sparkPath } from './sparkPath'

function stageAt(steps: number, raw: Record<string, unknown> = {}) {
  const r = parseScenario({ version: 1, model: 'sync', workload: [{ atMs: 0, count: 60, everyMs: 10 }], function: { durationMs: 2000 }, ...raw })
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

  it('wrapText wraps on words and marks a cut', () => {
    expect(wrapText('Lambda Invoke API', 10, 2)).toEqual(['Lambda', 'Invoke API'])
    const lines = wrapText('one two three four five six seven', 9, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
    expect(wrapText('', 10, 2)).toEqual([])
  })

  it('lays out every node inside the stage without overlaps, left to right', () => {
    const stage = stageAt(40)
    const l = layoutStage(stage)
    expect(l.width).toBe(stageWidth(3))
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
    const undrawnEnvTokens = stage.tokens.filter((t) => t.env !== null && !l.envs.some((e) => e.env.id === t.env)).length
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
    const ys = l.nodes.map((n) => n.y)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
    expect(edgePath({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 50, w: 10, h: 10 }, 'vertical')).toBe('M 5 10 L 5 44')
  })
})

describe('sparkPath and knobs', () => {
  it('draws a step line over time', () => {
    expect(sparkPath([], 10, 100, 20)).toEqual({ line: '', area: '' })
    const p = sparkPath([[0, 0], [5, 2]], 10, 100, 20)
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
