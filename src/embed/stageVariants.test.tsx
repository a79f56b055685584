// @vitest-environment node
// The embed's first frame (issue 12, item 3): the server draws every variant and the stylesheet's
// container queries pick one by width with exactly the ranges the script uses once live.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LambdaModels } from './LambdaModels'
import { STAGE_VARIANTS, variantIndex } from '../view/stageVariants'

/** The ranges stageVariants.css shows each variant at, read from its container queries. */
function cssRanges(): { index: number; min: number; max: number }[] {
  const css = readFileSync(new URL('../view/stageVariants.css', import.meta.url), 'utf8')
  const rules = [
    ...css.matchAll(
      /@container lem-stage \(([^)]*)\)\s*\{\s*\.lem-stage--variants > \.lem-stage-svg\[data-variant='(\d+)'\]/g,
    ),
  ]
  return rules.map(([, cond, i]) => {
    const lo = /(\d+)px <= width|width >= (\d+)px/.exec(cond!)
    const hi = /width < (\d+)px/.exec(cond!)
    return { index: Number(i), min: lo ? Number(lo[1] ?? lo[2]) : 0, max: hi ? Number(hi[1]) : Infinity }
  })
}

describe('stage variants', () => {
  it('stageVariants.css shows each variant over the same width range as variantIndex', () => {
    const ranges = cssRanges()
    expect(ranges.map((r) => r.index)).toEqual(STAGE_VARIANTS.map((_, i) => i))
    ranges.forEach((r, i) => {
      expect(r.min).toBe(STAGE_VARIANTS[i]!.from)
      expect(r.max).toBe(STAGE_VARIANTS[i + 1]?.from ?? Infinity)
    })
    fc.assert(
      fc.property(fc.double({ min: 1, max: 3000, noNaN: true }), (px) => {
        const shown = ranges.filter((r) => px >= r.min && px < r.max).map((r) => r.index)
        expect(shown).toEqual([variantIndex(px)])
      }),
    )
  })

  it('vertical below 700 px, horizontal from 700 px', () => {
    expect(STAGE_VARIANTS[variantIndex(699.9)]!.orientation).toBe('vertical')
    expect(STAGE_VARIANTS[variantIndex(700)]!.orientation).toBe('horizontal')
  })

  it('the server frame holds every variant, each with its own arrow marker, for CSS to pick from', () => {
    const html = renderToString(<LambdaModels scenario="async-retries" controls="minimal" />)
    const variants = [...html.matchAll(/<svg class="lem-stage-svg" data-variant="(\d)"[^>]*viewBox="0 0 (\d+) (\d+)"/g)]
    expect(variants.map((m) => Number(m[1]))).toEqual(STAGE_VARIANTS.map((_, i) => i))
    variants.forEach((m, i) => {
      const [w, h] = [Number(m[2]), Number(m[3])]
      expect(h > w ? 'vertical' : 'horizontal').toBe(STAGE_VARIANTS[i]!.orientation)
    })
    const markers = [...html.matchAll(/<marker id="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(markers).size).toBe(STAGE_VARIANTS.length)
  })
})
