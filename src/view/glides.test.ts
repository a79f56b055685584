import { describe, expect, it } from 'vitest'
import type { StageToken } from '../engine'
import type { TokenLayout } from './layout/types'
import { MAX_ANIMATED, MAX_GLIDES, NO_GLIDES, planGlides } from './glides'

const tok = (id: string, x: number, y = 0): TokenLayout => ({ token: { id } as StageToken, x, y })
const many = (n: number, x: number) => Array.from({ length: n }, (_, i) => tok(`e${i}`, x + i))

describe('planGlides: which token moves are animated', () => {
  it('glides new and moved tokens, not the ones that stayed', () => {
    const a = planGlides(NO_GLIDES, [tok('a', 0), tok('b', 10)], 0, 450)
    expect([...a.glides].sort()).toEqual(['a', 'b'])
    const b = planGlides(a, [tok('a', 0), tok('b', 20)], 1000, 450)
    expect([...b.glides]).toEqual(['b'])
  })

  it(`runs at most ${MAX_GLIDES} glides at once; the rest move at once until earlier glides end`, () => {
    const a = planGlides(NO_GLIDES, many(100, 0), 0, 450)
    expect(a.glides.size).toBe(MAX_GLIDES)
    const during = planGlides(a, many(100, 1000), 200, 450)
    expect(during.glides.size).toBe(0)
    const after = planGlides(during, many(100, 2000), 500, 450)
    expect(after.glides.size).toBe(MAX_GLIDES)
  })

  it('a step back in time frees the budget (glides started in the future are over)', () => {
    const a = planGlides(NO_GLIDES, many(40, 0), 5000, 450)
    expect(planGlides(a, many(40, 100), 1000, 450).glides.size).toBe(MAX_GLIDES)
  })

  it('with reduced motion (budget 0) nothing glides', () => {
    expect(planGlides(NO_GLIDES, many(5, 0), 0, 450, 0).glides.size).toBe(0)
  })

  it(`draws every move at once above ${MAX_ANIMATED} tokens`, () => {
    expect(planGlides(NO_GLIDES, many(MAX_ANIMATED + 1, 0), 0, 450).glides.size).toBe(0)
  })
})
