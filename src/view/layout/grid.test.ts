import { describe, expect, it } from 'vitest'
import { gridCols, lineCells, slot, visibleCount } from './grid'
import { PITCH } from './metrics'

describe('token grids', () => {
  it('visibleCount keeps a cell for "+K" only when tokens overflow', () => {
    expect(visibleCount(5, 3, 2)).toBe(5)
    expect(visibleCount(6, 3, 2)).toBe(6)
    expect(visibleCount(7, 3, 2)).toBe(5)
    expect(visibleCount(3, 0, 0)).toBe(0)
  })

  it('slot centres cell i of a grid, row by row', () => {
    expect(slot(0, 0, 3, 0)).toEqual({ x: PITCH / 2, y: PITCH / 2 })
    expect(slot(10, 20, 3, 4)).toEqual({ x: 10 + PITCH + PITCH / 2, y: 20 + PITCH + PITCH / 2 })
  })

  it('gridCols fits whole cells, at least one', () => {
    expect(gridCols(3 * PITCH + 1)).toBe(3)
    expect(gridCols(10)).toBe(1)
  })

  it('lineCells: right column first (wide), bottom row first (phones)', () => {
    expect(lineCells(2, 2, true)).toEqual([1, 3, 0, 2])
    expect(lineCells(2, 2, false)).toEqual([2, 3, 0, 1])
  })
})
