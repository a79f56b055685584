import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../engine'
import { presetById } from '../scenarios'
import { layoutStage, logicalWidth, minHorizontalWidth } from './geometry'
import { fittedLayout, ZOOMS } from './stageFit'

function stage(id: string, steps: number) {
  const p = presetById(id)
  if (!p) throw new Error(`no preset ${id}`)
  return selectStage(advance(createSim(p.scenario), { steps, collect: false }).state)
}

describe('fittedLayout (presentation mode draws the stage as big as the screen allows)', () => {
  it('zooms a short stage in, and its drawn height still fits', () => {
    const st = stage('sync-throttled', 14)
    const px = 1230
    const min = minHorizontalWidth(st)
    const width = logicalWidth(px, 'horizontal', min)
    const plain = layoutStage(st, 'horizontal', width)
    const fit = 490
    const { layout, level } = fittedLayout(st, 'horizontal', width, min, px, fit)
    expect(ZOOMS[level]).toBeGreaterThan(1)
    expect(layout.width).toBeLessThan(plain.width)
    expect(layout.height * (px / layout.width)).toBeLessThanOrEqual(fit)
    expect(layout.height * (px / layout.width)).toBeGreaterThan(plain.height * (px / plain.width))
  })

  it('stays 1:1 without a height to fill, on a phone, or when nothing bigger fits; never zooms back in from a lower level', () => {
    const st = stage('sqs-batch-failure', 40)
    const px = 1230
    const min = minHorizontalWidth(st)
    const width = logicalWidth(px, 'horizontal', min)
    expect(fittedLayout(st, 'horizontal', width, min, px, null).level).toBe(ZOOMS.length - 1)
    expect(fittedLayout(st, 'vertical', 560, min, 390, 800).level).toBe(ZOOMS.length - 1)
    expect(fittedLayout(st, 'horizontal', width, min, px, 100).level).toBe(ZOOMS.length - 1)
    expect(fittedLayout(st, 'horizontal', width, min, px, 5000, 2).level).toBeGreaterThanOrEqual(2)
  })
})
