// Fuzzing share links (docs/TESTING.md, "Fuzzing"): decodeShare never throws and always yields a
// runnable scenario; whenever it did not get exactly what the link asked for, it says why.
// FUZZ_RUNS cases per kind.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseScenario, presetById, PRESETS } from '../scenarios'
import type { LoggedCommand } from '../store/history'
import { applyDiff } from '../store/scenarioDiff'
import { decodeShare, encodeShare, toBase64Url } from '../store/url'
import type { Decoded } from '../store/url'
import { fuzzParams } from './runs'

// Scenarios already checked, by their JSON (decoded links make new but equal objects).
const valid = new Set<string>()

function sound(d: Decoded): void {
  expect(Number.isSafeInteger(d.step) && d.step >= 0 && d.step <= 999999999).toBe(true)
  expect(Array.isArray(d.commands)).toBe(true)
  for (const p of d.problems) expect(typeof p === 'string' && p.length > 0).toBe(true)
  if (d.presetId !== null) expect(presetById(d.presetId)?.scenario).toEqual(d.scenario)
  // A scenario the visualizer can run: it parses to itself.
  const key = JSON.stringify(d.scenario)
  if (!valid.has(key)) {
    expect(parseScenario(d.scenario)).toEqual({ ok: true, scenario: d.scenario })
    valid.add(key)
  }
  for (const c of d.commands) expect(Number.isSafeInteger(c.step) && Number.isSafeInteger(c.at)).toBe(true)
}

const commands: LoggedCommand[] = [
  { step: 0, at: 0, command: { type: 'failNext' } },
  { step: 2, at: 150, command: { type: 'sendEvent', event: { fail: 'always' } } },
  { step: 5, at: 900, command: { type: 'sendEvent', event: {} } },
]

/** A preset with a few knobs changed (the short `d=` form), and a knob change made during the run (`cfg`). */
function edited(p: (typeof PRESETS)[number]) {
  const r = parseScenario(applyDiff(p.scenario, { function: { timeout: 2, errorRate: 0.3, initDurationMs: 900 } }))
  if (!r.ok) throw new Error(`cannot edit ${p.id}`)
  const later = parseScenario(applyDiff(r.scenario, { function: { initDurationMs: 50 } }))
  if (!later.ok) throw new Error(`cannot edit ${p.id}`)
  return {
    scenario: r.scenario,
    configure: { step: 6, at: 1000, command: { type: 'configure', scenario: later.scenario } } as LoggedCommand,
  }
}

/**
 * Valid links: every preset as `scenario=`, as `scenario=…&d=` (edited, with knob changes during the
 * run) and in the older `s=` form (the whole scenario), with actions and a step.
 */
const validLinks = PRESETS.flatMap((p) => {
  const e = edited(p)
  const acts = p.model === 'sync' ? commands : []
  return [
    encodeShare({ presetId: p.id, scenario: p.scenario, commands: [], step: 3 }),
    encodeShare({ presetId: null, scenario: e.scenario, commands: [...acts, e.configure], step: 7 }),
    `?s=${toBase64Url(JSON.stringify(p.scenario))}&c=${toBase64Url(JSON.stringify([[6, 1000, 'configure', e.configure.command.type === 'configure' ? e.configure.command.scenario : null]]))}&step=7`,
  ]
})
const link = fc.nat(validLinks.length - 1).map((i) => validLinks[i]!)

const b64 = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')),
  maxLength: 300,
})

describe(`fuzz: share links (${fuzzParams.numRuns} cases per kind)`, () => {
  it('random query strings', () => {
    const q = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.webQueryParameters().map((s) => `?${s}`),
      fc
        .dictionary(
          fc.constantFrom('s', 'c', 'step', 'scenario', 'present', 'compare', 't', 'x'),
          fc.string({ unit: 'binary', maxLength: 80 }),
        )
        .map((o) => `?${new URLSearchParams(o).toString()}`),
    )
    fc.assert(
      fc.property(q, (s) => sound(decodeShare(s))),
      fuzzParams,
    )
  })

  it('random bytes, base64url text and JSON in s= and c=', () => {
    const payload = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64url')),
      b64,
      fc.json().map((j) => toBase64Url(j)),
      fc.anything({ maxDepth: 3 }).map((v) => toBase64Url(JSON.stringify(v) ?? 'undefined')),
      fc
        .array(
          fc.tuple(
            fc.oneof(fc.nat(), fc.integer(), fc.double()),
            fc.oneof(fc.nat(), fc.double()),
            fc.constantFrom('failNext', 'sendEvent', 'configure', 'eval'),
            fc.anything({ maxDepth: 2 }),
          ),
          { maxLength: 6 },
        )
        .map((a) => toBase64Url(JSON.stringify(a))),
    )
    fc.assert(
      fc.property(payload, payload, fc.boolean(), (s, c, withC) =>
        sound(decodeShare(`?s=${s}${withC ? `&c=${c}` : ''}`)),
      ),
      fuzzParams,
    )
  })

  it('random changes in d= and in cfg commands (the short form) on every preset', () => {
    const change = fc.oneof(
      b64,
      fc.anything({ maxDepth: 3 }).map((v) => toBase64Url(JSON.stringify(v) ?? 'null')),
      fc
        .record(
          {
            function: fc.dictionary(
              fc.constantFrom('timeout', 'errorRate', 'reservedConcurrentExecutions', '__proto__', 'x'),
              fc.anything({ maxDepth: 1 }),
            ),
            sqs: fc.anything({ maxDepth: 2 }),
            model: fc.constantFrom('sync', 'sqs', 'nope'),
          },
          { requiredKeys: [] },
        )
        .map((v) => toBase64Url(JSON.stringify(v))),
    )
    const cfg = fc
      .array(
        fc.tuple(
          fc.nat(50),
          fc.nat(5000),
          fc.constantFrom('cfg', 'configure'),
          fc.oneof(
            fc.anything({ maxDepth: 2 }),
            fc.record({ function: fc.record({ timeout: fc.integer({ min: -5, max: 1000 }) }) }),
          ),
        ),
        { maxLength: 4 },
      )
      .map((a) => toBase64Url(JSON.stringify(a)))
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS), change, cfg, fc.boolean(), (p, d, c, withC) => {
        const r = decodeShare(`?scenario=${p.id}&d=${d}${withC ? `&c=${c}` : ''}&step=4`)
        sound(r)
        // A bad change is named and the preset itself is shown, never another scenario.
        if (r.presetId !== null) expect(r.presetId === p.id && r.problems.length > 0).toBe(true)
        expect(r.scenario.model).toBe(p.scenario.model)
      }),
      fuzzParams,
    )
  })

  it('truncated and tampered valid links', () => {
    const tamper = fc.oneof(
      fc.tuple(link, fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1))),
      fc
        .tuple(link, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }))
        .map(([l, n, x]) => l.slice(0, n % l.length) + x + l.slice((n % l.length) + 1)),
      fc.tuple(link, fc.nat(), fc.nat()).map(([l, a, b]) => l.slice(0, a % l.length) + l.slice(b % l.length)),
      fc
        .tuple(link, fc.nat(), fc.integer({ min: 1, max: 8 }))
        .map(([l, n, k]) => l.slice(0, n % l.length) + l.slice((n % l.length) + k)),
    )
    fc.assert(
      fc.property(tamper, (s) => sound(decodeShare(s))),
      fuzzParams,
    )
  })

  it('huge, negative and malformed steps', () => {
    const step = fc.oneof(
      fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
      fc.constantFrom(
        '999999999',
        '1000000000',
        '1e9',
        '-0',
        '0x10',
        ' 1',
        '1 ',
        '',
        'Infinity',
        'NaN',
        '٣',
        '1.5',
        '00000000001',
      ),
      fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), maxLength: 40 }),
    )
    fc.assert(
      fc.property(link, step, (l, st) => {
        const d = decodeShare(l.replace(/step=\d+/, `step=${encodeURIComponent(st)}`))
        sound(d)
        if (!/^\d{1,9}$/.test(st)) expect(d.step === 0 && d.problems.length > 0).toBe(true)
      }),
      fuzzParams,
    )
  })
})
