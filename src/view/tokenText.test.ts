import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StageToken } from '../engine'
import { formatCountdown, tokenName } from './tokenText'

/** The readout back in ms (the upper end of what it stands for). */
function parse(text: string): number {
  const m = /^([\d.]+)\u202f(s|min|h)$/.exec(text)
  if (!m) throw new Error(`not a countdown: ${JSON.stringify(text)}`)
  return Number(m[1]) * { s: 1000, min: 60_000, h: 3_600_000 }[m[2] as 's' | 'min' | 'h']
}

describe('formatCountdown (time left on a token ring)', () => {
  it('reads tenths below 10 s, whole seconds below 1000 s, then minutes and hours, unit kept to the number', () => {
    expect(formatCountdown(800)).toBe('0.8\u202fs')
    expect(formatCountdown(9_840)).toBe('9.9\u202fs')
    expect(formatCountdown(10_000)).toBe('10\u202fs')
    expect(formatCountdown(12_000)).toBe('12\u202fs')
    expect(formatCountdown(59_001)).toBe('60\u202fs')
    expect(formatCountdown(999_000)).toBe('999\u202fs')
    expect(formatCountdown(1_500_000)).toBe('25\u202fmin')
    expect(formatCountdown(6_000_000)).toBe('1.7\u202fh')
    expect(formatCountdown(43_200_000)).toBe('12\u202fh')
  })

  it('rounds up, so anything still pending never reads 0; done or overdue reads 0 s', () => {
    expect(formatCountdown(1)).toBe('0.1\u202fs')
    expect(formatCountdown(0)).toBe('0\u202fs')
    expect(formatCountdown(-250)).toBe('0\u202fs')
  })

  it('fits on a token (at most 6 characters) and never runs backwards as time passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000_000 }), fc.integer({ min: 0, max: 200_000_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(formatCountdown(lo).length).toBeLessThanOrEqual(6)
        expect(parse(formatCountdown(lo))).toBeLessThanOrEqual(parse(formatCountdown(hi)))
        if (lo > 0) expect(parse(formatCountdown(lo))).toBeGreaterThanOrEqual(lo)
      }),
    )
  })
})

describe('tokenName with a countdown', () => {
  const token = (state: StageToken['state']): StageToken => ({
    id: 'poison-1',
    state,
    node: 'queue',
    env: null,
    since: 2_300,
    until: 12_300,
    attempts: 1,
    batch: null,
    label: 'p1',
    group: null,
    receives: 1,
    reply: null,
    poison: true,
  })

  it('§4.2 says when a hidden message is visible again, and when a waiting event is tried next', () => {
    expect(tokenName(token('invisible'), formatCountdown(7_800))).toContain('visible again in 7.8\u202fs,')
    expect(tokenName(token('waiting'), formatCountdown(45_000))).toContain('next try in 45\u202fs,')
  })

  it('says nothing of a deadline without a readout, or for a state that has none', () => {
    expect(tokenName(token('invisible'))).not.toMatch(/ in \d/)
    expect(tokenName(token('queued'), '3\u202fs')).not.toContain('3\u202fs')
  })
})
