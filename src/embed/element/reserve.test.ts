// The page's reservation (reserve.css, lambda-models.css) must be the compact layout's live height,
// or a page that loads it jumps anyway: both sheets carry the formula, checked equal here.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { variantIndex } from '../../view/stageVariants'
import { COMPACT_ACROSS_FROM, compactVariantIndex } from '../compactVariants'

const heightIn = (file: string) => {
  const m = /height: (clamp\([^)]*\))/.exec(readFileSync(file, 'utf8'))
  return m?.[1]
}

describe('the compact layout', () => {
  it("has one height formula in the embed's CSS and in the page's reservation", () => {
    const live = heightIn('src/view/embed.css')
    expect(live).toBe('clamp(560px, 85.7143cqw, 640px)')
    expect(heightIn('src/embed/element/reserve.css')).toBe(live)
  })

  it('reserves only where the compact layout applies: controls minimal, no height, no lesson', () => {
    const css = readFileSync('src/embed/element/reserve.css', 'utf8')
    expect(css).toContain(":not(:defined):not([height]):not([lesson]):is(:not([controls]), [controls='minimal'])")
  })

  it('turns the stage across from 560 px and skips the wide vertical drawing', () => {
    expect(compactVariantIndex(COMPACT_ACROSS_FROM - 0.1)).toBe(0)
    expect(compactVariantIndex(COMPACT_ACROSS_FROM)).toBe(2)
    expect(compactVariantIndex(699)).toBe(2)
    expect(compactVariantIndex(1100)).toBe(3)
    expect(variantIndex(600)).toBe(1)
  })
})
