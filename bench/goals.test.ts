import { describe, expect, it } from 'vitest'
import { type Figure, goalTable, met } from './goals'

const fig = (over: Partial<Figure>): Figure => ({
  id: 'x',
  label: 'a figure',
  value: 3,
  unit: '×',
  goal: 2,
  better: 'lower',
  reference: 'ref',
  ...over,
})

describe('bench goals table (issue 20, item 5)', () => {
  it('a lower-is-better figure is met at or under its goal, a higher-is-better one at or over', () => {
    expect(met(fig({ value: 2 }))).toBe(true)
    expect(met(fig({ value: 2.01 }))).toBe(false)
    expect(met(fig({ better: 'higher', unit: 'fps', value: 59, goal: 60 }))).toBe(false)
    expect(met(fig({ better: 'higher', unit: 'fps', value: 61, goal: 60 }))).toBe(true)
  })

  it('prints the figure beside its goal, as a ratio of the goal, its reference and the change from the previous', () => {
    const [, , row] = goalTable([fig({ value: 4.78 })], { recorded: 'd', machine: 'm', figures: { x: 2.39 } })
    expect(row).toBe('| a figure | **4.78×** (NOT met) | ≤ 2.00× | 2.39× | ref | 2.39× | 2.00× |')
  })

  it('says when nothing was recorded before', () => {
    const [, , row] = goalTable([fig({ unit: 'ms', value: 8, goal: 16 })], null)
    expect(row).toBe('| a figure | **8.0 ms** (met) | ≤ 16.0 ms | 0.50× | ref | (none) |  |')
  })
})
