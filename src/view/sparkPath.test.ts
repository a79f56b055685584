import { describe, expect, it } from 'vitest'
import { sparkPath } from './sparkPath'

describe('sparkPath', () => {
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
})
