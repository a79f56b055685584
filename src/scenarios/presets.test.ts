import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectReportShape } from '../engine/__tests__/reportShape'
import { buildReport, createSim, parseScenario, runToEnd } from '../engine'
import { ASYNC_PRESETS } from './async'
import { SQS_PRESETS } from './sqs'
import { STREAM_PRESETS } from './streams'
import { SYNC_PRESETS } from './sync'
import { PRESETS } from '.'
import { PRESET_LABELS } from './presetLabels'

const ALL = [...SYNC_PRESETS, ...ASYNC_PRESETS, ...SQS_PRESETS, ...STREAM_PRESETS]

describe('shipped presets', () => {
  it('every preset file is listed once, and ids are unique and match the file name', () => {
    const files = readdirSync(new URL('./presets', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
    const ids = ALL.map((p) => (p as { id: string }).id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...files].sort())
  })

  it('every preset has its own short chip label within its strip (a strip per model), under 26 characters', () => {
    for (const p of PRESETS) {
      expect(PRESET_LABELS[p.id], p.id).toBeDefined()
      expect(p.label.length, p.id).toBeLessThanOrEqual(26)
    }
    for (const model of new Set(PRESETS.map((p) => p.model))) {
      const labels = PRESETS.filter((p) => p.model === model).map((p) => p.label)
      expect(new Set(labels).size, model).toBe(labels.length)
    }
    expect(Object.keys(PRESET_LABELS).sort()).toEqual(PRESETS.map((p) => p.id).sort())
  })

  it('the README lists every preset (docs authors pick ids from it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    for (const p of ALL) expect(readme).toContain(`\`${(p as { id: string }).id}\``)
  })

  for (const raw of ALL) {
    const id = (raw as { id: string }).id
    it(`${id}: is a valid scenario with a title, an explanation and an AWS doc link, and runs to a report of the contract's shape`, () => {
      const parsed = parseScenario(raw)
      if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
      const sc = parsed.scenario
      expect(sc.title.length).toBeGreaterThan(10)
      expect(sc.description.length).toBeGreaterThan(60)
      expect(sc.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
      const state = runToEnd(createSim(sc)).state
      const report = buildReport(state)
      expectReportShape(report)
      expect(report.scenario).toBe(id)
      expect(report.events?.length).toBeGreaterThan(0)
      // A preset is something to watch: small enough to step through.
      expect(state.step).toBeLessThan(20000)
    })
  }
})
