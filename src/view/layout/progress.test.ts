import { describe, expect, it } from 'vitest'
import { progress } from './progress'

describe('progress', () => {
  it('is clamped and handles unknown ends', () => {
    expect(progress(50, 0, 100)).toBe(0.5)
    expect(progress(-5, 0, 100)).toBe(0)
    expect(progress(500, 0, 100)).toBe(1)
    expect(progress(5, 10, null)).toBe(0)
    expect(progress(10, 10, 10)).toBe(1)
  })
})
