// Fuzzing what an embed reads from its host (docs/TESTING.md, "Fuzzing"): attributes and URL
// parameters (readEmbedOptions, resolveEmbedScenario) and postMessage payloads (readHostMessage).
// FUZZ_RUNS cases per kind.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EMBED_ATTRIBUTES, readEmbedOptions } from '../embed/options'
import { hostMessageProblem, PROTOCOL, readEmbedMessage, readHostMessage } from '../embed/protocol'
import { resolveEmbedScenario } from '../embed/resolveScenario'
import { fuzzParams } from './runs'

const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e9',
    '999999999999',
    'NaN',
    'Infinity',
    'true',
    'false',
    'none',
    'minimal',
    'full',
    'dark',
    'auto',
    '480px',
    '200',
    '4001',
    'async-retries',
    '?s=%%%',
    '?s=eyJ2ZXJzaW9uIjoxfQ',
    'eyJ2ZXJzaW9uIjoxfQ',
  ),
)

describe(`fuzz: embed inputs (${fuzzParams.numRuns} cases per kind)`, () => {
  it('attributes and URL parameters: readEmbedOptions always gives valid options', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...EMBED_ATTRIBUTES, 'id', 'style', 'onload'), fc.option(value, { nil: null })),
        (o) => {
          const r = readEmbedOptions((k) => o[k] ?? null)
          expect(['none', 'minimal', 'full']).toContain(r.options.controls)
          expect(['light', 'dark', 'auto']).toContain(r.options.theme)
          expect(Number.isSafeInteger(r.options.step) && r.options.step >= 0).toBe(true)
          expect(typeof r.options.autoplay).toBe('boolean')
          expect(
            r.options.height === null ||
              (Number.isFinite(r.options.height) && r.options.height >= 200 && r.options.height <= 4000),
          ).toBe(true)
          for (const p of r.problems) expect(typeof p).toBe('string')
        },
      ),
      fuzzParams,
    )
  })

  it('the scenario attribute: resolveEmbedScenario names every problem and never throws', () => {
    const scenario = fc.oneof(
      value,
      fc.string({ unit: fc.constantFrom(...'eyJABCabc012-_'.split('')), maxLength: 200 }).map((s) => `ey${s}`),
    )
    fc.assert(
      fc.property(scenario, (s) => {
        const r = resolveEmbedScenario(s)
        expect(r.preset === undefined || typeof r.preset === 'string').toBe(true)
        if (r.preset === undefined && r.scenario === undefined && s !== '') expect(r.problems.length).toBeGreaterThan(0)
      }),
      fuzzParams,
    )
  })

  it('postMessage payloads: readHostMessage accepts only the protocol, never throws', () => {
    const near = fc.record(
      {
        protocol: fc.oneof(fc.constant(PROTOCOL), fc.anything({ maxDepth: 1 })),
        type: fc.oneof(
          fc.constantFrom('play', 'pause', 'step', 'seek', 'theme', 'eval', 'height', 'state', 'ready'),
          fc.anything({ maxDepth: 1 }),
        ),
        direction: fc.oneof(fc.constantFrom('forward', 'back'), fc.anything({ maxDepth: 1 })),
        step: fc.oneof(fc.nat(), fc.double(), fc.bigInt(), fc.anything({ maxDepth: 1 })),
        theme: fc.oneof(fc.constantFrom('light', 'dark', null, 'auto', 'system'), fc.anything({ maxDepth: 1 })),
        extra: fc.anything({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    )
    const payload = fc.oneof(
      fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withTypedArray: true, maxDepth: 3 }),
      near,
    )
    fc.assert(
      fc.property(payload, (v) => {
        const m = readHostMessage(v)
        if (m !== null) {
          expect(m.protocol).toBe(PROTOCOL)
          expect(['play', 'pause', 'step', 'seek', 'theme']).toContain(m.type)
          if (m.type === 'theme') expect([null, 'light', 'dark']).toContain(m.theme)
          if (m.type === 'seek') expect(Number.isSafeInteger(m.step) && m.step >= 0).toBe(true)
          if (m.type === 'step') expect(['forward', 'back']).toContain(m.direction)
        }
        readEmbedMessage(v)
        // Exactly one of: a command, a named problem (ours but malformed), or silence (foreign).
        const problem = hostMessageProblem(v)
        if (m !== null) expect(problem).toBeNull()
        if (problem !== null)
          expect(typeof problem === 'string' && problem.length > 0 && problem.length < 200).toBe(true)
      }),
      fuzzParams,
    )
  })

  it('embed → host payloads: readEmbedMessage accepts only the protocol (error messages bounded), never throws', () => {
    const near = fc.record(
      {
        protocol: fc.oneof(fc.constant(PROTOCOL), fc.anything({ maxDepth: 1 })),
        type: fc.oneof(fc.constantFrom('ready', 'height', 'state', 'error', 'seek'), fc.anything({ maxDepth: 1 })),
        id: fc.oneof(fc.string({ maxLength: 120 }), fc.anything({ maxDepth: 1 })),
        message: fc.oneof(fc.string({ unit: 'binary', maxLength: 1000 }), fc.anything({ maxDepth: 1 })),
        height: fc.oneof(fc.double(), fc.anything({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true, maxDepth: 3 }), near), (v) => {
        const m = readEmbedMessage(v)
        if (m === null) return
        expect(m.protocol).toBe(PROTOCOL)
        expect(m.id.length).toBeLessThanOrEqual(100)
        if (m.type === 'error') expect(typeof m.message === 'string' && m.message.length <= 500).toBe(true)
        if (m.type === 'height') expect(Number.isFinite(m.height)).toBe(true)
      }),
      fuzzParams,
    )
  })
})
