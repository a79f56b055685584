import { describe, expect, it } from 'vitest'
import { run, type Run } from './harness'

/**
 * Rules that an independent implementation of docs/SCENARIO.md read differently (issue 11, part A).
 * Each test names the fact-sheet section and the contract's precise rule it pins down.
 */

function tries(r: Run, id: string): [number, string, string | undefined, boolean | undefined][] {
  return r.event(id).attempts.map((a) => [a.atMs, a.result, a.environment, a.coldStart])
}

describe('precise rules found by differential testing', () => {
  it.each(['kinesis', 'dynamodb'])(
    '§4.1 %s: a full batch does not wait for the batching window (BatchSize 1, window 5 s, record at 0 → invoked at 0)',
    (model) => {
      const r = run({ model, stream: { batchSize: 1, maximumBatchingWindowInSeconds: 5 }, workload: [{ atMs: 0 }] })
      expect(r.event('evt-1').attempts[0]!.atMs).toBe(0)
    },
  )

  it('§4.1 kinesis: BatchSize reached during the window invokes at that moment, not at the window end', () => {
    const r = run({
      model: 'kinesis',
      stream: { batchSize: 2, maximumBatchingWindowInSeconds: 5 },
      workload: [{ atMs: 0 }, { atMs: 1000 }],
    })
    expect(r.event('evt-1').attempts[0]!.atMs).toBe(1000)
    expect(r.event('evt-2').attempts[0]!.batch).toBe(r.event('evt-1').attempts[0]!.batch)
  })

  it('§4.1 kinesis: a record alone still waits for the window when BatchSize is not reached', () => {
    const r = run({
      model: 'kinesis',
      stream: { batchSize: 2, maximumBatchingWindowInSeconds: 5 },
      workload: [{ atMs: 0 }],
    })
    expect(r.event('evt-1').attempts[0]!.atMs).toBe(5000)
  })

  it('§4.1 sqs: a full batch does not wait for the batching window (BatchSize 1, window 5 s)', () => {
    const r = run({ model: 'sqs', sqs: { batchSize: 1, maximumBatchingWindowInSeconds: 5 }, workload: [{ atMs: 0 }] })
    expect(r.event('evt-1').attempts[0]!.atMs).toBe(0)
  })

  it('spec "pending when the run stopped first": events that had not arrived at stopAtMs are in the report, pending and untried, in arrival order', () => {
    const r = run({
      model: 'sync',
      stopAtMs: 100,
      workload: [{ atMs: 0 }, { atMs: 200 }, { atMs: 150, count: 2, everyMs: 100, idPrefix: 'late' }],
    })
    expect(r.report.events!.map((e) => e.id)).toEqual(['evt-1', 'late-1', 'evt-2', 'late-2'])
    for (const id of ['evt-2', 'late-1', 'late-2'])
      expect(r.event(id)).toEqual({ id, outcome: 'pending', attempts: [], deliveries: [] })
    expect(r.event('evt-1').outcome).toBe('pending')
    expect(r.report.endedAtMs).toBe(100)
  })

  it('§1.4 and §3.3: a sync request and an async first try at the instant the only environment frees are both tried at arrival, so both are throttled', () => {
    const fn = { reservedConcurrentExecutions: 1, durationMs: 100, initDurationMs: 0 }
    const sync = run({ model: 'sync', function: fn, workload: [{ atMs: 0 }, { atMs: 100 }] })
    expect(tries(sync, 'evt-2')).toEqual([[100, 'throttled', undefined, undefined]])
    const async = run({ model: 'async', function: fn, workload: [{ atMs: 0 }, { atMs: 100 }] })
    // Throttled at arrival, then the throttle backoff (1 s) finds the environment free.
    expect(tries(async, 'evt-2')).toEqual([
      [100, 'throttled', undefined, undefined],
      [1100, 'success', 'env-1', false],
    ])
  })

  it('§4.3 streams: a record processed without error but after the partial-response checkpoint stays pending while it is retried', () => {
    const r = run({
      model: 'kinesis',
      stopAtMs: 1000,
      function: { initDurationMs: 0 },
      stream: { batchSize: 3, reportBatchItemFailures: true },
      workload: [{ atMs: 0, fail: 'always' }, { atMs: 0 }],
    })
    expect(tries(r, 'evt-2')).toEqual([[0, 'success', 'env-1', true]])
    expect(r.event('evt-2').outcome).toBe('pending')
  })

  it('§2.1 and §5: DurationP50/P99 are handler time, not the retried Init, when Init runs over 10 s', () => {
    const r = run({
      model: 'sync',
      function: { initDurationMs: 12000, durationMs: 100, timeout: 30 },
      workload: [{ atMs: 0 }],
    })
    expect(tries(r, 'evt-1')).toEqual([[0, 'success', 'env-1', true]])
    expect(r.event('evt-1').attempts[0]!.endMs).toBe(22100)
    expect(r.report.metrics).toMatchObject({ DurationP50Ms: 100, DurationP99Ms: 100, ColdStarts: 1 })
  })

  it('§2.1 and §2.2: an initialised provisioned environment is preferred over one a timeout reset (no needless Init)', () => {
    const r = run({
      model: 'sync',
      function: { provisionedConcurrentExecutions: 2, timeout: 1, durationMs: 120 },
      workload: [{ atMs: 0, durationMs: 5000 }, { atMs: 0 }, { atMs: 2000 }],
    })
    expect(tries(r, 'evt-1')).toEqual([[0, 'timeout', 'env-2', false]])
    // env-2 was freed last but needs Init again after its reset; env-1 is initialised.
    expect(tries(r, 'evt-3')).toEqual([[2000, 'success', 'env-1', false]])
    expect(r.report.metrics.ColdStarts).toBe(0)
  })

  it('§3.3 async: the throttle backoff restarts at 1 s after a try that ran (1, 2, 4 s; the function runs and fails; 1, 2, 4 s again)', () => {
    const r = run({
      model: 'async',
      function: { reservedConcurrentExecutions: 1, initDurationMs: 0, durationMs: 120, timeout: 10 },
      workload: [
        { atMs: 0, durationMs: 3500 },
        { atMs: 0, fail: 1 },
        { atMs: 67000, durationMs: 5000 },
      ],
    })
    expect(r.event('evt-2').attempts.map((a) => [a.atMs, a.result])).toEqual([
      [0, 'throttled'],
      [1000, 'throttled'],
      [3000, 'throttled'],
      [7000, 'error'],
      [67120, 'throttled'],
      [68120, 'throttled'],
      [70120, 'throttled'],
      [74120, 'success'],
    ])
  })

  it('§4.3 "older than MaximumRecordAgeInSeconds" is strict: a record exactly 60 s old is still processed', () => {
    const r = run({
      model: 'kinesis',
      stream: { maximumRecordAgeInSeconds: 60, maximumBatchingWindowInSeconds: 60 },
      workload: [{ atMs: 0 }],
    })
    expect(tries(r, 'evt-1')).toEqual([[60000, 'success', 'env-1', true]])
    expect(r.event('evt-1').outcome).toBe('succeeded')
  })
})
