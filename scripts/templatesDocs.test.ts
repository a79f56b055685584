import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RULES } from '../src/templates'

/** docs/TEMPLATES.md is the rules' reference: every rule, its severity and its AWS page. */
describe('docs/TEMPLATES.md', () => {
  const doc = readFileSync('docs/TEMPLATES.md', 'utf8')
  it.each(Object.entries(RULES))('documents %s with its severity and AWS page', (id, rule) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`))
    expect(row, id).toBeDefined()
    expect(row).toContain(`| ${rule.severity} |`)
    expect(row).toContain(`(${rule.docUrl})`)
  })
})
