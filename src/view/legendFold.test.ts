import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../engine'
import { presetById } from '../scenarios'
import { logicalWidth, minHorizontalWidth } from './layout/columns'
import { foldsLegend, MIN_ROOM, unfoldedRoom } from './legendFold'
import { fittedLayout, flattestLevel, PLAIN, READABLE_SCALE, ZOOMS } from './stageFit'

const base = { slot: 560, chrome: 12, legend: 60, minScale: READABLE_SCALE }

describe('foldsLegend (the legend folds only when it and the drawing do not both fit)', () => {
  it('shows the legend when the drawing fits the room it leaves', () => {
    // 560 - 12 - 60 = 488 px of room; drawn 400 px tall at 1:1.
    expect(foldsLegend({ ...base, drawing: { width: 1000, height: 400 }, scale: 1 })).toBe(false)
    expect(foldsLegend({ ...base, drawing: { width: 1000, height: 488 }, scale: 1 })).toBe(false)
  })

  it('folds it when the drawing would be drawn taller than that room', () => {
    expect(foldsLegend({ ...base, drawing: { width: 1000, height: 489 }, scale: 1 })).toBe(true)
    // Drawn at 0.8: 620 units are 496 px.
    expect(foldsLegend({ ...base, drawing: { width: 1250, height: 620 }, scale: 0.8 })).toBe(true)
  })

  it('folds it when the drawing would fall below its minimum scale', () => {
    expect(foldsLegend({ ...base, drawing: { width: 1400, height: 100 }, scale: 0.7 })).toBe(true)
  })

  it('folds it when the room left is below the smallest room the slot gives', () => {
    expect(foldsLegend({ ...base, slot: MIN_ROOM + 71, drawing: { width: 1000, height: 50 }, scale: 1 })).toBe(true)
  })

  it('property: folding depends only on the unfolded room, and a taller legend or a shorter slot never unfolds it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 1200 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 50, max: 1500 }),
        fc.double({ min: 0.5, max: 1.6, noNaN: true }),
        (slot, chrome, legend, more, height, scale) => {
          const r = { slot, chrome, legend, drawing: { width: 1000, height }, scale, minScale: READABLE_SCALE }
          const fits = scale >= READABLE_SCALE && unfoldedRoom(r) >= MIN_ROOM && height * scale <= unfoldedRoom(r)
          expect(foldsLegend(r)).toBe(!fits)
          if (foldsLegend(r)) {
            expect(foldsLegend({ ...r, legend: legend + more })).toBe(true)
            expect(foldsLegend({ ...r, slot: slot - more })).toBe(true)
          }
        },
      ),
    )
  })
})

describe('flattestLevel (the flattest zoom the fit may use)', () => {
  it('is the smallest zoom still drawn at the floor scale, never above 1:1', () => {
    const level = flattestLevel(1230, 1230, READABLE_SCALE)
    const z = ZOOMS[level]!
    expect(z).toBeLessThanOrEqual(1)
    expect(1230 / Math.round(1230 / z)).toBeGreaterThanOrEqual(READABLE_SCALE)
    const next = ZOOMS[level + 1]
    if (next !== undefined) expect(1230 / Math.round(1230 / next)).toBeLessThan(READABLE_SCALE)
    expect(flattestLevel(1230, 1230, 1)).toBe(PLAIN)
  })

  it('a stage fits some allowed zoom exactly when it fits the flattest (starting there decides the fold)', () => {
    const p = presetById('sqs-batch-failure')!
    const st = selectStage(advance(createSim(p.scenario), { steps: 40, collect: false }).state)
    const px = 860
    const min = minHorizontalWidth(st)
    const width = logicalWidth(px, 'horizontal', min)
    const from = flattestLevel(width, px, READABLE_SCALE)
    for (const height of [150, 250, 350, 450, 600, 900]) {
      const fit = { height, minScale: READABLE_SCALE }
      const all = fittedLayout(st, 'horizontal', width, min, px, fit).layout
      const flat = fittedLayout(st, 'horizontal', width, min, px, fit, from).layout
      const fitsAll = all.height * (px / all.width) <= height
      const fitsFlat = flat.height * (px / flat.width) <= height
      expect(fitsFlat, `room ${height}`).toBe(fitsAll)
    }
  })
})
