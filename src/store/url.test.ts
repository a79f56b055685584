import { describe, expect, it } from 'vitest'
import { defaultPreset, parseScenario, PRESETS } from '../scenarios'
import type { LoggedCommand } from './history'
import { decodeShare, encodeShare, fromBase64Url, toBase64Url } from './url'

const custom = (() => {
  const r = parseScenario({
    version: 1,
    model: 'sync',
    title: 'Ünïcødé ✓ test',
    seed: 7,
    workload: [{ atMs: 0, count: 3 }],
  })
  if (!r.ok) throw new Error('invalid')
  return r.scenario
})()

describe('share links', () => {
  it('base64url round-trips any text', () => {
    for (const t of ['', 'a', '{"x":1}', 'ünïcødé ✓ 🚀', 'x'.repeat(70000)])
      expect(fromBase64Url(toBase64Url(t))).toBe(t)
    expect(toBase64Url('???>>>')).not.toMatch(/[+/=]/)
  })

  it('round-trips a preset at a step', () => {
    const p = PRESETS[0]!
    const q = encodeShare({ presetId: p.id, scenario: p.scenario, commands: [], step: 5 })
    expect(q).toBe(`?scenario=${p.id}&step=5`)
    const d = decodeShare(q)
    expect(d).toMatchObject({ presetId: p.id, step: 5, problems: [] })
    expect(d.scenario).toEqual(p.scenario)
  })

  it('round-trips a custom scenario with commands', () => {
    const commands: LoggedCommand[] = [
      { step: 0, at: 0, command: { type: 'failNext' } },
      { step: 3, at: 250, command: { type: 'sendEvent', event: { fail: 'always' } } },
      {
        step: 4,
        at: 300,
        command: { type: 'configure', scenario: { ...custom, function: { ...custom.function, timeout: 9 } } },
      },
    ]
    const d = decodeShare(encodeShare({ presetId: null, scenario: custom, commands, step: 12 }))
    expect(d.problems).toEqual([])
    expect(d.presetId).toBeNull()
    expect(d.scenario).toEqual(custom)
    expect(d.commands).toEqual(commands)
    expect(d.step).toBe(12)
  })

  const fallback = defaultPreset()!.id
  const broken: [string, string, RegExp][] = [
    ['unknown preset', '?scenario=nope&step=3', /no scenario called “nope”/],
    ['bad base64', '?s=%%%***&step=1', /not valid base64url/],
    ['cut base64', `?s=${toBase64Url('{"version":1,"model":"sync","workload":[]}').slice(0, 9)}`, /base64url|JSON/],
    ['bad JSON', `?s=${toBase64Url('{"version":1,')}`, /not valid JSON/],
    ['not an object', `?s=${toBase64Url('[1,2,3]')}`, /not valid/],
    ['bad step', '?scenario=sync-basics&step=-4', /not a whole number/],
    ['huge step text', '?scenario=sync-basics&step=1e99', /not a whole number/],
  ]
  for (const [name, query, message] of broken) {
    it(`names the problem and falls back: ${name}`, () => {
      const d = decodeShare(query)
      expect(d.problems.join('\n')).toMatch(message)
      expect(d.scenario).toBeTruthy()
      if (!/step/.test(name)) expect(d.presetId).toBe(fallback)
    })
  }

  it('a bad field in a link is said in the words a knob uses, not the schema’s (issue 18 item 6)', () => {
    const d = decodeShare(
      `?s=${toBase64Url(JSON.stringify({ version: 1, model: 'sync', workload: [], function: { timeout: -5 } }))}`,
    )
    expect(d.presetId).toBe(fallback)
    expect(d.problems.join('\n')).toContain(
      'Function timeout must be a whole number of seconds from 1 to 900; the link asked for -5, so the default scenario is shown instead.',
    )
    expect(d.problems.join('\n')).not.toMatch(/\(got |^\w+\.\w+:/m)
  })

  it('drops damaged commands but keeps the scenario', () => {
    const p = PRESETS[0]!
    for (const c of [
      '@@@',
      toBase64Url('{"a":1}'),
      toBase64Url('[[1,2,"explode"]]'),
      toBase64Url('[[5,0,"failNext"],[1,0,"failNext"]]'),
      toBase64Url('[[0,0,"sendEvent",{"fail":"sometimes"}]]'),
    ]) {
      const d = decodeShare(`?scenario=${p.id}&c=${c}&step=2`)
      expect(d.presetId).toBe(p.id)
      expect(d.commands).toEqual([])
      expect(d.problems.length).toBe(1)
    }
  })

  it('a link to a scenario of any model runs it as linked', () => {
    const raw = { version: 1, model: 'dynamodb', workload: [] }
    const d = decodeShare(`?s=${toBase64Url(JSON.stringify(raw))}`)
    expect(d.problems).toEqual([])
    expect(d.scenario.model).toBe('dynamodb')
  })

  it('no parameters: the default preset at step 0', () => {
    expect(decodeShare('')).toMatchObject({ presetId: fallback, step: 0, problems: [] })
  })
})
