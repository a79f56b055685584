import { describe, expect, it } from 'vitest'
import { decodeShare, toBase64Url } from '../store/url'
import { resolveInitial } from '../view/resolveInitial'
import {
  defaultPreset,
  INTERACTIVE_MAX_EVENTS,
  interactiveLimitProblem,
  parseScenario,
  scenarioEvents,
} from '../scenarios'

/** `count` events in workload entries of at most 100,000 (the per-entry limit). */
const raw = (count: number) => ({
  version: 1,
  model: 'sync',
  workload: Array.from({ length: Math.ceil(count / 100000) }, (_, i) => ({
    atMs: i * 1000000,
    count: Math.min(100000, count - i * 100000),
    everyMs: 10,
  })),
})
const parsed = (count: number) => {
  const r = parseScenario(raw(count))
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scenario
}
const link = (count: number, extra = '') => `?s=${toBase64Url(JSON.stringify(raw(count)))}${extra}`

describe('the interactive limit (docs/SCENARIO.md, Extensions and limits)', () => {
  it('is 100,000 events, below the format limit of 1,000,000', () => {
    expect(INTERACTIVE_MAX_EVENTS).toBe(100000)
    expect(scenarioEvents(parsed(INTERACTIVE_MAX_EVENTS + 1))).toBe(100001)
    expect(interactiveLimitProblem(parsed(INTERACTIVE_MAX_EVENTS + 1))).toContain('sends 100,001 events')
    expect(parseScenario(raw(1000000)).ok).toBe(true)
  })

  it('accepts a scenario of exactly the limit', () => {
    expect(interactiveLimitProblem(parsed(INTERACTIVE_MAX_EVENTS))).toBeNull()
    const d = decodeShare(link(INTERACTIVE_MAX_EVENTS))
    expect(d.problems).toEqual([])
    expect(d.presetId).toBeNull()
    expect(scenarioEvents(d.scenario)).toBe(INTERACTIVE_MAX_EVENTS)
  })

  it('refuses a link with more, naming the count, the limit and the headless way, and falls back', () => {
    const d = decodeShare(`${link(250000)}&step=40`)
    expect(d.presetId).toBe(defaultPreset()?.id)
    expect(d.problems).toHaveLength(1)
    expect(d.problems[0]).toContain('250,000 events')
    expect(d.problems[0]).toContain('at most 100,000')
    expect(d.problems[0]).toContain('npm run sim')
  })

  it('counts events a link sends by hand', () => {
    const c = toBase64Url(
      JSON.stringify([
        [0, 0, 'sendEvent', {}],
        [0, 0, 'sendEvent', {}],
      ]),
    )
    expect(decodeShare(link(INTERACTIVE_MAX_EVENTS - 2, `&c=${c}`)).problems).toEqual([])
    const d = decodeShare(link(INTERACTIVE_MAX_EVENTS - 1, `&c=${c}`))
    expect(d.problems.join(' ')).toContain('100,001 events')
    expect(d.commands).toEqual([])
  })

  it('refuses a scenario handed to the visualizer directly (React component, custom element)', () => {
    const r = resolveInitial(parsed(1000000), undefined)
    expect(r.presetId).toBe(defaultPreset()?.id)
    expect(r.problems.join(' ')).toContain('1,000,000 events')
    expect(resolveInitial(parsed(500), undefined).problems).toEqual([])
  })
})
