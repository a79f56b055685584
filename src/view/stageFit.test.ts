import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../engine'
import { presetById } from '../scenarios'
import { logicalWidth, minHorizontalWidth } from './layout/columns'
import { layoutStage } from './layout/stage'
import { fittedLayout, PLAIN, READABLE_SCALE, ZOOMS } from './stageFit'

function stage(id: string, steps: number) {
  const p = presetById(id)
  if (!p) throw new Error(`no preset ${id}`)
  return selectStage(advance(createSim(p.scenario), { steps, collect: false }).state)
}

const drawn = (l: { width: number; height: number }, px: number) => l.height * (px / l.width)

describe('fittedLayout (the stage drawn as big as its room allows, never below a readable scale)', () => {
  it('zooms a short stage in, and its drawn height still fits', () => {
    const st = stage('sync-throttled', 14)
    const px = 1230
    const min = minHorizontalWidth(st)
    const width = logicalWidth(px, 'horizontal', min)
    const plain = layoutStage(st, 'horizontal', width)
    const fit = { height: 490, minScale: 1 }
    const { layout, level } = fittedLayout(st, 'horizontal', width, min, px, fit)
    expect(ZOOMS[level]).toBeGreaterThan(1)
    expect(layout.width).toBeLessThan(plain.width)
    expect(drawn(layout, px)).toBeLessThanOrEqual(fit.height)
    expect(drawn(layout, px)).toBeGreaterThan(drawn(plain, px))
  })

  it('stays 1:1 without a room; presentation (minScale 1) never draws it smaller than 1:1; never zooms back in from a lower level', () => {
    const st = stage('sqs-batch-failure', 40)
    const px = 1230
    const min = minHorizontalWidth(st)
    const width = logicalWidth(px, 'horizontal', min)
    expect(fittedLayout(st, 'horizontal', width, min, px, null).level).toBe(PLAIN)
    const tiny = fittedLayout(st, 'horizontal', width, min, px, { height: 100, minScale: 1 })
    expect(tiny.level).toBe(PLAIN)
    expect(px / tiny.layout.width).toBeGreaterThanOrEqual(1)
    expect(
      fittedLayout(st, 'horizontal', width, min, px, { height: 5000, minScale: 1 }, 2).level,
    ).toBeGreaterThanOrEqual(2)
  })

  it('lays a tall stage out wider (flatter) to fit a laptop screen, but not below the readable scale', () => {
    const st = stage('sqs-batch-failure', 40)
    const px = 1230
    const min = minHorizontalWidth(st)
    const width = logicalWidth(px, 'horizontal', min)
    const plain = layoutStage(st, 'horizontal', width)
    const room = { height: Math.round(drawn(plain, px) * 0.85), minScale: READABLE_SCALE }
    const { layout } = fittedLayout(st, 'horizontal', width, min, px, room)
    expect(drawn(layout, px)).toBeLessThanOrEqual(room.height)
    expect(px / layout.width).toBeGreaterThanOrEqual(READABLE_SCALE)
    // Nothing fits 50 px: the flattest readable layout, still at or above the floor.
    const none = fittedLayout(st, 'horizontal', width, min, px, { height: 50, minScale: READABLE_SCALE })
    expect(px / none.layout.width).toBeGreaterThanOrEqual(READABLE_SCALE)
    expect(drawn(none.layout, px)).toBeLessThan(drawn(plain, px))
  })

  it('on a phone (vertical) only zooms out, down to the readable scale', () => {
    const st = stage('sqs-batch-failure', 40)
    const plain = layoutStage(st, 'vertical', 366)
    const { layout } = fittedLayout(st, 'vertical', 366, 0, 366, {
      height: drawn(plain, 366) - 50,
      minScale: READABLE_SCALE,
    })
    expect(layout.width).toBeGreaterThan(366)
    expect(366 / layout.width).toBeGreaterThanOrEqual(READABLE_SCALE)
    expect(fittedLayout(st, 'vertical', 366, 0, 366, { height: 5000, minScale: READABLE_SCALE }).layout.width).toBe(366)
  })
})
