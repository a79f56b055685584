import { describe, expect, it } from 'vitest'
import { pget, toArray } from '../paged'
import { run, scenario } from '../__tests__/harness'
import { advance, createSim } from '../sim'
import type { SimState } from '../types'

const fn = { initDurationMs: 300, durationMs: 120, timeout: 3 }
const attemptsOf = (r: ReturnType<typeof run>, id: string) =>
  r.event(id).attempts.map((a) => [a.atMs, a.endMs, a.result, a.batch])
const at = (raw: Record<string, unknown>, until: number): SimState =>
  advance(createSim(scenario(raw)), { until, collect: false }).state

describe('SQS event source mapping, standard queue (fact sheet §4.1, §4.2)', () => {
  it('§6.8 batch of 10 with ReportBatchItemFailures, 2 ids returned: 8 deleted at the end, 2 reappear at receive + visibilityTimeout with receive count 2, then move to the DLQ once receives reach maxReceiveCount', () => {
    const r = run({
      model: 'sqs',
      function: fn,
      workload: [{ count: 8 }, { count: 2, fail: 'always', idPrefix: 'bad' }],
      sqs: { batchSize: 10, reportBatchItemFailures: true, maxReceiveCount: 3, visibilityTimeout: 30 },
    })
    for (let i = 1; i <= 8; i++) {
      const e = r.event(`evt-${i}`)
      expect(e.outcome).toBe('succeeded')
      expect(attemptsOf(r, `evt-${i}`)).toEqual([[0, 420, 'success', 'batch-1']])
      expect(e.deliveries).toEqual([])
    }
    for (const id of ['bad-1', 'bad-2']) {
      const e = r.event(id)
      expect(attemptsOf(r, id)).toEqual([
        [0, 420, 'error', 'batch-1'],
        [30000, 30120, 'error', 'batch-2'],
        [60000, 60120, 'error', 'batch-3'],
      ])
      expect(e.outcome).toBe('failed')
      expect(e.deliveries).toEqual([{ to: 'dlq', reason: 'maxReceiveCount', target: 'sqs', atMs: 90000 }])
    }
    // The 2 reappear at 30 s and are received again: receive count 2.
    const mid = at(
      {
        model: 'sqs',
        function: fn,
        workload: [{ count: 8 }, { count: 2, fail: 'always', idPrefix: 'bad' }],
        sqs: { reportBatchItemFailures: true, maxReceiveCount: 3 },
      },
      30000,
    )
    expect(toArray(mid.sqs!.rc).slice(8)).toEqual([2, 2])
    expect(mid.sqs!.deleted).toBe(8)
    expect(r.report.metrics).toMatchObject({ Invocations: 3, Errors: 0, DeadLetterMessages: 2, Throttles: 0 })
    expect(r.report.endedAtMs).toBe(90000)
    expect(
      r.transitions.some(
        (t) =>
          t.fact?.kind === 'sqsBatchEnded' &&
          t.fact.end === 'success' &&
          t.fact.deleted === 8 &&
          t.fact.stay.length === 2,
      ),
    ).toBe(true)
  })

  it('§6.9 the handler throws without ReportBatchItemFailures: all 10 messages reappear after the visibility timeout, including those already processed', () => {
    const r = run({
      model: 'sqs',
      function: fn,
      workload: [{ count: 8 }, { count: 2, fail: 1, idPrefix: 'bad' }],
      sqs: { visibilityTimeout: 30 },
    })
    for (const id of ['evt-1', 'evt-8', 'bad-1', 'bad-2']) {
      expect(attemptsOf(r, id)).toEqual([
        [0, 420, 'error', 'batch-1'],
        [30000, 30120, 'success', 'batch-2'],
      ])
      expect(r.event(id).outcome).toBe('succeeded')
    }
    expect(r.report.metrics).toMatchObject({ Invocations: 2, Errors: 1, DeadLetterMessages: 0 })
  })

  it('§6.9 / §4.2 backoff: failed batches without ReportBatchItemFailures lower the mapping concurrency (−1 each, floor 2)', () => {
    const raw = {
      model: 'sqs',
      function: { ...fn, durationMs: 1000 },
      workload: [{ count: 50, fail: 1 }],
      sqs: { visibilityTimeout: 30 },
    }
    expect(at(raw, 0).sqs!.limit).toBe(5)
    expect(Object.keys(at(raw, 0).invocations)).toHaveLength(5)
    const s = at(raw, 1300)
    expect(s.sqs!.limit).toBe(2)
    expect(s.concurrency.busy).toBe(0)
    // The 50 messages reappear at 30 s: only 2 batches are received (then it scales up again, +1 per 200 ms).
    expect(at(raw, 30000).concurrency.busy).toBe(2)
    expect(at(raw, 30000).sqs!.limit).toBe(2)
    // With ReportBatchItemFailures Lambda does not scale down.
    const rbif = at({ ...raw, sqs: { visibilityTimeout: 30, reportBatchItemFailures: true } }, 1300)
    expect(rbif.sqs!.limit).toBe(5)
    const r = run(raw)
    expect(
      r.transitions.map((t) => t.fact).filter((f) => f?.kind === 'sqsScaled' && f.how.kind === 'backoff'),
    ).toContainEqual(expect.objectContaining({ from: 3, to: 2 }))
  })

  it('§4.2 visibility timeout shorter than the whole run (cold start): the message reappears while its first invocation still runs and is received a second time, concurrently; the stale result deletes nothing', () => {
    const r = run({
      model: 'sqs',
      function: { initDurationMs: 5000, durationMs: 8000, timeout: 10 },
      workload: [{ count: 1 }],
      sqs: { visibilityTimeout: 10 },
    })
    expect(r.event('evt-1').attempts).toEqual([
      { atMs: 0, endMs: 13000, result: 'success', coldStart: true, environment: 'env-1', batch: 'batch-1' },
      { atMs: 10000, endMs: 23000, result: 'success', coldStart: true, environment: 'env-2', batch: 'batch-2' },
      { atMs: 20000, endMs: 28000, result: 'success', coldStart: false, environment: 'env-1', batch: 'batch-3' },
    ])
    expect(r.event('evt-1').outcome).toBe('succeeded')
    expect(r.report.metrics).toMatchObject({ Invocations: 3, MaxConcurrentExecutions: 2 })
    expect(
      r.transitions.some((t) => t.at === 13000 && t.fact?.kind === 'sqsBatchEnded' && t.fact.lost.includes('evt-1')),
    ).toBe(true)
    expect(r.state.sqs!.deleted).toBe(1)
  })

  it('§4.2 retention: a visible message whose age reaches messageRetentionPeriod is discarded at that instant (RetentionExpired)', () => {
    // MaximumConcurrency 2: two long batches hold both slots; the third message waits, visible.
    const r = run({
      model: 'sqs',
      function: { initDurationMs: 0, durationMs: 100000, timeout: 120 },
      workload: [{ count: 3, everyMs: 1 }],
      sqs: { batchSize: 1, maximumConcurrency: 2, messageRetentionPeriod: 60, visibilityTimeout: 200 },
    })
    const e = r.event('evt-3')
    expect(e.attempts).toEqual([])
    expect(e.outcome).toBe('failed')
    expect(e.deliveries).toEqual([{ to: 'discarded', condition: 'RetentionExpired', atMs: 60002 }])
    expect(r.event('evt-1').outcome).toBe('succeeded')
  })

  it('§4.2 retention: a message in flight is judged when it would become visible again', () => {
    const r = run({
      model: 'sqs',
      function: { ...fn, reservedConcurrentExecutions: 0 },
      workload: [{ count: 1 }],
      sqs: { messageRetentionPeriod: 60, visibilityTimeout: 30 },
    })
    const e = r.event('evt-1')
    expect(e.deliveries).toEqual([{ to: 'discarded', condition: 'RetentionExpired', atMs: 60000 }])
    expect(e.attempts.every((a) => a.result === 'throttled')).toBe(true)
    // Throttled tries: 0, 1, 3, 7, 15 s after each receive (at 0 s and 30 s).
    expect(e.attempts.map((a) => a.atMs)).toEqual([0, 1000, 3000, 7000, 15000, 30000, 31000, 33000, 37000, 45000])
    expect(r.report.metrics).toMatchObject({ Throttles: 10, Invocations: 0 })
  })

  it('§4.5 filtering: a message that does not match is deleted when a poller reads it, with no invocation, and takes no batch slot', () => {
    const r = run({
      model: 'sqs',
      function: fn,
      workload: [{ count: 3 }, { count: 2, matchesFilter: false, idPrefix: 'skip' }, { count: 2 }],
      sqs: { batchSize: 5 },
    })
    expect(r.event('skip-1')).toEqual({ id: 'skip-1', outcome: 'filtered', attempts: [], deliveries: [] })
    expect(r.event('skip-2').outcome).toBe('filtered')
    for (const id of ['evt-1', 'evt-3', 'evt-4', 'evt-5'])
      expect(attemptsOf(r, id)).toEqual([[0, 420, 'success', 'batch-1']])
    expect(r.report.metrics.Invocations).toBe(1)
  })

  it('§4.1 batching window 2 s: the batch goes at first-visible + 2 s, or as soon as batchSize messages are in it', () => {
    const slow = run({
      model: 'sqs',
      function: { ...fn, initDurationMs: 0 },
      workload: [{ atMs: 100, count: 3, everyMs: 500 }],
      sqs: { maximumBatchingWindowInSeconds: 2 },
    })
    for (const id of ['evt-1', 'evt-2', 'evt-3'])
      expect(attemptsOf(slow, id)).toEqual([[2100, 2220, 'success', 'batch-1']])
    const fast = run({
      model: 'sqs',
      function: { ...fn, initDurationMs: 0 },
      workload: [{ count: 12, everyMs: 100 }],
      sqs: { maximumBatchingWindowInSeconds: 2, batchSize: 10 },
    })
    expect(attemptsOf(fast, 'evt-10')).toEqual([[900, 1020, 'success', 'batch-1']])
    expect(attemptsOf(fast, 'evt-11')).toEqual([[3000, 3120, 'success', 'batch-2']])
    expect(attemptsOf(fast, 'evt-12')).toEqual([[3000, 3120, 'success', 'batch-2']])
  })

  it('§4.2 scaling: under a backlog of 2,000 messages with 1 s handlers, concurrency starts at 5 and grows by 300 per minute (+1 per 200 ms)', () => {
    const raw = {
      model: 'sqs',
      function: { initDurationMs: 0, durationMs: 1000, timeout: 3 },
      workload: [{ count: 2000 }],
    }
    expect(at(raw, 0).sqs!.limit).toBe(5)
    expect(at(raw, 0).concurrency.busy).toBe(5)
    expect(at(raw, 2000).sqs!.limit).toBe(15)
    expect(at(raw, 4000).sqs!.limit).toBe(25)
    expect(at(raw, 4000).concurrency.busy).toBe(25)
    const r = run(raw)
    expect(r.report.events!.every((e) => e.outcome === 'succeeded')).toBe(true)
    expect(r.report.metrics.Invocations).toBe(200)
    expect(r.state.sqs!.limit).toBe(5) // back to 5 once the queue is empty
    // MaximumConcurrency caps it.
    expect(at({ ...raw, sqs: { maximumConcurrency: 12 } }, 4000).sqs!.limit).toBe(12)
  })

  it('§4.2 reserved concurrency 2 below the 5 pollers: throttles are recorded, the mapping backs off, and the messages return after the visibility timeout', () => {
    const raw = {
      model: 'sqs',
      function: { initDurationMs: 0, durationMs: 20000, timeout: 30, reservedConcurrentExecutions: 2 },
      workload: [{ count: 50 }],
      sqs: { visibilityTimeout: 30 },
    }
    // At 0 s: batch-1 and batch-2 run; batch-3 and batch-4 are throttled, and each throttle lowers
    // the limit (5 → 4 → 3).
    const s = at(raw, 100)
    expect(s.metrics.Throttles).toBe(2)
    expect(s.sqs!.limit).toBe(3)
    expect(s.sqs!.busy).toBe(4)
    const r = run({ ...raw, stopAtMs: 40000 })
    const thr = r.event('evt-21')
    // Retried after 1, 2, 4, 8 s while hidden; the next (16 s) would fall after the 30 s visibility timeout.
    expect(thr.attempts.slice(0, 5).map((a) => [a.atMs, a.result, a.reason, a.batch])).toEqual(
      [0, 1000, 3000, 7000, 15000].map((t) => [
        t,
        'throttled',
        'ReservedFunctionConcurrentInvocationLimitExceeded',
        'batch-3',
      ]),
    )
    expect(thr.attempts[5]).toMatchObject({ atMs: 30000, result: 'running', batch: 'batch-6' })
    expect(thr.attempts).toHaveLength(6)
    expect(pget(r.state.sqs!.rc, 20)).toBe(2) // the throttled receive counted
    expect(r.event('evt-1').attempts).toEqual([
      { atMs: 0, endMs: 20000, result: 'success', coldStart: true, environment: 'env-1', batch: 'batch-1' },
    ])
    expect(r.transitions.filter((t) => t.at === 30000).map((t) => t.fact)).toContainEqual({
      kind: 'sqsThrottledBatchDropped',
      batch: 'batch-3',
    })
    expect(r.report.metrics).toMatchObject({ Throttles: 14, MaxConcurrentExecutions: 2, Invocations: 4 })
  })
})
