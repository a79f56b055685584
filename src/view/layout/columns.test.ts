import { describe, expect, it } from 'vitest'
import { frameOf, logicalWidth, minHorizontalWidth } from './columns'
import { COL_GAP, MAX_LOGICAL, STAGE_PAD } from './metrics'
import { presetAt } from './test-helpers'

describe('columns', () => {
  it('logicalWidth keeps 1:1 in the comfortable range, a minimum below it and scales up beyond', () => {
    expect(logicalWidth(1200, 'horizontal', 1000)).toBe(1200)
    expect(logicalWidth(700, 'horizontal', 1000)).toBe(1000)
    expect(logicalWidth(2400, 'horizontal', 1000)).toBe(MAX_LOGICAL)
    expect(logicalWidth(360, 'vertical', 1000)).toBe(360)
  })

  it('the environments column is twice as wide as the others, and the columns fill the width', () => {
    const stage = presetAt('sync-basics', 0)
    const f = frameOf(stage, 'horizontal', minHorizontalWidth(stage))
    expect(f.envW).toBeCloseTo(2 * f.unit)
    const last = f.colX.length - 1
    expect(f.colX[last]! + f.colW[last]!).toBeCloseTo(f.width - STAGE_PAD)
    expect(f.colX[1]! - (f.colX[0]! + f.colW[0]!)).toBeCloseTo(COL_GAP)
  })

  it('phones keep a lane on the left only when some arrow must skip past boxes', () => {
    expect(frameOf(presetAt('sync-basics', 0), 'vertical', 390).left).toBe(STAGE_PAD)
    expect(frameOf(presetAt('async-on-success', 0), 'vertical', 390).left).toBeGreaterThan(STAGE_PAD)
  })
})
