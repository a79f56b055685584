import { describe, expect, it } from 'vitest'
import { samePlain } from './sameProps'

describe('samePlain (memo props by value)', () => {
  it('equal plain data in new objects is the same; any changed leaf is not', () => {
    const a = { token: { id: 'e1', since: 3, tokens: ['a', 'b'], until: null }, x: 1 }
    expect(samePlain(a, { token: { id: 'e1', since: 3, tokens: ['a', 'b'], until: null }, x: 1 })).toBe(true)
    expect(samePlain(a, { token: { id: 'e1', since: 4, tokens: ['a', 'b'], until: null }, x: 1 })).toBe(false)
    expect(samePlain(a, { token: { id: 'e1', since: 3, tokens: ['a', 'c'], until: null }, x: 1 })).toBe(false)
    expect(samePlain(a, { token: { id: 'e1', since: 3, tokens: ['a'], until: null }, x: 1 })).toBe(false)
    expect(samePlain(a, { token: { id: 'e1', since: 3, tokens: ['a', 'b'] }, x: 1 })).toBe(false)
    expect(samePlain({ f: () => 1 }, { f: () => 1 })).toBe(false)
    expect(samePlain([1], { 0: 1 })).toBe(false)
  })
})
