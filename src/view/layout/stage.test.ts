import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../../engine'
import { PRESETS } from '../../scenarios'
import { logicalWidth, minHorizontalWidth } from './columns'
import { MIN_STAGE_H } from './metrics'
import { layoutStage } from './stage'
import { apart, checkLayout, stageAt } from './test-helpers'

describe('layoutStage', () => {
  it('lays out every node inside the stage without overlaps, left to right', () => {
    const stage = stageAt(40)
    const l = layoutStage(stage)
    expect(l.width).toBeGreaterThanOrEqual(minHorizontalWidth(stage))
    expect(l.height).toBeGreaterThanOrEqual(MIN_STAGE_H)
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.x + n.w).toBeLessThanOrEqual(l.width)
      expect(n.y + n.h).toBeLessThanOrEqual(l.height)
    }
    const xs = l.nodes.map((n) => n.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    for (let i = 0; i < l.nodes.length; i++)
      for (let j = i + 1; j < l.nodes.length; j++) expect(apart(l.nodes[i]!, l.nodes[j]!)).toBe(true)
  })

  it('vertical layout stacks columns top to bottom', () => {
    const l = layoutStage(stageAt(10), 'vertical', 420)
    expect(l.width).toBe(420)
    const ys = l.nodes.map((n) => n.y)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
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
})
