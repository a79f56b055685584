import { describe, expect, it } from 'vitest'
import { scenario } from '../__tests__/harness'
import { createSim, isFinished, step } from '../sim'
import { selectStage } from '../stage'
import type { StagePollers } from '../stageTypes'
import type { SimState, Transition } from '../types'

/** The backlog of the sqs-scaling / sqs-provisioned-mode presets: 1,500 messages at once, 2 s per batch. */
const backlog = (sqs: Record<string, unknown>) => ({
  model: 'sqs',
  seed: 4,
  function: { timeout: 5, durationMs: 2000, initDurationMs: 400 },
  workload: [{ count: 1500, idPrefix: 'msg' }],
  sqs: { batchSize: 10, visibilityTimeout: 30, ...sqs },
})

interface Frame {
  readonly s: SimState
  readonly p: StagePollers
  readonly t: readonly Transition[]
}

/** Every step of the run, with the stage's pollers at that step and what the step logged. */
function frames(raw: Record<string, unknown>): Frame[] {
  let s = createSim(scenario(raw))
  const out: Frame[] = []
  while (!isFinished(s)) {
    const r = step(s)
    s = r.state
    const p = selectStage(s, 0).pollers
    if (!p) throw new Error('a poll-based stage without pollers')
    out.push({ s, p, t: r.transitions })
  }
  return out
}

const standard = frames(backlog({}))
const provisioned = frames(backlog({ minimumPollers: 2, maximumPollers: 100 }))
const counts = (fs: readonly Frame[]) => fs.map((f) => f.p.count)

describe('the event source mapping pollers on the stage (fact sheet §4.2, §4.3)', () => {
  it('§4.2 standard-queue scaling: 5 pollers at the start, more while the backlog waits, at most +300 per minute, back to 5 once the queue is empty', () => {
    expect(standard[0]?.p.count).toBe(5)
    const peak = Math.max(...counts(standard))
    expect(peak).toBeGreaterThan(20)
    expect(peak).toBeLessThanOrEqual(1000)
    // +300 per minute: from one step to the next the count grows by at most 1 per 200 ms passed.
    for (let k = 1; k < standard.length; k++) {
      const a = standard[k - 1]!
      const b = standard[k]!
      if (b.p.count > a.p.count)
        expect(b.p.count - a.p.count).toBeLessThanOrEqual(Math.max(1, (b.s.now - a.s.now) / 200))
    }
    expect(standard[standard.length - 1]?.p.count).toBe(5)
  })

  it('§4.2 a poller holds one batch at a time: busy pollers = batches in flight, never more than the pollers, at least the batches running', () => {
    for (const { s, p } of standard) {
      expect(p.busy).toBeLessThanOrEqual(p.count)
      expect(p.busy).toBe(Object.keys(s.sqs!.batches).length)
      expect(p.busy).toBeGreaterThanOrEqual(s.concurrency.busy)
    }
  })

  it('§4.2 ScalingConfig.MaximumConcurrency caps the pollers', () => {
    const capped = frames({ ...backlog({ maximumConcurrency: 12 }), workload: [{ count: 400, idPrefix: 'msg' }] })
    expect(Math.max(...counts(capped))).toBe(12)
  })

  it('§4.2 ProvisionedPollerConfig: MinimumPollers 2 at the start, ⌈concurrency / 10⌉ pollers (10 invocations each), never outside 2..100, more than standard mode at its peak', () => {
    expect(provisioned[0]?.p.count).toBe(2)
    for (const { s, p } of provisioned) {
      expect(p.count).toBeGreaterThanOrEqual(2)
      expect(p.count).toBeLessThanOrEqual(100)
      // 10 invocations per poller: the running batches always fit in the busy pollers.
      expect(p.busy * 10).toBeGreaterThanOrEqual(s.concurrency.busy)
    }
    const peak = Math.max(...counts(provisioned))
    expect(peak).toBeGreaterThan(2)
    expect(peak * 10).toBeGreaterThan(Math.max(...counts(standard)))
    expect(provisioned[provisioned.length - 1]!.s.now).toBeLessThan(standard[standard.length - 1]!.s.now)
  })

  it('§4.2 a poller reaches into the queue exactly in the milliseconds where a batch receives messages', () => {
    let reached = 0
    let formedAt = -1
    for (const { s, p, t } of standard) {
      if (t.some((x) => x.fact.kind === 'sqsBatchFormed' || x.fact.kind === 'sqsWindowOpened')) formedAt = s.now
      expect(p.reach.length > 0).toBe(formedAt === s.now)
      if (p.reach.length > 0) reached++
      expect(p.reach.every((n) => n === 'queue')).toBe(true)
      expect(p.reach.length).toBeLessThanOrEqual(p.busy)
    }
    expect(reached).toBeGreaterThan(10)
  })

  it('§4.3 parallelization: shards × ParallelizationFactor pollers (2 × 2 = 4), one batch each, reaching into their own shard', () => {
    const fs = frames({
      model: 'kinesis',
      function: { durationMs: 300, timeout: 3 },
      workload: [{ count: 24, everyMs: 50 }],
      stream: { shards: 2, parallelizationFactor: 2, batchSize: 2 },
    })
    expect(new Set(counts(fs))).toEqual(new Set([4]))
    let reached = 0
    for (const { s, p } of fs) {
      expect(p.busy).toBeLessThanOrEqual(4)
      expect(p.busy).toBeGreaterThanOrEqual(s.concurrency.busy)
      for (const shard of p.reach) expect(['shard-1', 'shard-2']).toContain(shard)
      reached += p.reach.length
    }
    expect(reached).toBeGreaterThan(0)
  })

  it('models without a mapping draw no pollers', () => {
    expect(selectStage(createSim(scenario({ model: 'sync', workload: [{ count: 1 }] }))).pollers).toBeNull()
  })
})

describe('who holds each wait, in words (fact sheet §3.2, §4.2)', () => {
  it('§3.2 async: a retry waits in Lambda; the source named in the scenario already had its 202', () => {
    const s = createSim(scenario({ model: 'async', async: { source: 'sns' }, workload: [{ count: 1 }] }))
    expect(selectStage(s).holders.waiting).toBe('Lambda holds this event; Amazon SNS already had its 202')
    const s3 = createSim(scenario({ model: 'async', async: { source: 's3' }, workload: [{ count: 1 }] }))
    expect(selectStage(s3).holders.waiting).toBe('Lambda holds this event; Amazon S3 already had its 202')
  })

  it('§4.2 SQS: a ghost message is hidden by SQS, no longer held by Lambda', () => {
    const s = createSim(scenario({ model: 'sqs', workload: [{ count: 1 }] }))
    expect(selectStage(s).holders).toEqual({ invisible: 'SQS hides this message; Lambda no longer has it' })
  })
})
