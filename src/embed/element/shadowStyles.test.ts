import { describe, expect, it } from 'vitest'
import { pinRem } from './shadowStyles'

describe('pinRem', () => {
  it('turns rem into px at the browser default, leaving other units alone', () => {
    expect(pinRem('a{font-size:1.05rem;margin:.5rem -2rem;width:3em;x:1remx}')).toBe(
      'a{font-size:16.8px;margin:8px -32px;width:3em;x:1remx}',
    )
  })
})
