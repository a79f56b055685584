import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../engine'
import { prepare, rawScenario } from '../engine/__tests__/arbitraries'
import { parseScenario, presetById, PRESETS } from '../scenarios'
import type { LoggedCommand } from './history'
import { applyDiff, diffOf } from './scenarioDiff'
import { decodeShare, encodeShare, toBase64Url } from './url'

/** Issue 10 item 8: share links store only what differs from the preset, and old links keep working. */

function edit(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = parseScenario(applyDiff(s, changes))
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scenario
}

const basics = presetById('sync-basics')!.scenario
const knobs3 = edit(basics, { function: { timeout: 9, reservedConcurrentExecutions: 5, errorRate: 0.25 } })

describe('short share links', () => {
  it('three knob edits before the run: the link names the preset and the three changes, ≤ 300 characters', () => {
    const q = encodeShare({ presetId: null, scenario: knobs3, commands: [], step: 12 })
    expect(q).toMatch(/^\?scenario=sync-basics&d=[\w-]+&step=12$/)
    expect(q.length).toBeLessThanOrEqual(300)
    const d = decodeShare(q)
    expect(d).toMatchObject({ presetId: null, step: 12, problems: [] })
    expect(d.scenario).toEqual(knobs3)
  })

  it('three knob edits during the run (configure commands): each holds only its change, ≤ 300 characters in all', () => {
    const a = edit(basics, { function: { timeout: 9 } })
    const b = edit(a, { function: { reservedConcurrentExecutions: 5 } })
    const c = edit(b, { sync: { clientMaxAttempts: 3 } })
    const commands: LoggedCommand[] = [
      { step: 2, at: 120, command: { type: 'configure', scenario: a } },
      { step: 4, at: 380, command: { type: 'configure', scenario: b } },
      { step: 9, at: 1500, command: { type: 'configure', scenario: c } },
    ]
    const q = encodeShare({ presetId: 'sync-basics', scenario: basics, commands, step: 14 })
    expect(q.length).toBeLessThanOrEqual(300)
    const d = decodeShare(q)
    expect(d.problems).toEqual([])
    expect(d.commands).toEqual(commands)
  })

  it('old links (the whole scenario in s=, whole scenarios in configure commands) keep working', () => {
    const commands = [
      [1, 50, 'configure', knobs3],
      [3, 200, 'failNext'],
      [4, 300, 'sendEvent', { fail: 'always' }],
    ]
    const q = `?s=${toBase64Url(JSON.stringify(knobs3))}&c=${toBase64Url(JSON.stringify(commands))}&step=6`
    const d = decodeShare(q)
    expect(d.problems).toEqual([])
    expect(d).toMatchObject({ presetId: null, step: 6 })
    expect(d.scenario).toEqual(knobs3)
    expect(d.commands).toEqual([
      { step: 1, at: 50, command: { type: 'configure', scenario: knobs3 } },
      { step: 3, at: 200, command: { type: 'failNext' } },
      { step: 4, at: 300, command: { type: 'sendEvent', event: { fail: 'always' } } },
    ])
  })

  it('damaged changes (d=…) are named and the unchanged preset is shown', () => {
    for (const [d, message] of [
      ['@@@', /not valid base64url/],
      [toBase64Url('{"function":'), /not valid JSON/],
      [toBase64Url('[1,2]'), /not a list of fields/],
      [
        toBase64Url('{"function":{"timeout":5000}}'),
        /^Function timeout must be a whole number of seconds from 1 to 900; the link asked for 5000, so the preset is shown unchanged\.$/m,
      ],
      [toBase64Url('{"model":"async"}'), /cannot change the model/],
    ] as const) {
      const r = decodeShare(`?scenario=sync-basics&d=${d}&step=3`)
      expect(r.problems.join('\n')).toMatch(message)
      expect(r.presetId).toBe('sync-basics')
      expect(r.scenario).toEqual(basics)
      expect(r.step).toBe(3)
    }
  })

  it('a link cannot write through the prototype', () => {
    const r = decodeShare(
      `?scenario=sync-basics&d=${toBase64Url('{"__proto__":{"polluted":1},"function":{"timeout":7}}')}`,
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(r.scenario.function.timeout).toBe(7)
  })

  it('property: encode → decode gives back the same scenario and commands (any scenario, any knob changes)', () => {
    const change = fc.record(
      {
        timeout: fc.integer({ min: 1, max: 5 }),
        errorRate: fc.constantFrom(0, 0.1, 0.5),
        initDurationMs: fc.integer({ min: 0, max: 5000 }),
      },
      { requiredKeys: [] },
    )
    const cmd = fc.oneof(
      fc.constant({ type: 'failNext' } as const),
      fc.constant({ type: 'sendEvent', event: { fail: 'always' } } as const),
      change.map((c) => ({ type: 'cfg', c }) as const),
    )
    const start = fc.oneof(
      rawScenario.map((r) => prepare(r).parsed),
      fc
        .constantFrom(...PRESETS)
        .chain((p) => change.map((c) => ({ ok: true as const, scenario: edit(p.scenario, { function: c }) }))),
    )
    fc.assert(
      fc.property(start, fc.array(cmd, { maxLength: 4 }), fc.nat(5000), (parsed, cmds, step) => {
        if (!parsed.ok) return
        const scenario = parsed.scenario
        let before = scenario
        const commands: LoggedCommand[] = cmds.map((c, i) => {
          if (c.type !== 'cfg') return { step: i * 3, at: i * 100, command: c }
          before = edit(before, { function: c.c })
          return { step: i * 3, at: i * 100, command: { type: 'configure', scenario: before } }
        })
        const d = decodeShare(encodeShare({ presetId: null, scenario, commands, step }))
        if (d.problems.some((p) => /too many|too big|events/i.test(p))) return
        expect(d.problems).toEqual([])
        expect(d.scenario).toEqual(scenario)
        expect(d.commands).toEqual(commands)
        expect(d.step).toBe(step)
      }),
      { numRuns: 300 },
    )
  })

  it('diffOf / applyDiff: applying the difference gives the target', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS), fc.constantFrom(...PRESETS), (a, b) => {
        const diff = diffOf(a.scenario, b.scenario)
        expect(diff).not.toBeNull()
        expect(applyDiff(a.scenario, diff)).toEqual(b.scenario)
      }),
    )
  })
})
