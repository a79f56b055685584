// Every field's range: the boundaries are accepted and kept as given, a value just outside (and a
// wrong type) gives exactly one issue at the field's path. The model is sync, so rules tying the sqs
// or stream blocks to the model stay out of the way (rules.test.ts covers them).
import { describe, expect, it } from 'vitest'
import { accept, reject, with_ } from './test-helpers'

interface Case {
  /** '' = top level, 'workload' = inside workload[0], else the block name. */
  readonly block: string
  readonly field: string
  readonly ok: readonly unknown[]
  readonly bad: readonly unknown[]
  /** Other fields of the same block needed for the accepted values to be valid. */
  readonly extra?: Record<string, unknown>
}

const LONG = (n: number): string => 'a'.repeat(n)

const CASES: readonly Case[] = [
  { block: '', field: 'seed', ok: [0, 4294967295, 42], bad: [-1, 4294967296, 1.5, '1', null] },
  { block: '', field: 'stopAtMs', ok: [1, 604800000, null], bad: [0, 604800001, 10.5, '5'] },
  {
    block: '',
    field: 'id',
    ok: ['a', LONG(64), 'async-retries-2', null],
    bad: ['', LONG(65), 'Async', 'a_b', 'a b', 5],
  },
  { block: '', field: 'title', ok: ['', LONG(200), 'S3 upload'], bad: [LONG(201), null, 3] },
  { block: '', field: 'description', ok: ['', LONG(2000)], bad: [LONG(2001), ['x']] },
  { block: 'account', field: 'concurrencyLimit', ok: [1, 100000], bad: [0, 100001, 1.5, '1000'] },
  { block: 'account', field: 'scalingRatePer10s', ok: [1, 10000], bad: [0, 10001, 2.5] },
  { block: 'function', field: 'timeout', ok: [1, 900], bad: [0, 901, 1.5, '3', true] },
  { block: 'function', field: 'reservedConcurrentExecutions', ok: [null, 0, 900], bad: [-1, 901, 1.5] },
  { block: 'function', field: 'provisionedConcurrentExecutions', ok: [0, 900], bad: [-1, 901, 0.5, null] },
  { block: 'function', field: 'initDurationMs', ok: [0, 600000], bad: [-1, 600001, 0.5] },
  {
    block: 'function',
    field: 'durationMs',
    ok: [0, 900000, { min: 0, max: 900000 }, { min: 5, max: 5 }],
    bad: [-1, 900001, 1.5, '100', null, [1, 2]],
  },
  { block: 'function', field: 'errorRate', ok: [0, 1, 0.25], bad: [-0.01, 1.01, '0.5'] },
  { block: 'function', field: 'idleEnvironmentTtlMs', ok: [0, 86400000], bad: [-1, 86400001, 0.5] },
  { block: 'function', field: 'recursiveLoop', ok: ['Terminate', 'Allow'], bad: ['terminate', 'Deny', null, true] },
  { block: 'workload', field: 'atMs', ok: [0, 86400000], bad: [-1, 86400001, 0.5, null] },
  { block: 'workload', field: 'count', ok: [1, 100000], bad: [0, 100001, 2.5] },
  { block: 'workload', field: 'everyMs', ok: [0, 86400000], bad: [-1, 86400001, 0.5] },
  {
    block: 'workload',
    field: 'idPrefix',
    ok: ['a', 'A_b.c-9', LONG(64)],
    bad: ['', LONG(65), 'a b', 'é', 'a/b', null],
  },
  { block: 'workload', field: 'fail', ok: ['never', 'always', 0, 1000], bad: [1001, -1, 1.5, 'sometimes', true, null] },
  {
    block: 'workload',
    field: 'durationMs',
    ok: [null, 0, 900000, { min: 1, max: 2 }],
    bad: [900001, -5, { min: 2, max: 1 }],
  },
  { block: 'workload', field: 'groupId', ok: ['a', LONG(128), 'group with spaces'], bad: ['', LONG(129), 5, null] },
  { block: 'workload', field: 'partitionKey', ok: [null, 'k', LONG(256)], bad: ['', LONG(257), 7] },
  { block: 'workload', field: 'matchesFilter', ok: [true, false], bad: ['true', 0, null] },
  {
    block: 'sync',
    field: 'caller',
    ok: ['api-gateway', 'alb', 'function-url', 'sdk'],
    bad: ['lambda', 'API-GATEWAY', null],
  },
  { block: 'sync', field: 'callerTimeoutMs', ok: [null, 50, 900000], bad: [49, 900001, 100.5, '29000'] },
  { block: 'sync', field: 'clientMaxAttempts', ok: [1, 10], bad: [0, 11, 1.5] },
  { block: 'sync', field: 'clientBackoffMs', ok: [0, 900000], bad: [-1, 900001, 0.5] },
  { block: 'async', field: 'source', ok: ['s3', 'sns', 'eventbridge', 'sdk'], bad: ['sqs', ''] },
  { block: 'async', field: 'maximumRetryAttempts', ok: [0, 2], bad: [-1, 3, 1.5] },
  { block: 'async', field: 'maximumEventAgeInSeconds', ok: [60, 21600], bad: [59, 21601, 60.5] },
  {
    block: 'async',
    field: 'onSuccess',
    ok: [null, 'sqs', 'sns', 'eventbridge', 'lambda'],
    bad: ['s3', 'kinesis', false],
  },
  {
    block: 'async',
    field: 'onFailure',
    ok: [null, 'sqs', 'sns', 'eventbridge', 'lambda', 's3'],
    bad: ['kinesis', 'SQS'],
  },
  { block: 'async', field: 'deadLetterQueue', ok: [null, 'sqs', 'sns'], bad: ['lambda', 's3'] },
  { block: 'async', field: 'duplicateDeliveryRate', ok: [0, 1, 0.5], bad: [-0.1, 1.1, '0'] },
  {
    block: 'sqs',
    field: 'batchSize',
    ok: [1, 10, 11, 10000],
    bad: [0, 10001, 1.5],
    extra: { maximumBatchingWindowInSeconds: 1 },
  },
  { block: 'sqs', field: 'messageRetentionPeriod', ok: [60, 1209600], bad: [59, 1209601, 60.5] },
  { block: 'sqs', field: 'maximumBatchingWindowInSeconds', ok: [0, 300], bad: [-1, 301, 0.5] },
  { block: 'sqs', field: 'visibilityTimeout', ok: [0, 43200], bad: [-1, 43201, 29.5] },
  { block: 'sqs', field: 'maxReceiveCount', ok: [null, 1, 1000], bad: [0, 1001, 2.5] },
  { block: 'sqs', field: 'reportBatchItemFailures', ok: [true, false], bad: ['yes', null] },
  { block: 'sqs', field: 'maximumConcurrency', ok: [null, 2, 1000], bad: [1, 1001, 2.5] },
  { block: 'sqs', field: 'minimumPollers', ok: [null, 2, 200], bad: [1, 201, 2.5, '2'] },
  { block: 'sqs', field: 'functionSendsToSameQueue', ok: [true, false], bad: ['yes', null, 1] },
  { block: 'sqs', field: 'maximumPollers', ok: [null, 2, 2000], bad: [1, 2001, 2.5, true] },
  { block: 'stream', field: 'shards', ok: [1, 64], bad: [0, 65, 1.5] },
  { block: 'stream', field: 'batchSize', ok: [1, 10000], bad: [0, 10001] },
  { block: 'stream', field: 'maximumBatchingWindowInSeconds', ok: [0, 300], bad: [-1, 301, 0.5] },
  { block: 'stream', field: 'startingPosition', ok: ['TRIM_HORIZON', 'LATEST'], bad: ['AT_TIMESTAMP', 'latest'] },
  { block: 'stream', field: 'parallelizationFactor', ok: [1, 10], bad: [0, 11] },
  { block: 'stream', field: 'maximumRetryAttempts', ok: [-1, 0, 10000], bad: [-2, 10001, 0.5] },
  { block: 'stream', field: 'maximumRecordAgeInSeconds', ok: [-1, 60, 604800], bad: [0, 59, 604801, -1.5] },
  { block: 'stream', field: 'bisectBatchOnFunctionError', ok: [true, false], bad: [1] },
  { block: 'stream', field: 'reportBatchItemFailures', ok: [true, false], bad: ['false'] },
  { block: 'stream', field: 'onFailure', ok: [null, 'sqs', 'sns', 's3'], bad: ['eventbridge', 'lambda'] },
  { block: 'stream', field: 'retentionPeriodHours', ok: [24, 8760], bad: [23, 8761, 24.5] },
]

function scenarioWith(c: Case, value: unknown): Record<string, unknown> {
  const fields = { ...c.extra, [c.field]: value }
  if (c.block === '') return with_(fields)
  if (c.block === 'workload') return with_({ workload: [fields] })
  return with_({ [c.block]: fields })
}

function read(scenario: Record<string, unknown>, c: Case): unknown {
  const holder =
    c.block === '' ? scenario : c.block === 'workload' ? (scenario.workload as unknown[])[0] : scenario[c.block]
  return (holder as Record<string, unknown>)[c.field]
}

const pathOf = (c: Case): string =>
  c.block === '' ? c.field : c.block === 'workload' ? `workload[0].${c.field}` : `${c.block}.${c.field}`

describe.each(CASES)('$block.$field', (c) => {
  it.each(c.ok.map((v) => [v]))('accepts %j and keeps it', (value) => {
    const scenario = accept(scenarioWith(c, value)) as unknown as Record<string, unknown>
    expect(read(scenario, c)).toEqual(value)
  })

  it.each(c.bad.map((v) => [v]))('rejects %j with one issue at its path', (value) => {
    const issues = reject(scenarioWith(c, value))
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path.startsWith(pathOf(c))).toBe(true)
    expect(issues[0]?.message).toMatch(/must|required|cannot/)
  })
})

describe('non-finite numbers', () => {
  it.each([
    ['function', 'timeout'],
    ['function', 'errorRate'],
    ['async', 'duplicateDeliveryRate'],
    ['stream', 'maximumRetryAttempts'],
    ['sync', 'callerTimeoutMs'],
  ])('%s.%s rejects NaN, Infinity and -Infinity', (block, field) => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const issues = reject(with_({ [block]: { [field]: value } }))
      expect(issues).toEqual([expect.objectContaining({ path: `${block}.${field}`, value: String(value) })])
      expect(issues[0]?.message).toContain('finite')
    }
  })

  it('rejects a non-finite seed, atMs and durationMs bound', () => {
    const issues = reject(
      with_({
        seed: Number.NaN,
        workload: [{ atMs: Number.POSITIVE_INFINITY }],
        function: { durationMs: { min: 0, max: Number.NaN } },
      }),
    )
    expect(issues.map((i) => i.path).sort()).toEqual(['function.durationMs.max', 'seed', 'workload[0].atMs'])
  })
})

describe('messages say what is allowed', () => {
  it.each([
    ['function', 'timeout', 0, 'must be an integer from 1 to 900 (seconds; AWS Timeout)'],
    ['function', 'errorRate', 2, 'must be a number from 0 to 1 (chance that an invocation throws)'],
    [
      'sync',
      'callerTimeoutMs',
      10,
      'must be null (the caller waits for the function) or an integer from 50 to 900000 (milliseconds per attempt)',
    ],
    ['stream', 'maximumRecordAgeInSeconds', 30, 'must be -1 (no limit) or an integer from 60 to 604800 (seconds)'],
    ['function', 'timeout', '3', 'must be an integer from 1 to 900 (seconds; AWS Timeout), not a string'],
    ['sqs', 'reportBatchItemFailures', 'yes', 'must be true or false, not a string'],
    ['stream', 'startingPosition', 'NOW', 'must be one of "TRIM_HORIZON", "LATEST"'],
  ])('%s.%s = %j', (block, field, value, message) => {
    expect(reject(with_({ [block]: { [field]: value } }))).toEqual([
      { path: `${block}.${field}`, value: JSON.stringify(value), message },
    ])
  })

  it('says s3 is an on-failure destination only', () => {
    const [issue] = reject(with_({ async: { onSuccess: 's3' } }))
    expect(issue?.message).toMatch(/on-failure destination only/)
  })

  it('explains the reserved concurrency bound from the account limit', () => {
    const [issue] = reject(
      with_({ account: { concurrencyLimit: 500 }, function: { reservedConcurrentExecutions: 401 } }),
    )
    expect(issue).toMatchObject({ path: 'function.reservedConcurrentExecutions', value: '401' })
    expect(issue?.message).toContain('from 0 to 400')
    expect(issue?.message).toContain('100 AWS keeps unreserved')
  })
})
