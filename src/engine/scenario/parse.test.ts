import { describe, expect, it } from 'vitest'
import {
  DEFAULT_ACCOUNT,
  DEFAULT_ASYNC,
  DEFAULT_FUNCTION,
  DEFAULT_SQS,
  DEFAULT_STREAM,
  DEFAULT_SYNC,
  DEFAULT_WORKLOAD_ENTRY,
} from './defaults'
import { formatIssues, parseScenario, parseScenarioText } from './parse'
import { MINIMAL, accept, pathsOf, reject, with_ } from './test-helpers'
import type { Scenario } from './types'

const EXPECTED_DEFAULTS: Scenario = {
  version: 1,
  id: null,
  title: 'Untitled scenario',
  description: '',
  docUrl: null,
  model: 'sync',
  seed: 1,
  stopAtMs: null,
  account: { concurrencyLimit: 1000, scalingRatePer10s: 1000 },
  function: {
    timeout: 3,
    reservedConcurrentExecutions: null,
    provisionedConcurrentExecutions: 0,
    initDurationMs: 300,
    durationMs: 120,
    errorRate: 0,
    idleEnvironmentTtlMs: 600000,
    recursiveLoop: 'Terminate',
  },
  workload: [],
  sync: { caller: 'api-gateway', callerTimeoutMs: 29000, clientMaxAttempts: 1, clientBackoffMs: 100 },
  async: {
    source: 's3',
    maximumRetryAttempts: 2,
    maximumEventAgeInSeconds: 21600,
    onSuccess: null,
    onFailure: null,
    deadLetterQueue: null,
    duplicateDeliveryRate: 0,
    deadLetterQueueWriteFails: false,
  },
  sqs: {
    batchSize: 10,
    messageRetentionPeriod: 345600,
    maximumBatchingWindowInSeconds: 0,
    visibilityTimeout: 30,
    maxReceiveCount: null,
    reportBatchItemFailures: false,
    maximumConcurrency: null,
    minimumPollers: null,
    maximumPollers: null,
    functionSendsToSameQueue: false,
  },
  stream: {
    shards: 1,
    batchSize: 100,
    maximumBatchingWindowInSeconds: 0,
    startingPosition: 'TRIM_HORIZON',
    parallelizationFactor: 1,
    maximumRetryAttempts: -1,
    maximumRecordAgeInSeconds: -1,
    bisectBatchOnFunctionError: false,
    reportBatchItemFailures: false,
    onFailure: null,
    retentionPeriodHours: 24,
  },
}

describe('defaults', () => {
  it('fills every field of a minimal scenario with the documented AWS default', () => {
    expect(accept(MINIMAL)).toStrictEqual(EXPECTED_DEFAULTS)
  })

  it('matches the exported default blocks', () => {
    const s = accept(MINIMAL)
    expect(s.account).toEqual(DEFAULT_ACCOUNT)
    expect(s.function).toEqual(DEFAULT_FUNCTION)
    expect(s.sync).toEqual(DEFAULT_SYNC)
    expect(s.async).toEqual(DEFAULT_ASYNC)
    expect(s.sqs).toEqual(DEFAULT_SQS)
    expect(s.stream).toEqual(DEFAULT_STREAM)
  })

  it('fills every field of a workload entry', () => {
    expect(accept(with_({ workload: [{}] })).workload).toStrictEqual([DEFAULT_WORKLOAD_ENTRY])
    expect(accept(with_({ workload: [{ count: 3 }] })).workload[0]).toStrictEqual({
      ...DEFAULT_WORKLOAD_ENTRY,
      count: 3,
    })
  })

  it('fills the omitted fields of a partly given block', () => {
    expect(accept(with_({ function: { timeout: 10 } })).function).toStrictEqual({ ...DEFAULT_FUNCTION, timeout: 10 })
  })

  it('uses the id as the title when there is no title', () => {
    expect(accept(with_({ id: 'my-run' }))).toMatchObject({ id: 'my-run', title: 'my-run' })
    expect(accept(with_({ id: 'my-run', title: 'Mine' })).title).toBe('Mine')
  })

  it.each([
    ['api-gateway', 29000],
    ['alb', 60000],
    ['function-url', null],
    ['sdk', null],
  ] as const)('defaults callerTimeoutMs for %s to %s', (caller, timeout) => {
    expect(accept(with_({ sync: { caller } })).sync.callerTimeoutMs).toBe(timeout)
  })

  it('keeps an explicit callerTimeoutMs, and an explicit null means the caller waits', () => {
    expect(accept(with_({ sync: { caller: 'alb', callerTimeoutMs: 1000 } })).sync.callerTimeoutMs).toBe(1000)
    expect(accept(with_({ sync: { caller: 'api-gateway', callerTimeoutMs: null } })).sync.callerTimeoutMs).toBeNull()
  })

  it('treats an own property holding undefined as omitted', () => {
    expect(accept(with_({ seed: undefined, function: { timeout: undefined } }))).toStrictEqual(EXPECTED_DEFAULTS)
  })

  it('accepts every model', () => {
    for (const model of ['sync', 'async', 'sqs', 'sqs-fifo', 'kinesis', 'dynamodb'] as const) {
      expect(accept(with_({ model })).model).toBe(model)
    }
  })
})

describe('required fields', () => {
  it('reports each missing required field, with the value "nothing"', () => {
    const issues = reject({})
    expect(pathsOf(issues)).toEqual(['version', 'model', 'workload'])
    expect(issues.every((i) => i.value === 'nothing' && i.message.startsWith('is required'))).toBe(true)
  })

  it.each([2, '1', 1.0000001, null])('rejects version %j', (version) => {
    expect(reject(with_({ version }))).toEqual([
      expect.objectContaining({ path: 'version', message: expect.stringContaining('must be 1') }),
    ])
  })

  it('accepts an empty workload and rejects a workload that is not a list', () => {
    expect(accept(with_({ workload: [] })).workload).toEqual([])
    expect(pathsOf(reject(with_({ workload: { count: 1 } })))).toEqual(['workload'])
    expect(pathsOf(reject(with_({ workload: null })))).toEqual(['workload'])
  })

  it.each([null, [], 'scenario', 42, true, undefined, () => 1, new Date(0), new Map(), Object.create({ version: 1 })])(
    'gives one clear issue for a non-object scenario (%s)',
    (input) => {
      const issues = reject(input)
      expect(issues).toHaveLength(1)
      expect(issues[0]).toMatchObject({ path: '', message: expect.stringContaining('must be a JSON object') })
    },
  )

  it('accepts an object without a prototype', () => {
    expect(accept(Object.assign(Object.create(null) as object, MINIMAL)).model).toBe('sync')
  })
})

describe('unknown fields and wrong types', () => {
  it('reports an unknown field at any level with its path', () => {
    const issues = reject(
      with_({ extra: 1, function: { timout: 5 }, workload: [{ cout: 2 }], sqs: { batch: 1 }, stream: { shard: 2 } }),
    )
    expect(pathsOf(issues)).toEqual(['extra', 'function.timout', 'workload[0].cout', 'sqs.batch', 'stream.shard'])
    expect(issues.every((i) => i.message.startsWith('unknown field'))).toBe(true)
  })

  it('suggests the field a typo was probably meant to be', () => {
    expect(reject(with_({ function: { timout: 5 } }))[0]?.message).toBe('unknown field (did you mean "timeout"?)')
    expect(reject(with_({ Seed: 5 }))[0]?.message).toBe('unknown field (did you mean "seed"?)')
  })

  it('quotes odd keys in the path', () => {
    expect(pathsOf(reject(with_({ function: { 'time out': 5 } })))).toEqual(['function["time out"]'])
  })

  it('treats __proto__ as an unknown field and never follows it', () => {
    const fromJson: unknown = JSON.parse('{"version":1,"model":"sync","workload":[],"__proto__":{"seed":"x"}}')
    expect(pathsOf(reject(fromJson))).toEqual(['__proto__'])
    expect(pathsOf(reject(with_({ function: { ['__proto__']: { timeout: 0 } } })))).toEqual(['function.__proto__'])
  })

  it.each([
    ['account', 5],
    ['function', []],
    ['sync', null],
    ['async', 'sns'],
    ['sqs', true],
    ['stream', [1]],
  ])('rejects %s given as %j', (block, value) => {
    expect(reject(with_({ [block]: value }))).toEqual([
      expect.objectContaining({ path: block, message: expect.stringContaining('must be an object') }),
    ])
  })

  it('rejects a workload entry that is not an object', () => {
    expect(pathsOf(reject(with_({ workload: [{}, 5, null, 'x'] })))).toEqual([
      'workload[1]',
      'workload[2]',
      'workload[3]',
    ])
  })

  it('rejects a duration range with a missing or extra bound', () => {
    expect(pathsOf(reject(with_({ function: { durationMs: { min: 5 } } })))).toEqual(['function.durationMs.max'])
    expect(pathsOf(reject(with_({ function: { durationMs: { min: 1, max: 2, avg: 1 } } })))).toEqual([
      'function.durationMs.avg',
    ])
    expect(reject(with_({ function: { durationMs: { min: 9, max: 3 } } }))).toEqual([
      { path: 'function.durationMs.min', value: '9', message: 'must not be greater than function.durationMs.max (3)' },
    ])
  })
})

describe('collecting every problem', () => {
  it('reports one issue per problem across blocks and entries, not only the first', () => {
    const issues = reject({
      version: 2,
      model: 'kinesis',
      seed: -1,
      workload: [{ count: 0 }, { atMs: 1.5, fail: 'sometimes' }],
      function: { timeout: 0, errorRate: Number.NaN },
      stream: { shards: 65, retentionPeriodHours: 23 },
      async: { onSuccess: 's3' },
    })
    expect(pathsOf(issues)).toEqual([
      'version',
      'seed',
      'function.timeout',
      'function.errorRate',
      'workload[0].count',
      'workload[1].atMs',
      'workload[1].fail',
      'async.onSuccess',
      'stream.shards',
      'stream.retentionPeriodHours',
    ])
  })

  it('caps a flood of problems and says how many were left out', () => {
    const flood = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`junk${i}`, i]))
    const issues = reject(with_(flood))
    expect(issues).toHaveLength(1001)
    expect(issues[1000]?.message).toMatch(/^4000 more problems/)
  })
})

describe('workload limits', () => {
  it('accepts exactly 1,000,000 events and rejects one more with one issue naming the total', () => {
    const big = Array.from({ length: 10 }, () => ({ count: 100000 }))
    expect(accept(with_({ workload: big })).workload).toHaveLength(10)
    const issues = reject(with_({ workload: [...big, { count: 1 }] }))
    expect(issues).toEqual([expect.objectContaining({ path: 'workload', value: '1000001' })])
    expect(issues[0]?.message).toContain('1000001 events')
  })

  it('accepts 10,000 entries and rejects 10,001 with one issue, without reading the entries', () => {
    expect(accept(with_({ workload: Array.from({ length: 10000 }, () => ({})) })).workload).toHaveLength(10000)
    const issues = reject(with_({ workload: Array.from({ length: 10001 }, () => ({ count: 0 })) }))
    expect(issues).toEqual([
      expect.objectContaining({ path: 'workload', message: expect.stringContaining('10001 entries') }),
    ])
  })

  it('rejects a huge sparse workload at once', () => {
    const huge: unknown[] = []
    huge.length = 4_000_000_000
    expect(pathsOf(reject(with_({ workload: huge })))).toEqual(['workload'])
  })

  it('reports holes in a sparse list', () => {
    const sparse: unknown[] = [{}]
    sparse[2] = {}
    expect(reject(with_({ workload: sparse }))).toEqual([
      expect.objectContaining({ path: 'workload[1]', value: 'nothing' }),
    ])
  })
})

describe('hostile input', () => {
  it('never calls a getter, and reports it', () => {
    let calls = 0
    const fn = {}
    Object.defineProperty(fn, 'timeout', {
      enumerable: true,
      get: () => {
        calls++
        throw new Error('boom')
      },
    })
    expect(reject(with_({ function: fn }))).toEqual([
      expect.objectContaining({ path: 'function.timeout', value: 'a getter (not called)' }),
    ])
    expect(calls).toBe(0)
  })

  it('ignores non-enumerable and symbol-keyed properties', () => {
    const input: Record<PropertyKey, unknown> = { ...MINIMAL, [Symbol('x')]: 1 }
    Object.defineProperty(input, 'seed', { value: 'bad', enumerable: false })
    expect(accept(input).seed).toBe(1)
  })

  it('survives a proxy whose traps throw', () => {
    const trap = (): never => {
      throw new Error('trap')
    }
    const evil = new Proxy(
      {},
      { ownKeys: trap, get: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap, has: trap },
    )
    for (const input of [
      evil,
      with_({ function: evil }),
      with_({ workload: [evil] }),
      with_({ workload: new Proxy([], { get: trap, getOwnPropertyDescriptor: trap }) }),
    ]) {
      const result = parseScenario(input)
      expect(result.ok).toBe(false)
    }
  })

  it('survives a thrown value whose own methods throw', () => {
    const nasty = new Proxy(
      {},
      {
        get: () => {
          throw nasty
        },
      },
    )
    const result = parseScenario(
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw nasty
          },
        },
      ),
    )
    expect(result.ok).toBe(false)
  })

  it('describes a deeply nested value briefly', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100000; i++) deep = [deep]
    const issues = reject(with_({ function: { durationMs: deep } }))
    expect(issues).toHaveLength(1)
    expect(issues[0]?.value.length).toBeLessThanOrEqual(80)
  })

  it('truncates long values to 80 characters', () => {
    const [issue] = reject(with_({ title: 'x'.repeat(5000) }))
    expect(issue?.value).toHaveLength(80)
    expect(issue?.value.endsWith('…')).toBe(true)
  })
})

describe('the returned scenario', () => {
  const input = {
    ...MINIMAL,
    id: 'fresh',
    function: { durationMs: { min: 1, max: 2 } },
    workload: [{ count: 2, durationMs: { min: 3, max: 4 } }],
  }

  it('never mutates the input', () => {
    const before = JSON.stringify(input)
    accept(input)
    expect(JSON.stringify(input)).toBe(before)
  })

  it('shares no object with the input or the defaults', () => {
    const s = accept(input)
    expect(s.function.durationMs).toEqual({ min: 1, max: 2 })
    expect(s.function.durationMs).not.toBe(input.function.durationMs)
    expect(s.workload).not.toBe(input.workload)
    expect(s.workload[0]?.durationMs).not.toBe(input.workload[0]?.durationMs)
    for (const [block, defaults] of [
      [s.account, DEFAULT_ACCOUNT],
      [s.sqs, DEFAULT_SQS],
      [s.stream, DEFAULT_STREAM],
    ] as const) {
      expect(block).not.toBe(defaults)
      expect(Object.isFrozen(block)).toBe(false)
    }
  })

  it('survives a JSON round trip unchanged', () => {
    const s = accept(input)
    expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s)
  })

  it('turns -0 into 0', () => {
    expect(Object.is(accept(with_({ workload: [{ atMs: -0 }] })).workload[0]?.atMs, 0)).toBe(true)
  })
})

describe('parseScenarioText', () => {
  it('parses JSON text', () => {
    expect(parseScenarioText(JSON.stringify(MINIMAL))).toEqual({ ok: true, scenario: EXPECTED_DEFAULTS })
  })

  it('accepts a leading byte order mark', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(MINIMAL)}`).ok).toBe(true)
  })

  it('turns a syntax error into one issue with a line and column', () => {
    const result = parseScenarioText('{\n  "version": 1,\n}')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ path: '', value: '' })
    expect(result.issues[0]?.message).toMatch(/^not valid JSON: .*line 3, column 1/)
  })

  it.each(['', '   \n', 'nul', '{"a":', '[1,2'])('rejects %j with one issue', (text) => {
    const result = parseScenarioText(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toHaveLength(1)
  })

  it('validates the parsed value like parseScenario', () => {
    const result = parseScenarioText('{"version":1,"model":"sync","workload":[],"function":{"timeout":0}}')
    expect(result.ok ? [] : pathsOf(result.issues)).toEqual(['function.timeout'])
  })

  it('rejects text over 5 MB, counting UTF-8 bytes', () => {
    const padded = `{"version":1,"model":"sync","workload":[],"description":"${' '.repeat(5 * 1024 * 1024)}"}`
    const ascii = parseScenarioText(padded)
    expect(ascii.ok ? '' : ascii.issues[0]?.message).toMatch(/larger than 5 MB/)
    // 1.8 million euro signs: fewer characters than the limit, but 5.4 MB of UTF-8.
    const euros = parseScenarioText(`"${'€'.repeat(1_800_000)}"`)
    expect(euros.ok ? '' : euros.issues[0]?.message).toMatch(/larger than 5 MB/)
  })

  it('gives one issue for a value that is not text', () => {
    const result = parseScenarioText(42 as unknown as string)
    expect(result.ok ? 0 : result.issues.length).toBe(1)
  })
})

describe('formatIssues', () => {
  it('writes one line per issue: path, message and the value seen', () => {
    const issues = reject(with_({ version: 2, function: { timeout: 0 } }))
    expect(formatIssues(issues)).toBe(
      [
        'version: must be 1: this app reads scenario format version 1 (got 2)',
        'function.timeout: must be an integer from 1 to 900 (seconds; AWS Timeout) (got 0)',
      ].join('\n'),
    )
  })

  it('leaves out an empty path and an empty value', () => {
    expect(formatIssues([{ path: '', value: '', message: 'not valid JSON' }])).toBe('not valid JSON')
    expect(formatIssues([{ path: '', value: 'null', message: 'must be an object' }])).toBe(
      'must be an object (got null)',
    )
    expect(formatIssues([])).toBe('')
  })
})

describe('extension: docUrl', () => {
  it('accepts an https link and defaults to null', () => {
    const ok = parseScenario({
      version: 1,
      model: 'sync',
      workload: [],
      docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html',
    })
    expect(ok.ok && ok.scenario.docUrl).toBe('https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html')
    const none = parseScenario({ version: 1, model: 'sync', workload: [] })
    expect(none.ok && none.scenario.docUrl).toBeNull()
  })
  it('rejects javascript: and http: URLs', () => {
    for (const docUrl of ['javascript:alert(1)', 'http://example.com', 'https://x.y/"><script>']) {
      const r = parseScenario({ version: 1, model: 'sync', workload: [], docUrl })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues[0]?.path).toBe('docUrl')
    }
  })
})
