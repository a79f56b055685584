// The READMEs' size blocks are written by scripts/readmeSizes.ts and checked by scripts/budgets.ts
// after its build; here, that both READMEs have a block to write and that writing one replaces it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { README_FILES, withSizes } from './readmeSizes'

describe('README size blocks', () => {
  it('are in README.md and the package README, written there by the script', () => {
    for (const f of README_FILES) {
      const text = readFileSync(f, 'utf8')
      expect(text, f).toMatch(/<!-- sizes:begin[^>]*-->\n\| File \(package name\)[^]*KB gzip[^]*<!-- sizes:end -->/)
    }
  })

  it('replaces only the block, and refuses a README without one', () => {
    const begin = '<!-- sizes:begin (scripts/readmeSizes.ts writes this block) -->'
    const text = `before\n${begin}\nold\n<!-- sizes:end -->\nafter`
    expect(withSizes(text, 'NEW', 'x')).toBe('before\nNEW\nafter')
    expect(() => withSizes('no block', 'NEW', 'x')).toThrow(/no/)
  })

  it('no README quotes a hand-typed element size or a registry install', () => {
    for (const f of README_FILES) {
      const text = readFileSync(f, 'utf8')
      expect(text, f).not.toMatch(/about \d+ KB gzip/)
      expect(text, f).not.toMatch(/npm install lambda-execution-models\b(?!\/)/)
    }
  })
})
