import { describe, expect, it } from 'vitest'
import { copyData } from './clone'
import { PAGE, paged, pat, peach, pget, pset } from './paged'

describe('paged per-event arrays (paged.ts)', () => {
  it('holds what was set, in pages of PAGE, and reads undefined past the end', () => {
    const p = paged<number>()
    for (let i = 0; i < PAGE * 2 + 5; i++) pset(p, i, i * 3)
    expect(p.n).toBe(PAGE * 2 + 5)
    expect(p.pages.map((x) => x.length)).toEqual([PAGE, PAGE, 5])
    expect(pget(p, PAGE + 7)).toBe((PAGE + 7) * 3)
    pset(p, PAGE + 7, -1)
    expect(pat(p, PAGE + 7)).toBe(-1)
    expect(pget(p, p.n)).toBeUndefined()
    expect(() => pat(p, p.n)).toThrow()
    const seen: number[] = []
    peach(p, (v, i) => seen.push(i === PAGE + 7 ? v : v / 3 - i))
    expect(seen.length).toBe(p.n)
    expect(seen.filter((x) => x !== 0)).toEqual([-1])
  })

  it('is set in order: an index past the next one is an internal error, not a hole', () => {
    const p = paged<boolean>()
    pset(p, 0, true)
    expect(() => pset(p, 2, true)).toThrow(/in order/)
  })

  it("copies with the model's state: a copy's pages are its own (a write to it leaves the input as it was)", () => {
    const p = paged<number>()
    for (let i = 0; i < PAGE + 1; i++) pset(p, i, 0)
    const c = copyData(p)
    pset(c, 3, 9)
    pset(c, c.n, 1)
    expect(pget(p, 3)).toBe(0)
    expect(p.n).toBe(PAGE + 1)
    expect(c.pages[0]).not.toBe(p.pages[0])
  })
})
