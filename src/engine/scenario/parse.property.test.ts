// Properties over generated input: parsing never throws, every generated valid scenario is accepted,
// and a parsed scenario is a fixed point (parsing it again gives the same value).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatIssues, parseScenario, parseScenarioText } from './parse'
import { MODELS } from './types'
import type { ParseResult } from './types'

const int = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max })
const optional = <T>(record: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<Partial<T>> =>
  fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Partial<T>>
const duration = fc.oneof(
  int(0, 900000),
  fc.tuple(int(0, 900000), int(0, 900000)).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
)
const nullOr = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null })

/** Scenarios within every range; `fixCrossRules` then settles the rules that tie fields together. */
const validInput = fc
  .record(
    {
      version: fc.constant(1),
      model: fc.constantFrom(...MODELS),
      workload: fc.array(
        optional({
          atMs: int(0, 86400000),
          count: int(1, 1000),
          everyMs: int(0, 86400000),
          idPrefix: fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/),
          fail: fc.oneof(fc.constantFrom('never', 'always'), int(0, 1000)),
          durationMs: nullOr(duration),
          groupId: fc.string({ minLength: 1, maxLength: 128 }),
          partitionKey: nullOr(fc.string({ minLength: 1, maxLength: 256 })),
          matchesFilter: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
      id: nullOr(fc.stringMatching(/^[a-z0-9-]{1,64}$/)),
      title: fc.string({ maxLength: 200 }),
      description: fc.string({ maxLength: 300 }),
      seed: int(0, 4294967295),
      stopAtMs: nullOr(int(1, 604800000)),
      account: optional({ concurrencyLimit: int(1, 100000), scalingRatePer10s: int(1, 10000) }),
      function: optional({
        timeout: int(1, 900),
        reservedConcurrentExecutions: nullOr(int(0, 99900)),
        provisionedConcurrentExecutions: int(0, 99900),
        initDurationMs: int(0, 600000),
        durationMs: duration,
        errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
        idleEnvironmentTtlMs: int(0, 86400000),
        recursiveLoop: fc.constantFrom('Terminate', 'Allow'),
      }),
      sync: optional({
        caller: fc.constantFrom('api-gateway', 'alb', 'function-url', 'sdk'),
        callerTimeoutMs: nullOr(int(50, 900000)),
        clientMaxAttempts: int(1, 10),
        clientBackoffMs: int(0, 900000),
      }),
      async: optional({
        source: fc.constantFrom('s3', 'sns', 'eventbridge', 'sdk'),
        maximumRetryAttempts: int(0, 2),
        maximumEventAgeInSeconds: int(60, 21600),
        onSuccess: fc.constantFrom(null, 'sqs', 'sns', 'eventbridge', 'lambda'),
        onFailure: fc.constantFrom(null, 'sqs', 'sns', 'eventbridge', 'lambda', 's3'),
        deadLetterQueue: fc.constantFrom(null, 'sqs', 'sns'),
        duplicateDeliveryRate: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      sqs: optional({
        batchSize: int(1, 10000),
        messageRetentionPeriod: int(60, 1209600),
        maximumBatchingWindowInSeconds: int(0, 300),
        visibilityTimeout: int(0, 43200),
        maxReceiveCount: nullOr(int(1, 1000)),
        reportBatchItemFailures: fc.boolean(),
        maximumConcurrency: nullOr(int(2, 1000)),
        minimumPollers: nullOr(int(2, 200)),
        maximumPollers: nullOr(int(2, 2000)),
        functionSendsToSameQueue: fc.boolean(),
      }),
      stream: optional({
        shards: int(1, 64),
        batchSize: int(1, 10000),
        maximumBatchingWindowInSeconds: int(0, 300),
        startingPosition: fc.constantFrom('TRIM_HORIZON', 'LATEST'),
        parallelizationFactor: int(1, 10),
        maximumRetryAttempts: fc.oneof(fc.constant(-1), int(0, 10000)),
        maximumRecordAgeInSeconds: fc.oneof(fc.constant(-1), int(60, 604800)),
        bisectBatchOnFunctionError: fc.boolean(),
        reportBatchItemFailures: fc.boolean(),
        onFailure: fc.constantFrom(null, 'sqs', 'sns', 's3'),
        retentionPeriodHours: int(24, 8760),
      }),
    },
    { requiredKeys: ['version', 'model', 'workload'] },
  )
  .map((generated) => fixCrossRules(JSON.parse(JSON.stringify(generated)) as Loose))

type Loose = Record<string, Record<string, number | null> | number | string | null | undefined> & { model: string }

function fixCrossRules(s: Loose): Loose {
  const block = (name: string): Record<string, number | null> => {
    const b = s[name]
    return typeof b === 'object' && b !== null ? b : {}
  }
  const account = block('account')
  const fn = block('function')
  const sqs = block('sqs')
  const maxUnreserved = Math.max(0, (account.concurrencyLimit ?? 1000) - 100)
  if (typeof fn.reservedConcurrentExecutions === 'number')
    fn.reservedConcurrentExecutions = Math.min(fn.reservedConcurrentExecutions, maxUnreserved)
  const provisionedCap = Math.min(maxUnreserved, fn.reservedConcurrentExecutions ?? maxUnreserved)
  if (fn.provisionedConcurrentExecutions !== undefined)
    fn.provisionedConcurrentExecutions = Math.min(fn.provisionedConcurrentExecutions ?? 0, provisionedCap)
  if (s.model === 'sqs-fifo') {
    sqs.batchSize = Math.min(sqs.batchSize ?? 10, 10)
    sqs.maximumBatchingWindowInSeconds = 0
  }
  if ((sqs.batchSize ?? 10) > 10)
    sqs.maximumBatchingWindowInSeconds = Math.max(1, sqs.maximumBatchingWindowInSeconds ?? 0)
  if (s.model === 'sqs' || s.model === 'sqs-fifo')
    sqs.visibilityTimeout = Math.max(sqs.visibilityTimeout ?? 30, fn.timeout ?? 3)
  // Provisioned mode excludes MaximumConcurrency; MinimumPollers ≤ MaximumPollers.
  const minP = typeof sqs.minimumPollers === 'number' ? sqs.minimumPollers : null
  const maxP = typeof sqs.maximumPollers === 'number' ? sqs.maximumPollers : null
  if (minP !== null || maxP !== null) {
    if (sqs.maximumConcurrency !== undefined) sqs.maximumConcurrency = null
    if (minP !== null && maxP !== null) sqs.minimumPollers = Math.min(minP, maxP)
  }
  // A loop nothing stops needs stopAtMs and handlers of at least 1 ms (rules.test.ts covers those rules).
  if ((s.model === 'sqs' || s.model === 'sqs-fifo') && (fn as Record<string, unknown>).recursiveLoop === 'Allow') {
    delete (sqs as Record<string, unknown>).functionSendsToSameQueue
  }
  if (s.model === 'dynamodb') s.stream = { ...block('stream'), retentionPeriodHours: 24 }
  return { ...s, function: fn, sqs }
}

function mustAccept(result: ParseResult, input: unknown): Extract<ParseResult, { ok: true }>['scenario'] {
  if (!result.ok) throw new Error(`rejected ${JSON.stringify(input)}:\n${formatIssues(result.issues)}`)
  return result.scenario
}

/** Sets one field, chosen by walking the plain-data tree with the given choices, to `value`. */
function mutate(root: unknown, choices: readonly number[], value: unknown, remove: boolean): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(root))
  let node = copy as Record<string, unknown>
  for (const [depth, choice] of choices.entries()) {
    const keys = Object.keys(node)
    if (keys.length === 0) break
    const key = keys[choice % keys.length] as string
    const child = node[key]
    const last = depth === choices.length - 1 || typeof child !== 'object' || child === null
    if (last) {
      if (remove) delete node[key]
      else node[key] = value
      break
    }
    node = child as Record<string, unknown>
  }
  return copy
}

const hostile = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
})

const wellFormed = (result: ParseResult): boolean =>
  result.ok ||
  (result.issues.length > 0 &&
    result.issues.every(
      (i) =>
        typeof i.path === 'string' &&
        typeof i.message === 'string' &&
        typeof i.value === 'string' &&
        i.value.length <= 80,
    ))

describe('parseScenario properties', () => {
  it('never throws on arbitrary values, and every issue is well formed', () => {
    fc.assert(
      fc.property(hostile, (input) => wellFormed(parseScenario(input))),
      { numRuns: 1000 },
    )
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => wellFormed(parseScenarioText(text))),
      { numRuns: 500 },
    )
  })

  it('accepts every generated valid scenario', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        mustAccept(parseScenario(input), input)
      }),
      { numRuns: 300 },
    )
  })

  it('is idempotent: a parsed scenario parses to itself, also through JSON text', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const once = mustAccept(parseScenario(input), input)
        expect(mustAccept(parseScenario(once), once)).toStrictEqual(once)
        expect(mustAccept(parseScenarioText(JSON.stringify(once)), once)).toStrictEqual(once)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on a valid scenario with one field replaced by anything or removed', () => {
    const choices = fc.array(fc.nat(), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(validInput, choices, hostile, fc.boolean(), (input, path, value, remove) => {
        const mutated = mutate(input, path, value, remove)
        const result = parseScenario(mutated)
        expect(wellFormed(result)).toBe(true)
        if (result.ok)
          expect(mustAccept(parseScenario(result.scenario), result.scenario)).toStrictEqual(result.scenario)
      }),
      { numRuns: 500 },
    )
  })
})
