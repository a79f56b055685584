import { describe, expect, it } from 'vitest'
import { edgePath, orthoPath } from './paths'

describe('arrow paths', () => {
  it('orthoPath rounds corners and keeps the ends', () => {
    expect(
      orthoPath([
        { x: 0, y: 0 },
        { x: 0, y: 50 },
        { x: 50, y: 50 },
      ]),
    ).toBe('M 0 0 L 0 40 Q 0 50 10 50 L 50 50')
    expect(orthoPath([])).toBe('')
  })

  it('edgePath drops straight down between stacked boxes and stops short of the target for its head', () => {
    expect(edgePath({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 50, w: 10, h: 10 }, 'vertical')).toBe('M 5 10 L 5 44')
  })

  it('edgePath runs straight between boxes side by side at one height, else curves', () => {
    const a = { x: 0, y: 0, w: 100, h: 40 }
    expect(edgePath(a, { x: 200, y: 0, w: 100, h: 40 }, 'horizontal')).toBe('M 100 20 L 194 20')
    expect(edgePath(a, { x: 200, y: 0, w: 100, h: 40 }, 'horizontal', 20, 30)).toBe('M 100 20 C 147 20, 147 30, 194 30')
  })
})
