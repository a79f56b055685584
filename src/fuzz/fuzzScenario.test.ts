// Fuzzing the scenario parser (docs/TESTING.md, "Fuzzing"): whatever it is handed, parseScenario and
// parseScenarioText return, never throw, and return either a scenario that parses again to itself or
// a non-empty list of issues. FUZZ_RUNS cases per kind.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ParseResult } from '../engine'
import { parseScenario, parseScenarioText, PRESETS } from '../scenarios'
import { fuzzParams } from './runs'

function wellFormed(r: ParseResult): void {
  if (r.ok) {
    expect(typeof r.scenario).toBe('object')
    expect(parseScenario(r.scenario)).toEqual(r)
  } else {
    expect(r.issues.length).toBeGreaterThan(0)
    for (const i of r.issues) {
      expect(typeof i.path).toBe('string')
      expect(typeof i.message).toBe('string')
      expect(i.message.length).toBeGreaterThan(0)
    }
  }
}

const parseBoth = (value: unknown): void => {
  wellFormed(parseScenario(value))
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    text = undefined
  }
  if (typeof text === 'string') wellFormed(parseScenarioText(text))
}

/** Numbers that break naive code: NaN, infinities, -0, huge, tiny, unsafe integers, and the wrong types. */
const nasty = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1e308,
    5e-324,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    2 ** 32,
    2 ** 31,
    4294967296,
    1e21,
    0.1 + 0.2,
    null,
    undefined,
    true,
    '',
    '0',
    '1e9',
    [],
    {},
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt().map((b) => b as unknown),
  fc.string({ maxLength: 40 }),
)

/** Nesting depths: mostly moderate, sometimes far past any recursion limit. */
const depth = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 300 }), weight: 20 },
  { arbitrary: fc.constantFrom(2000, 10000, 100000), weight: 1 },
)

/** A value `depth` levels deep, of arrays or objects. */
const deep = fc.tuple(depth, fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v }
  return v
})

/** Every path into a JSON value. */
function paths(v: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  out.push(prefix)
  if (prefix.length >= 8) return out // inside a deep value already put there: deeper paths add nothing
  if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out)
  return out
}

type Mutation = { kind: 'set' | 'delete' | 'add'; at: number; value: unknown; key: string }

function mutate(raw: unknown, ms: readonly Mutation[]): unknown {
  const root: unknown = structuredClone(raw)
  let doc: unknown = root
  for (const m of ms) {
    const all = paths(doc)
    const path = all[m.at % all.length]!
    if (path.length === 0) {
      if (m.kind === 'set') doc = m.value
      continue
    }
    let parent = doc as Record<string, unknown>
    for (const p of path.slice(0, -1)) parent = parent[p] as Record<string, unknown>
    const last = path[path.length - 1]!
    // Own data properties, as JSON.parse makes them (a "__proto__" key included); an array's
    // `length` may refuse a value, and that mutation is then skipped.
    const put = (o: object, k: string, value: unknown) => {
      try {
        Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true })
      } catch {
        // not applicable here
      }
    }
    if (m.kind === 'set') put(parent, last, m.value)
    else if (m.kind === 'delete') delete parent[last]
    else if (parent[last] !== null && typeof parent[last] === 'object') put(parent[last] as object, m.key, m.value)
  }
  return doc
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'delete', 'add'),
  at: fc.nat(),
  value: fc.oneof(
    nasty,
    fc.anything({ maxDepth: 3 }),
    fc.constantFrom(
      'sync',
      'async',
      'sqs',
      'sqs-fifo',
      'kinesis',
      'dynamodb',
      'javascript:alert(1)',
      '<img src=x onerror=alert(1)>',
    ),
  ),
  key: fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'count', 'atMs', 'timout'),
    fc.string({ maxLength: 12 }),
  ),
})

const presetRaws = PRESETS.map((p) => p.raw)

describe(`fuzz: scenario files (${fuzzParams.numRuns} cases per kind)`, () => {
  it('fc.anything, prototype-less objects, boxed values, maps, sets, typed and sparse arrays', () => {
    const anything = fc.anything({
      withNullPrototype: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withBigInt: true,
      withDate: true,
      maxDepth: 4,
    })
    fc.assert(
      fc.property(anything, (v) => wellFormed(parseScenario(v))),
      fuzzParams,
    )
  })

  it('mutated valid scenarios (presets with fields set to hostile values, deleted, or unknown keys added)', () => {
    expect(presetRaws.length).toBeGreaterThan(5)
    fc.assert(
      fc.property(fc.nat(presetRaws.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, ms) =>
        parseBoth(mutate(presetRaws[i], ms)),
      ),
      fuzzParams,
    )
  })

  it('random text and bytes, and truncated or spliced JSON', () => {
    const preset = fc.nat(presetRaws.length - 1).map((i) => JSON.stringify(presetRaws[i], null, 1))
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }).map((b) => new TextDecoder().decode(b)),
      fc.uint8Array({ maxLength: 400 }).map((b) => String.fromCharCode(...b)),
      fc.tuple(preset, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
      fc
        .tuple(preset, fc.nat(), fc.string({ unit: 'binary', maxLength: 20 }))
        .map(([s, n, x]) => s.slice(0, n % s.length) + x + s.slice(n % s.length)),
      fc.json().map((j) => `\uFEFF${j}`),
    )
    fc.assert(
      fc.property(text, (t) => wellFormed(parseScenarioText(t))),
      fuzzParams,
    )
  })

  it('deep nesting, as values and as JSON text', () => {
    fc.assert(
      fc.property(
        deep,
        fc.constantFrom('workload', 'function', 'title', 'sqs', 'seed', ''),
        depth,
        fc.boolean(),
        (v, at, d, arrays) => {
          wellFormed(
            parseScenario(
              at === '' ? v : { version: 1, model: 'sync', workload: at === 'workload' ? [v] : [], [at]: v },
            ),
          )
          const text = arrays ? `${'['.repeat(d)}${']'.repeat(d)}` : `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`
          wellFormed(parseScenarioText(at === '' ? text : `{"version":1,"model":"sync","workload":[],"${at}":${text}}`))
        },
      ),
      fuzzParams,
    )
  })

  it('huge numbers, NaN and Infinity (JS objects) in every numeric field', () => {
    const fields = fc.constantFrom(
      ['version'],
      ['seed'],
      ['stopAtMs'],
      ['account', 'concurrencyLimit'],
      ['account', 'scalingRatePer10s'],
      ['function', 'timeout'],
      ['function', 'errorRate'],
      ['function', 'durationMs'],
      ['function', 'reservedConcurrentExecutions'],
      ['function', 'provisionedConcurrentExecutions'],
      ['sync', 'callerTimeoutMs'],
      ['async', 'maximumRetryAttempts'],
      ['sqs', 'batchSize'],
      ['sqs', 'visibilityTimeout'],
      ['stream', 'shards'],
    )
    fc.assert(
      fc.property(
        fc.constantFrom('sync', 'async', 'sqs', 'kinesis'),
        fields,
        nasty,
        nasty,
        nasty,
        (model, path, a, b, c) => {
          const raw: Record<string, unknown> = { version: 1, model, workload: [{ atMs: a, count: b, everyMs: c }] }
          if (path.length === 1) raw[path[0]!] = a
          else raw[path[0]!] = { [path[1]!]: b }
          wellFormed(parseScenario(raw))
        },
      ),
      fuzzParams,
    )
  })

  it('enormous workloads: huge and sparse lengths, huge counts, many entries', () => {
    const workload = fc.oneof(
      fc.constantFrom(2 ** 32 - 1, 10001, 100001, 2 ** 31).map((n) => new Array(n)),
      fc
        .integer({ min: 0, max: 200 })
        .map((n) => Array.from({ length: n }, (_, i) => ({ atMs: i, count: 100000, everyMs: 0 }))),
      fc.array(
        fc.record({
          atMs: fc.oneof(fc.nat(), nasty),
          count: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), nasty),
          everyMs: fc.oneof(fc.nat(), nasty),
        }),
        { maxLength: 30 },
      ),
      fc.integer({ min: 1, max: 30 }).map((n) => Array.from({ length: n }, () => ({ count: 100000 }))),
    )
    fc.assert(
      fc.property(workload, fc.constantFrom('sync', 'sqs', 'kinesis'), (w, model) =>
        wellFormed(parseScenario({ version: 1, model, workload: w })),
      ),
      fuzzParams,
    )
  })

  it('dense workloads at the entry limit (10,000 and 10,001 entries; 50 cases: each takes ~50 ms)', () => {
    const dense = fc
      .tuple(fc.constantFrom(10000, 10001), fc.integer({ min: 1, max: 200 }))
      .map(([n, count]) => Array.from({ length: n }, (_, i) => ({ atMs: i, count })))
    fc.assert(
      fc.property(dense, (w) => wellFormed(parseScenario({ version: 1, model: 'sync', workload: w }))),
      { ...fuzzParams, numRuns: 50 },
    )
  })
})
