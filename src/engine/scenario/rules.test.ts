// Rules that tie fields together, and the ones that depend on the model: they apply only when the
// model reads the block, while the block's own ranges are checked whatever the model.
import { describe, expect, it } from 'vitest'
import { accept, pathsOf, reject, with_ } from './test-helpers'
import type { Model } from './types'

const on = (model: Model, patch: Record<string, unknown>): Record<string, unknown> => with_({ model, ...patch })

describe('sqs provisioned mode (ProvisionedPollerConfig)', () => {
  it('accepts minimumPollers and maximumPollers alone or together (the other takes the AWS default when the engine runs)', () => {
    expect(accept(on('sqs', { sqs: { minimumPollers: 5, maximumPollers: 50 } })).sqs).toMatchObject({
      minimumPollers: 5,
      maximumPollers: 50,
    })
    expect(accept(on('sqs', { sqs: { minimumPollers: 200 } })).sqs).toMatchObject({
      minimumPollers: 200,
      maximumPollers: null,
    })
    expect(accept(on('sqs', { sqs: { maximumPollers: 2 } })).sqs).toMatchObject({
      minimumPollers: null,
      maximumPollers: 2,
    })
  })

  it('rejects minimumPollers above maximumPollers, once, on minimumPollers', () => {
    const issues = reject(on('sqs', { sqs: { minimumPollers: 20, maximumPollers: 10 } }))
    expect(issues).toEqual([expect.objectContaining({ path: 'sqs.minimumPollers', value: '20' })])
    expect(issues[0]?.message).toMatch(/must not exceed sqs\.maximumPollers \(10\)/)
  })

  it('rejects MaximumConcurrency together with provisioned mode, with a message naming both (AWS: mutually exclusive)', () => {
    for (const pollers of [{ minimumPollers: 2 }, { maximumPollers: 10 }]) {
      const issues = reject(on('sqs', { sqs: { ...pollers, maximumConcurrency: 5 } }))
      expect(issues).toEqual([expect.objectContaining({ path: 'sqs.maximumConcurrency', value: '5' })])
      expect(issues[0]?.message).toMatch(/cannot be combined with provisioned mode/)
      expect(issues[0]?.message).toMatch(/mutually exclusive/)
    }
  })

  it('stays silent about the combination when a poller field is already out of range', () => {
    const issues = reject(on('sqs', { sqs: { minimumPollers: 1, maximumConcurrency: 5 } }))
    expect(pathsOf(issues)).toEqual(['sqs.minimumPollers'])
  })
})

describe('recursive loop without detection', () => {
  it('requires stopAtMs when the handler sends to its own queue and RecursiveLoop is Allow (the loop never ends)', () => {
    const issues = reject(on('sqs', { function: { recursiveLoop: 'Allow' }, sqs: { functionSendsToSameQueue: true } }))
    expect(issues).toEqual([expect.objectContaining({ path: 'stopAtMs' })])
    expect(issues[0]?.message).toMatch(/never end/)
    expect(
      accept(
        on('sqs', { stopAtMs: 1000, function: { recursiveLoop: 'Allow' }, sqs: { functionSendsToSameQueue: true } }),
      ).stopAtMs,
    ).toBe(1000)
    expect(accept(on('sqs', { sqs: { functionSendsToSameQueue: true } })).function.recursiveLoop).toBe('Terminate')
    // A 0 ms handler would loop for ever inside one millisecond.
    const zero = reject(
      on('sqs', {
        stopAtMs: 1000,
        function: { recursiveLoop: 'Allow', durationMs: { min: 0, max: 5 } },
        sqs: { functionSendsToSameQueue: true },
      }),
    )
    expect(zero).toEqual([expect.objectContaining({ path: 'function.durationMs' })])
    expect(zero[0]?.message).toMatch(/at least 1 ms/)
    const entry = reject(
      on('sqs', {
        stopAtMs: 1000,
        function: { recursiveLoop: 'Allow' },
        workload: [{ count: 1 }, { count: 1, durationMs: 0 }],
        sqs: { functionSendsToSameQueue: true },
      }),
    )
    expect(pathsOf(entry)).toEqual(['workload[1].durationMs'])
    expect(
      accept(on('sqs', { function: { durationMs: 0 }, sqs: { functionSendsToSameQueue: true } })).function
        .recursiveLoop,
    ).toBe('Terminate')
    // Only the SQS models read the sqs block.
    expect(
      accept(on('sync', { function: { recursiveLoop: 'Allow' }, sqs: { functionSendsToSameQueue: true } })).model,
    ).toBe('sync')
  })
})

describe('sqs batch size and batching window', () => {
  it('rejects batchSize 11 for sqs-fifo, even with a window', () => {
    const issues = reject(on('sqs-fifo', { sqs: { batchSize: 11 } }))
    expect(issues).toEqual([expect.objectContaining({ path: 'sqs.batchSize', value: '11' })])
    expect(issues[0]?.message).toMatch(/at most 10 for an sqs-fifo/)
  })

  it('accepts batchSize 10 for sqs-fifo', () => {
    expect(accept(on('sqs-fifo', { sqs: { batchSize: 10 } })).sqs.batchSize).toBe(10)
  })

  it('accepts batchSize 11 for sqs with a window of 1 s', () => {
    const scenario = accept(on('sqs', { sqs: { batchSize: 11, maximumBatchingWindowInSeconds: 1 } }))
    expect(scenario.sqs).toMatchObject({ batchSize: 11, maximumBatchingWindowInSeconds: 1 })
  })

  it('rejects batchSize above 10 without a window, whatever the model (same-block rule)', () => {
    for (const model of ['sqs', 'sync', 'kinesis'] as const) {
      const issues = reject(on(model, { sqs: { batchSize: 11 } }))
      expect(issues).toHaveLength(1)
      expect(issues[0]).toMatchObject({ path: 'sqs.batchSize', value: '11' })
      expect(issues[0]?.message).toMatch(/maximumBatchingWindowInSeconds of at least 1/)
    }
  })

  it('rejects a batching window for sqs-fifo only', () => {
    const issues = reject(on('sqs-fifo', { sqs: { maximumBatchingWindowInSeconds: 1 } }))
    expect(issues).toEqual([expect.objectContaining({ path: 'sqs.maximumBatchingWindowInSeconds', value: '1' })])
    expect(issues[0]?.message).toMatch(/must be 0 for sqs-fifo/)
    expect(accept(on('sqs', { sqs: { maximumBatchingWindowInSeconds: 1 } })).sqs.maximumBatchingWindowInSeconds).toBe(1)
  })
})

describe('sqs visibility timeout against the function timeout', () => {
  const shortVisibility = { function: { timeout: 30 }, sqs: { visibilityTimeout: 10 } }

  it.each(['sqs', 'sqs-fifo'] as const)(
    'rejects visibilityTimeout < timeout for %s, saying AWS rejects it',
    (model) => {
      const issues = reject(on(model, shortVisibility))
      expect(issues).toEqual([expect.objectContaining({ path: 'sqs.visibilityTimeout', value: '10' })])
      expect(issues[0]?.message).toMatch(/at least function\.timeout \(30 s\)/)
      expect(issues[0]?.message).toMatch(/AWS rejects/)
    },
  )

  it.each(['sync', 'async', 'kinesis', 'dynamodb'] as const)('ignores the cross-block rule for %s', (model) => {
    expect(accept(on(model, shortVisibility)).sqs.visibilityTimeout).toBe(10)
  })

  it('accepts visibilityTimeout equal to the timeout', () => {
    expect(accept(on('sqs', { function: { timeout: 30 }, sqs: { visibilityTimeout: 30 } })).sqs.visibilityTimeout).toBe(
      30,
    )
  })

  it('reports the default visibility timeout when a longer function timeout makes it invalid', () => {
    const issues = reject(on('sqs', { function: { timeout: 60 } }))
    expect(issues).toEqual([expect.objectContaining({ path: 'sqs.visibilityTimeout', value: '30' })])
    expect(issues[0]?.message).toMatch(/default/)
  })

  it('stays silent when the timeout itself is invalid', () => {
    expect(pathsOf(reject(on('sqs', { function: { timeout: 901 }, sqs: { visibilityTimeout: 10 } })))).toEqual([
      'function.timeout',
    ])
  })
})

describe('stream retention', () => {
  it('rejects retentionPeriodHours 48 for dynamodb', () => {
    const issues = reject(on('dynamodb', { stream: { retentionPeriodHours: 48 } }))
    expect(issues).toEqual([expect.objectContaining({ path: 'stream.retentionPeriodHours', value: '48' })])
    expect(issues[0]?.message).toMatch(/must be 24 for dynamodb/)
  })

  it('accepts 48 for kinesis and for models that do not read the stream block', () => {
    expect(accept(on('kinesis', { stream: { retentionPeriodHours: 48 } })).stream.retentionPeriodHours).toBe(48)
    expect(accept(on('sync', { stream: { retentionPeriodHours: 48 } })).stream.retentionPeriodHours).toBe(48)
  })

  it('accepts 24 for dynamodb', () => {
    expect(accept(on('dynamodb', { stream: { retentionPeriodHours: 24 } })).stream.retentionPeriodHours).toBe(24)
  })

  it('validates the block range even when the model does not read it', () => {
    expect(pathsOf(reject(on('sync', { stream: { retentionPeriodHours: 8761 } })))).toEqual([
      'stream.retentionPeriodHours',
    ])
    expect(pathsOf(reject(on('async', { sqs: { visibilityTimeout: -1 } })))).toEqual(['sqs.visibilityTimeout'])
  })
})

describe('reserved and provisioned concurrency', () => {
  it('bounds reserved concurrency by the account limit minus 100', () => {
    expect(
      accept(with_({ account: { concurrencyLimit: 500 }, function: { reservedConcurrentExecutions: 400 } })).function
        .reservedConcurrentExecutions,
    ).toBe(400)
    expect(
      pathsOf(reject(with_({ account: { concurrencyLimit: 500 }, function: { reservedConcurrentExecutions: 401 } }))),
    ).toEqual(['function.reservedConcurrentExecutions'])
  })

  it('leaves only 0 when the account limit is 100 or less', () => {
    expect(
      accept(with_({ account: { concurrencyLimit: 50 }, function: { reservedConcurrentExecutions: 0 } })).function
        .reservedConcurrentExecutions,
    ).toBe(0)
    expect(
      pathsOf(reject(with_({ account: { concurrencyLimit: 50 }, function: { reservedConcurrentExecutions: 1 } }))),
    ).toEqual(['function.reservedConcurrentExecutions'])
    expect(
      pathsOf(reject(with_({ account: { concurrencyLimit: 100 }, function: { provisionedConcurrentExecutions: 1 } }))),
    ).toEqual(['function.provisionedConcurrentExecutions'])
  })

  it('rejects provisioned above reserved, accepts it equal', () => {
    const fn = { reservedConcurrentExecutions: 5, provisionedConcurrentExecutions: 6 }
    const issues = reject(with_({ function: fn }))
    expect(issues).toEqual([expect.objectContaining({ path: 'function.provisionedConcurrentExecutions', value: '6' })])
    expect(issues[0]?.message).toMatch(/reservedConcurrentExecutions \(5\)/)
    expect(
      accept(with_({ function: { ...fn, provisionedConcurrentExecutions: 5 } })).function
        .provisionedConcurrentExecutions,
    ).toBe(5)
  })

  it('does not blame reserved concurrency for a bad account limit', () => {
    expect(
      pathsOf(reject(with_({ account: { concurrencyLimit: 0 }, function: { reservedConcurrentExecutions: 500 } }))),
    ).toEqual(['account.concurrencyLimit'])
  })
})

describe('an unknown model', () => {
  it('is one issue, and model-dependent rules stay silent', () => {
    const issues = reject(
      on('lambda' as Model, { function: { timeout: 30 }, sqs: { visibilityTimeout: 10, batchSize: 10 } }),
    )
    expect(pathsOf(issues)).toEqual(['model'])
    expect(issues[0]?.message).toContain('"sqs-fifo"')
  })
})
