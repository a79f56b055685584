import { describe, expect, it } from 'vitest'
import { run, scenario } from '../__tests__/harness'
import { advance, createSim } from '../sim'
import { selectStage } from '../stage'

const fn = { initDurationMs: 300, durationMs: 120, timeout: 3 }
const attemptsOf = (r: ReturnType<typeof run>, id: string) =>
  r.event(id).attempts.map((a) => [a.atMs, a.endMs, a.result, a.batch])

describe('SQS FIFO event source mapping (fact sheet §4.2 "FIFO queues")', () => {
  it('§6.10 a message in group A keeps failing: all its retries happen before anything later in A; group B carries on; concurrency ≤ active groups', () => {
    const r = run({
      model: 'sqs-fifo',
      function: fn,
      workload: [
        { count: 1, groupId: 'A', idPrefix: 'a', fail: 2 },
        { count: 2, groupId: 'A', idPrefix: 'a' },
        { count: 3, groupId: 'B', idPrefix: 'b' },
      ],
      sqs: { batchSize: 1, visibilityTimeout: 30 },
    })
    // a-1 fails at 0 and 30 s (received at 0, 30 s), succeeds on its third receive at 60 s.
    expect(attemptsOf(r, 'a-1')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [30000, 30120, 'error', 'batch-5'],
      [60000, 60120, 'success', 'batch-6'],
    ])
    // Only then is a-2 read, then a-3.
    expect(attemptsOf(r, 'a-2')).toEqual([[60120, 60240, 'success', 'batch-7']])
    expect(attemptsOf(r, 'a-3')).toEqual([[60240, 60360, 'success', 'batch-8']])
    // Group B is not blocked: one batch at a time, in order.
    expect(attemptsOf(r, 'b-1')).toEqual([[0, 420, 'success', 'batch-2']])
    expect(attemptsOf(r, 'b-2')).toEqual([[420, 540, 'success', 'batch-3']])
    expect(attemptsOf(r, 'b-3')).toEqual([[540, 660, 'success', 'batch-4']])
    // Two groups: at most two batches at once although the mapping allows 5.
    expect(r.report.metrics).toMatchObject({ MaxConcurrentExecutions: 2, Invocations: 8, Errors: 2 })
    expect(r.report.events!.every((e) => e.outcome === 'succeeded')).toBe(true)
  })

  it('§6.10 a batch mixes groups and keeps their order; with ReportBatchItemFailures the failed message and every later one of its group stay, the rest is deleted', () => {
    const r = run({
      model: 'sqs-fifo',
      function: fn,
      workload: [
        { count: 1, groupId: 'A', idPrefix: 'a', fail: 1 },
        { count: 2, groupId: 'A', idPrefix: 'a' },
        { count: 3, groupId: 'B', idPrefix: 'b' },
      ],
      sqs: { batchSize: 10, visibilityTimeout: 30, reportBatchItemFailures: true },
    })
    expect(attemptsOf(r, 'a-1')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [30000, 30120, 'success', 'batch-2'],
    ])
    // a-2 and a-3 ran in the batch but come after the failure in group A: reported too, they stay.
    expect(attemptsOf(r, 'a-2')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [30000, 30120, 'success', 'batch-2'],
    ])
    expect(attemptsOf(r, 'a-3')).toEqual([
      [0, 420, 'error', 'batch-1'],
      [30000, 30120, 'success', 'batch-2'],
    ])
    for (const id of ['b-1', 'b-2', 'b-3']) expect(attemptsOf(r, id)).toEqual([[0, 420, 'success', 'batch-1']])
    expect(r.report.metrics).toMatchObject({ Invocations: 2, Errors: 0 })
    expect(r.transitions.some((t) => t.at === 420 && t.fact?.kind === 'sqsBatchEnded' && t.fact.deleted === 3)).toBe(
      true,
    )
  })

  it('§4.2 FIFO redrive: a message that keeps failing moves to the DLQ after maxReceiveCount receives, then its group continues in order', () => {
    const r = run({
      model: 'sqs-fifo',
      function: fn,
      workload: [
        { count: 1, groupId: 'A', idPrefix: 'a', fail: 'always' },
        { count: 2, groupId: 'A', idPrefix: 'a' },
      ],
      sqs: { batchSize: 1, visibilityTimeout: 30, maxReceiveCount: 2 },
    })
    expect(r.event('a-1').deliveries).toEqual([{ to: 'dlq', reason: 'maxReceiveCount', target: 'sqs', atMs: 60000 }])
    expect(r.event('a-1').outcome).toBe('failed')
    expect(attemptsOf(r, 'a-2')).toEqual([[60000, 60120, 'success', 'batch-3']])
    expect(attemptsOf(r, 'a-3')).toEqual([[60120, 60240, 'success', 'batch-4']])
    expect(r.report.metrics.DeadLetterMessages).toBe(1)
  })

  it('§4.2 FIFO: a group is held while any of its messages is in flight, so a batch takes only its head run; the stage names the held group', () => {
    const r = run({
      model: 'sqs-fifo',
      function: { ...fn, durationMs: 1000 },
      workload: [
        { count: 4, groupId: 'A' },
        { atMs: 100, count: 1, groupId: 'A', idPrefix: 'late' },
      ],
      sqs: { batchSize: 10 },
    })
    for (let i = 1; i <= 4; i++) expect(attemptsOf(r, `evt-${i}`)).toEqual([[0, 1300, 'success', 'batch-1']])
    // late-1 arrives while group A is in flight: it waits for the group, then goes alone.
    expect(attemptsOf(r, 'late-1')).toEqual([[1300, 2300, 'success', 'batch-2']])
    expect(r.report.metrics.MaxConcurrentExecutions).toBe(1)
    const mid = advance(
      createSim(
        scenario({
          model: 'sqs-fifo',
          function: { ...fn, durationMs: 1000 },
          workload: [
            { count: 4, groupId: 'A' },
            { atMs: 100, count: 1, groupId: 'A', idPrefix: 'late' },
          ],
        }),
      ),
      { until: 500 },
    ).state
    const stage = selectStage(mid)
    expect(stage.nodes.find((n) => n.id === 'queue')!.detail).toContain('visible 1 · in flight 4 · held group A')
    expect(stage.tokens.find((t) => t.id === 'late-1')).toMatchObject({ node: 'queue', state: 'queued', group: 'A' })
    expect(stage.tokens.find((t) => t.id === 'evt-1')).toMatchObject({
      node: 'envs',
      state: 'running',
      batch: 'batch-1',
    })
  })
})
