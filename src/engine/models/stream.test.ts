import { describe, expect, it } from 'vitest'
import { toArray } from '../paged'
import { run, scenario } from '../__tests__/harness'
import { advance, createSim } from '../sim'
import { selectStage } from '../stage'
import { placeKey, rangeIndex } from './streamShards'

/** Cold start 300 ms + handler 120 ms = 420 ms; warm invocations take 120 ms (the defaults). */
const fn = { initDurationMs: 300, durationMs: 120 }

/** The Kinesis sequence number of the shard's n-th record, as on-failure records carry it (56 digits). */
const kseq = (n: number) => `49590338271490256608559692538361${String(n).padStart(24, '0')}`

const attemptsOf = (r: ReturnType<typeof run>, id: string) =>
  r.event(id).attempts.map((a) => [a.atMs, a.endMs, a.result, a.batch])

describe('Kinesis / DynamoDB Streams event source mapping (fact sheet §4.1, §4.3)', () => {
  it('§4.3 a healthy shard: one batch of every record that arrived at t, checkpoint past it, IteratorAge = end − last arrival', () => {
    const r = run({ model: 'kinesis', function: fn, workload: [{ count: 3 }, { atMs: 1000, count: 2, everyMs: 100 }] })
    expect(attemptsOf(r, 'evt-1')).toEqual([[0, 420, 'success', 'batch-1']])
    expect(attemptsOf(r, 'evt-3')).toEqual([[0, 420, 'success', 'batch-1']])
    // A free lane reads at once (immediate polling): evt-4 alone at 1000, evt-5 at 1120 after it.
    expect(attemptsOf(r, 'evt-4')).toEqual([[1000, 1120, 'success', 'batch-2']])
    expect(attemptsOf(r, 'evt-5')).toEqual([[1120, 1240, 'success', 'batch-3']])
    expect(r.report.events!.every((e) => e.outcome === 'succeeded' && e.deliveries.length === 0)).toBe(true)
    expect(r.report.metrics).toMatchObject({
      Invocations: 3,
      Errors: 0,
      MaxIteratorAgeMs: 420,
      MaxConcurrentExecutions: 1,
    })
    expect(toArray(r.state.stream!.seqOf)).toEqual([1, 2, 3, 4, 5])
    expect(r.state.stream!.lanes[0]!.checkpoint).toBe(5)
  })

  it('§6.11 bisect on, MaximumRetryAttempts=2: the batch halves until the poison record is alone, which then spends its 2 retries and goes to on-failure with KinesisBatchInfo; good records on both sides succeed', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 4 }, { count: 1, fail: 'always', idPrefix: 'poison' }, { count: 3 }],
      stream: { batchSize: 8, maximumRetryAttempts: 2, bisectBatchOnFunctionError: true, onFailure: 'sqs' },
    })
    // 8 → [1-4 ok] + [p,5,6,7] → [p,5] + [6,7] → [p] + [5]; p: 1 + 2 retries alone.
    // Backoff 1 s, 2 s, 4 s, 8 s (consecutive failures).
    expect(attemptsOf(r, 'evt-1')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [1420, 1540, 'success', 'batch-2'],
    ])
    expect(attemptsOf(r, 'poison-1')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [1540, 1660, 'error', 'batch-3'],
      [2660, 2780, 'error', 'batch-4'],
      [4780, 4900, 'error', 'batch-5'],
      [8900, 9020, 'error', 'batch-6'],
      [17020, 17140, 'error', 'batch-7'],
    ])
    expect(attemptsOf(r, 'evt-5')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [1540, 1660, 'error', 'batch-3'],
      [2660, 2780, 'error', 'batch-4'],
      [17140, 17260, 'success', 'batch-8'],
    ])
    expect(attemptsOf(r, 'evt-7')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [1540, 1660, 'error', 'batch-3'],
      [17260, 17380, 'success', 'batch-9'],
    ])
    const p = r.event('poison-1')
    expect(p.outcome).toBe('failed')
    expect(p.deliveries).toEqual([
      {
        to: 'onFailure',
        condition: 'RetryAttemptsExhausted',
        target: 'sqs',
        atMs: 17140,
        record: {
          version: '1.0',
          timestamp: '2024-01-01T00:00:17.140Z',
          requestContext: {
            requestId: expect.any(String),
            functionArn: expect.any(String),
            condition: 'RetryAttemptsExhausted',
            approximateInvokeCount: 6,
          },
          responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          KinesisBatchInfo: {
            shardId: 'shardId-000000000000',
            startSequenceNumber: kseq(5),
            endSequenceNumber: kseq(5),
            approximateArrivalOfFirstRecord: '2024-01-01T00:00:00.000Z',
            approximateArrivalOfLastRecord: '2024-01-01T00:00:00.000Z',
            batchSize: 1,
            streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/sim-stream',
          },
        },
      },
    ])
    for (const id of ['evt-1', 'evt-2', 'evt-3', 'evt-4', 'evt-5', 'evt-6', 'evt-7'])
      expect(r.event(id).outcome).toBe('succeeded')
    expect(r.report.metrics).toMatchObject({
      Invocations: 9,
      Errors: 6,
      OnFailureDeliveries: 1,
      MaxIteratorAgeMs: 17380 - 0,
    })
    const bisects = r.transitions.filter((t) => t.type === 'bisected').map((t) => t.fact)
    expect(bisects).toHaveLength(3)
    expect(bisects[0]).toMatchObject({ kind: 'streamBisected', batch: 'batch-1', end: 'error', count: 8, half: 4 })
  })

  it('§6.11 with bisect and MaximumRetryAttempts=0 the lone poison record is given up on at its first failure', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 1 }, { count: 1, fail: 'always', idPrefix: 'poison' }],
      stream: { maximumRetryAttempts: 0, bisectBatchOnFunctionError: true },
    })
    expect(attemptsOf(r, 'poison-1')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [1540, 1660, 'error', 'batch-3'],
    ])
    expect(r.event('poison-1').deliveries).toEqual([
      { to: 'discarded', condition: 'RetryAttemptsExhausted', atMs: 1660 },
    ])
    expect(r.report.metrics.OnFailureDeliveries).toBe(0)
  })

  it('§6.12 defaults (−1/−1, no bisect): a poison record blocks its shard until it is older than 24 h (1 ms past); IteratorAge keeps rising; records behind it run only after', () => {
    const raw = {
      model: 'kinesis',
      function: fn,
      workload: [
        { count: 1, fail: 'always', idPrefix: 'poison' },
        { atMs: 1000, count: 5, everyMs: 1000 },
      ],
    }
    const r = run(raw)
    const p = r.event('poison-1')
    // Exponential backoff from 1 s, capped at 60 s: 7 short waits, then every 60 s until 24 h.
    expect(p.attempts).toHaveLength(1443)
    expect(p.attempts.slice(0, 4).map((a) => a.atMs)).toEqual([0, 1420, 3540, 7660])
    const gaps = p.attempts.slice(1).map((a, k) => a.atMs - p.attempts[k]!.endMs!)
    expect(gaps.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000])
    expect(Math.max(...gaps)).toBe(60000)
    expect(p.outcome).toBe('failed')
    expect(p.deliveries).toEqual([{ to: 'discarded', condition: 'RetentionExpired', atMs: 86400001 }])
    for (let k = 1; k <= 5; k++) {
      expect(r.event(`evt-${k}`).attempts).toEqual([
        {
          atMs: 86400001,
          endMs: 86400121,
          result: 'success',
          coldStart: false,
          environment: 'env-1',
          batch: 'batch-1444',
        },
      ])
    }
    expect(r.report.metrics).toMatchObject({
      Invocations: 1444,
      Errors: 1443,
      MaxIteratorAgeMs: 86396460,
      OnFailureDeliveries: 0,
    })
    expect(r.report.endedAtMs).toBe(86400121)
    // IteratorAge rises while the shard is blocked.
    const s0 = createSim(scenario(raw))
    const at1h = advance(s0, { until: 3600000, collect: false }).state
    const at2h = advance(at1h, { until: 7200000, collect: false }).state
    expect(at1h.metrics.MaxIteratorAgeMs).toBeGreaterThan(3500000)
    expect(at2h.metrics.MaxIteratorAgeMs).toBeGreaterThan(at1h.metrics.MaxIteratorAgeMs + 3500000)
    expect(at2h.events.slice(1).every((e) => e.stage === 'queued' && e.attempts.length === 0)).toBe(true)
    expect(r.transitions.find((t) => t.type === 'retryScheduled')!.fact).toMatchObject({
      kind: 'streamRetryScheduled',
      at: { shard: 0, lane: 0 },
      count: 1,
      retry: 1,
    })
  })

  it('§6.12 with an on-failure destination the expired record goes there with RetentionExpired and its batch info', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 1, fail: 'always' }],
      stream: { onFailure: 'sns' },
    })
    const d = r.event('evt-1').deliveries
    expect(d).toHaveLength(1)
    expect(d[0]).toMatchObject({ to: 'onFailure', condition: 'RetentionExpired', target: 'sns', atMs: 86400001 })
    expect(d[0]!.record).toMatchObject({
      requestContext: { condition: 'RetentionExpired', approximateInvokeCount: 1443 },
      KinesisBatchInfo: { batchSize: 1, startSequenceNumber: kseq(1) },
    })
    expect(r.report.metrics.OnFailureDeliveries).toBe(1)
  })

  it('§6.13 ReportBatchItemFailures with items 105 and 103 failing in batch 100–110: checkpoint at 103, records 103–110 retried; not an error', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 102 }, { count: 1, fail: 1 }, { count: 1 }, { count: 1, fail: 1 }, { count: 5 }],
      stream: { batchSize: 11, reportBatchItemFailures: true },
    })
    // 110 records at t=0 in batches of 11: the tenth batch holds sequence numbers 100–110.
    const seq = toArray(r.state.stream!.seqOf)
    expect(seq[99]).toBe(100)
    expect(attemptsOf(r, 'evt-100')).toEqual([[1380, 1500, 'success', 'batch-10']])
    expect(attemptsOf(r, 'evt-102')).toEqual([[1380, 1500, 'success', 'batch-10']])
    expect(attemptsOf(r, 'evt-103')).toEqual([
      [1380, 1500, 'error', 'batch-10'],
      [2500, 2620, 'success', 'batch-11'],
    ])
    expect(attemptsOf(r, 'evt-104')).toEqual([
      [1380, 1500, 'success', 'batch-10'],
      [2500, 2620, 'success', 'batch-11'],
    ])
    expect(attemptsOf(r, 'evt-105')).toEqual([
      [1380, 1500, 'error', 'batch-10'],
      [2500, 2620, 'success', 'batch-11'],
    ])
    expect(attemptsOf(r, 'evt-110')).toEqual([
      [1380, 1500, 'success', 'batch-10'],
      [2500, 2620, 'success', 'batch-11'],
    ])
    expect(r.report.events!.every((e) => e.outcome === 'succeeded')).toBe(true)
    expect(r.report.metrics).toMatchObject({ Invocations: 11, Errors: 0 })
    expect(r.transitions.find((t) => t.type === 'checkpointed' && t.batch === 'batch-10')!.fact).toEqual({
      kind: 'streamPartialFailure',
      batch: 'batch-10',
      failed: [103, 105],
      checkpoint: 103,
      retry: { first: 103, last: 110 },
    })
  })

  it('§4.3 partial responses that keep failing use up MaximumRetryAttempts: the remainder is discarded as one batch; a record processed after the checkpoint is failed too (one outcome, deliveries agree)', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 1 }, { count: 1, fail: 'always', idPrefix: 'bad' }, { count: 1 }],
      stream: { reportBatchItemFailures: true, maximumRetryAttempts: 1, onFailure: 's3' },
    })
    expect(attemptsOf(r, 'bad-1')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [1420, 1540, 'error', 'batch-2'],
    ])
    expect(attemptsOf(r, 'evt-2')).toEqual([
      [0, 420, 'success', 'batch-1'],
      [1420, 1540, 'success', 'batch-2'],
    ])
    expect(r.event('bad-1').outcome).toBe('failed')
    // evt-2 ran without error twice, but sat after the checkpoint: Lambda gave up on it with the rest.
    expect(r.event('evt-2').outcome).toBe('failed')
    expect(r.event('evt-1').outcome).toBe('succeeded')
    for (const id of ['bad-1', 'evt-2']) {
      expect(r.event(id).deliveries[0]).toMatchObject({
        to: 'onFailure',
        condition: 'RetryAttemptsExhausted',
        atMs: 1540,
        record: { KinesisBatchInfo: { startSequenceNumber: kseq(2), endSequenceNumber: kseq(3), batchSize: 2 } },
      })
    }
    expect(r.event('evt-1').deliveries).toEqual([])
    expect(r.report.metrics).toMatchObject({ OnFailureDeliveries: 1, Errors: 0 })
  })

  it('§6.14 ParallelizationFactor=2 with 2 shards: up to 4 concurrent invocations; each key stays in order in its lane', () => {
    // user-3 → shard 1 lane 1, user-2 → shard 1 lane 2, user-1 → shard 2 lane 1,
    // user-22 → shard 2 lane 2 (MD5).
    const keys = ['user-3', 'user-2', 'user-1', 'user-22']
    const r = run({
      model: 'kinesis',
      function: { initDurationMs: 300, durationMs: 1000 },
      workload: keys.map((k) => ({ count: 3, partitionKey: k, idPrefix: k })),
      stream: { shards: 2, parallelizationFactor: 2, batchSize: 1 },
    })
    expect(r.report.metrics.MaxConcurrentExecutions).toBe(4)
    for (const k of keys) {
      expect([1, 2, 3].map((i) => r.event(`${k}-${i}`).attempts.map((a) => [a.atMs, a.endMs]))).toEqual([
        [[0, 1300]],
        [[1300, 2300]],
        [[2300, 3300]],
      ])
    }
    const m = r.state.stream!
    // Sequence numbers are per shard: user-3 has 1–3 and user-2 4–6 in shard 1, and so on.
    expect(m.lanes.map((l) => l.checkpoint)).toEqual([3, 6, 3, 6])
    // The same run with factor 1: only one batch per shard at a time.
    const one = run({
      model: 'kinesis',
      function: { initDurationMs: 300, durationMs: 1000 },
      workload: keys.map((k) => ({ count: 3, partitionKey: k, idPrefix: k })),
      stream: { shards: 2, parallelizationFactor: 1, batchSize: 1 },
    })
    expect(one.report.metrics.MaxConcurrentExecutions).toBe(2)
    expect(one.event('user-2-1').attempts[0]!.atMs).toBeGreaterThan(one.event('user-3-3').attempts[0]!.atMs)
  })

  it('§6.14 a failing key blocks only its own lane; other keys in the same shard carry on', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [
        { count: 1, partitionKey: 'user-3', fail: 'always', idPrefix: 'stuck' },
        { atMs: 10, count: 3, everyMs: 10, partitionKey: 'user-2' },
      ],
      stream: { parallelizationFactor: 2, maximumRetryAttempts: 1 },
    })
    expect(r.event('evt-1').attempts[0]).toMatchObject({ atMs: 10, result: 'success' })
    expect(r.event('evt-3').attempts[0]!.endMs).toBeLessThan(1420)
    expect(attemptsOf(r, 'stuck-1')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [1420, 1540, 'error', expect.any(String)],
    ])
  })

  it('§4.3 MaximumRetryAttempts=0 without bisect: one attempt, then the whole batch is discarded as ONE on-failure message and the shard moves on', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 1 }, { count: 1, fail: 'always' }, { count: 1 }, { atMs: 100, count: 1 }],
      stream: { maximumRetryAttempts: 0, onFailure: 'sqs' },
    })
    for (const id of ['evt-1', 'evt-2', 'evt-3']) {
      const e = r.event(id)
      expect(e.outcome).toBe('failed')
      expect(e.attempts).toEqual([
        { atMs: 0, endMs: 420, result: 'error', coldStart: true, environment: 'env-1', batch: 'batch-1' },
      ])
      expect(e.deliveries).toHaveLength(1)
      expect(e.deliveries[0]).toMatchObject({
        to: 'onFailure',
        condition: 'RetryAttemptsExhausted',
        atMs: 420,
        record: {
          requestContext: { approximateInvokeCount: 1 },
          KinesisBatchInfo: { startSequenceNumber: kseq(1), endSequenceNumber: kseq(3), batchSize: 3 },
        },
      })
    }
    expect(attemptsOf(r, 'evt-4')).toEqual([[420, 540, 'success', 'batch-2']])
    expect(r.report.metrics).toMatchObject({ OnFailureDeliveries: 1, Errors: 1, Invocations: 2 })
  })

  it('§4.3 MaximumRecordAgeInSeconds=60: a blocked record is given up on once older than 60 s, at 60.001 s (RecordAgeExceeded), between retries', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [
        { count: 1, fail: 'always' },
        { atMs: 30000, count: 1 },
      ],
      stream: { maximumRecordAgeInSeconds: 60, onFailure: 'sqs' },
    })
    expect(r.event('evt-1').attempts.map((a) => a.atMs)).toEqual([0, 1420, 3540, 7660, 15780, 31900])
    expect(r.event('evt-1').deliveries).toEqual([
      expect.objectContaining({ to: 'onFailure', condition: 'RecordAgeExceeded', atMs: 60001 }),
    ])
    expect(r.event('evt-1').deliveries[0]!.record).toMatchObject({
      requestContext: { condition: 'RecordAgeExceeded', approximateInvokeCount: 6 },
    })
    // evt-2 waited behind it and runs as soon as the shard is free.
    expect(attemptsOf(r, 'evt-2')).toEqual([[60001, 60121, 'success', 'batch-7']])
  })

  it('§4.3 MaximumRecordAgeInSeconds drops the old records of a blocked batch on time; the younger rest is retried', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 1 }, { atMs: 50000, count: 1, fail: 3 }],
      stream: { maximumRecordAgeInSeconds: 60, maximumBatchingWindowInSeconds: 55 },
    })
    // One batch [evt-1, evt-2] at the window's end (55 s); it fails 3 times; evt-1 reaches 60 s during the third wait.
    expect(attemptsOf(r, 'evt-1')).toEqual([
      [55000, 55420, 'error', 'batch-1'],
      [56420, 56540, 'error', 'batch-2'],
      [58540, 58660, 'error', 'batch-3'],
    ])
    expect(r.event('evt-1').deliveries).toEqual([{ to: 'discarded', condition: 'RecordAgeExceeded', atMs: 60001 }])
    expect(r.event('evt-1').outcome).toBe('failed')
    expect(attemptsOf(r, 'evt-2')).toEqual([
      [55000, 55420, 'error', 'batch-1'],
      [56420, 56540, 'error', 'batch-2'],
      [58540, 58660, 'error', 'batch-3'],
      [62660, 62780, 'success', 'batch-4'],
    ])
    expect(r.event('evt-2').outcome).toBe('succeeded')
  })

  it('§4.1 throttles (reserved concurrency below the lanes in use) retry the same batch and do not count against MaximumRetryAttempts', () => {
    const r = run({
      model: 'kinesis',
      function: { ...fn, reservedConcurrentExecutions: 1, durationMs: 2000 },
      workload: [
        { count: 1, partitionKey: 'user-3' },
        { count: 1, partitionKey: 'user-1' },
      ],
      stream: { shards: 2, maximumRetryAttempts: 0 },
    })
    expect(r.event('evt-1').attempts).toEqual([
      { atMs: 0, endMs: 2300, result: 'success', coldStart: true, environment: 'env-1', batch: 'batch-1' },
    ])
    const e2 = r.event('evt-2').attempts
    expect(e2.slice(0, 3).map((a) => [a.atMs, a.result, a.reason])).toEqual([
      [0, 'throttled', 'ReservedFunctionConcurrentInvocationLimitExceeded'],
      [1000, 'throttled', 'ReservedFunctionConcurrentInvocationLimitExceeded'],
      [3000, 'success', undefined],
    ])
    expect(r.event('evt-2').outcome).toBe('succeeded')
    expect(r.report.metrics).toMatchObject({ Throttles: 2, MaxConcurrentExecutions: 1 })
  })

  it('§4.1 timeout fails the whole batch (Unhandled in the on-failure record)', () => {
    const r = run({
      model: 'kinesis',
      function: { ...fn, timeout: 1, durationMs: 5000 },
      workload: [{ count: 2 }],
      stream: { maximumRetryAttempts: 0, onFailure: 'sqs' },
    })
    expect(r.event('evt-1').attempts[0]).toMatchObject({ result: 'timeout', endMs: 1300 })
    expect(r.event('evt-2').deliveries[0]!.record).toMatchObject({
      responseContext: { functionError: 'Unhandled' },
      KinesisBatchInfo: { batchSize: 2 },
    })
  })

  it('§4.1 batching window: records gather for MaximumBatchingWindowInSeconds, or until BatchSize', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 3, everyMs: 1000 }],
      stream: { maximumBatchingWindowInSeconds: 5 },
    })
    for (const id of ['evt-1', 'evt-2', 'evt-3'])
      expect(attemptsOf(r, id)).toEqual([[5000, 5420, 'success', 'batch-1']])
    const full = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 4, everyMs: 1000 }],
      stream: { maximumBatchingWindowInSeconds: 5, batchSize: 2 },
    })
    expect(attemptsOf(full, 'evt-2')).toEqual([[1000, 1420, 'success', 'batch-1']])
    // The next window starts when the previous invocation finishes (1420), with evt-3 waiting; evt-4 fills it at 3000.
    expect(attemptsOf(full, 'evt-3')).toEqual([[3000, 3120, 'success', 'batch-2']])
  })

  it('§4.5 filtering: records that do not match are passed over (filtered, never invoked) and do not count toward BatchSize', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 2, matchesFilter: false, idPrefix: 'skip' }, { count: 2 }],
      stream: { batchSize: 2 },
    })
    expect(r.event('skip-1')).toMatchObject({ outcome: 'filtered', attempts: [], deliveries: [] })
    expect(r.event('skip-2').outcome).toBe('filtered')
    expect(attemptsOf(r, 'evt-1')).toEqual([[0, 420, 'success', 'batch-1']])
    expect(attemptsOf(r, 'evt-2')).toEqual([[0, 420, 'success', 'batch-1']])
    expect(r.report.metrics.Invocations).toBe(1)
  })

  it('§4.3 shard assignment: MD5 of the partition key over an even split of the 128-bit range; deterministic and stable', () => {
    expect(placeKey('user-1', 2, 2)).toEqual({ shard: 1, lane: 0 })
    expect(placeKey('user-2', 2, 2)).toEqual({ shard: 0, lane: 1 })
    expect(placeKey('user-3', 2, 2)).toEqual({ shard: 0, lane: 0 })
    expect(placeKey('user-22', 2, 2)).toEqual({ shard: 1, lane: 1 })
    // md5("b") = 92eb5ffe…: 0x92eb5ffe / 2^32 ≈ 0.574 → shard 2 of 4 (0-based), shard 36 of 64.
    expect(placeKey('b', 4, 1).shard).toBe(2)
    expect(placeKey('b', 64, 1).shard).toBe(36)
    // Exact range boundaries: 2^127 starts shard 1 of 2; 2^128/3 (rounded up) starts shard 1 of 3.
    expect(rangeIndex([0x80000000, 0, 0, 0], 2)).toBe(1)
    expect(rangeIndex([0x7fffffff, 0xffffffff, 0xffffffff, 0xffffffff], 2)).toBe(0)
    expect(rangeIndex([0x55555555, 0x55555555, 0x55555555, 0x55555555], 3)).toBe(0)
    expect(rangeIndex([0x55555555, 0x55555555, 0x55555555, 0x55555556], 3)).toBe(1)
    expect(rangeIndex([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], 64)).toBe(63)
    // In a run: records land where placeKey says, with sequence numbers per shard.
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [
        { count: 2, partitionKey: 'user-1' },
        { count: 1, partitionKey: 'user-3' },
        { count: 1, partitionKey: 'user-1' },
      ],
      stream: { shards: 2 },
    })
    expect(toArray(r.state.stream!.shardOf)).toEqual([1, 1, 0, 1])
    expect(toArray(r.state.stream!.seqOf)).toEqual([1, 2, 1, 3])
  })

  it('§4.3 DynamoDB Streams behaves the same, with DDBStreamBatchInfo and its own stream ARN', () => {
    const r = run({
      model: 'dynamodb',
      function: fn,
      workload: [{ count: 4 }, { count: 1, fail: 'always', idPrefix: 'poison' }, { count: 3 }],
      stream: { batchSize: 8, maximumRetryAttempts: 2, bisectBatchOnFunctionError: true, onFailure: 'sqs' },
    })
    expect(r.event('poison-1').attempts).toHaveLength(6)
    const d = r.event('poison-1').deliveries[0]!
    expect(d).toMatchObject({ to: 'onFailure', condition: 'RetryAttemptsExhausted', atMs: 17140 })
    expect(d.record).toMatchObject({
      DDBStreamBatchInfo: {
        shardId: expect.stringMatching(/^shardId-\d{20}-[0-9a-f]{8}$/),
        startSequenceNumber: '800000000000000000005',
        batchSize: 1,
        streamArn: expect.stringContaining('arn:aws:dynamodb:'),
      },
    })
    expect(d.record).not.toHaveProperty('KinesisBatchInfo')
  })

  it('stage: producer, shards with checkpoint and unread count, the mapping, environments and sinks; a blocked batch waits at its shard until its retry', () => {
    const sc = scenario({
      model: 'kinesis',
      function: fn,
      workload: [
        { count: 1, fail: 'always' },
        { atMs: 100, count: 2 },
      ],
      stream: { shards: 1, onFailure: 'sqs', maximumRetryAttempts: 3 },
    })
    const s = advance(createSim(sc), { until: 500 }).state
    const stage = selectStage(s)
    expect(stage.nodes.map((n) => [n.id, n.kind, n.column])).toEqual([
      ['producer', 'source', 0],
      ['shard-1', 'shard', 1],
      ['poller', 'poller', 2],
      ['onFailure', 'destination', 4],
      ['discard', 'discard', 4],
      ['envs', 'environments', 3],
    ])
    const shard = stage.nodes.find((n) => n.id === 'shard-1')!
    expect(shard.label).toBe('Shard 1')
    expect(shard.detail).toBe('checkpoint 0 · unread 2')
    expect(shard.tokens).toEqual(['evt-1', 'evt-2', 'evt-3'])
    expect(stage.tokens.find((t) => t.id === 'evt-1')).toMatchObject({ state: 'waiting', node: 'shard-1', until: 1420 })
    expect(stage.nodes.find((n) => n.id === 'poller')!.detail).toContain('3 retries')
    const end = selectStage(advance(s, {}).state)
    expect(end.tokens.find((t) => t.id === 'evt-1')).toMatchObject({ state: 'failed', node: 'onFailure' })
    expect(end.tokens.find((t) => t.id === 'evt-2')).toMatchObject({ state: 'succeeded', node: 'shard-1' })
    expect(end.nodes.find((n) => n.id === 'shard-1')!.detail).toBe('checkpoint 3 · unread 0')
  })
})
