import { describe, expect, it } from 'vitest'
import { run, scenario } from '../__tests__/harness'
import { advance, createSim } from '../sim'
import { selectStage } from '../stage'
import { MAX_CONCURRENCY } from './sqsConstants'
import { mappingCap, startLimit } from './sqsPoller'

// The behaviours people get wrong with SQS mappings (docs/MODELLING.md, "Traps").
const trap = {
  model: 'sqs',
  function: { timeout: 9, durationMs: 8000, reservedConcurrentExecutions: 1 },
  workload: [{ count: 100, idPrefix: 'msg' }],
  sqs: { batchSize: 5, visibilityTimeout: 10, maxReceiveCount: 5 },
}

describe('SQS traps (fact sheet §4.2)', () => {
  it('§4.2 reserved concurrency below the pollers: throttled receives count toward maxReceiveCount, so messages the handler never saw reach the DLQ', () => {
    const r = run(trap)
    const dead = r.report.events!.filter((e) => e.outcome === 'failed')
    expect(dead.length).toBeGreaterThan(0)
    for (const e of dead) {
      // Never processed: every attempt was a throttle, and it left by the queue's redrive policy.
      expect(e.attempts.every((a) => a.result === 'throttled')).toBe(true)
      expect(e.deliveries).toEqual([expect.objectContaining({ to: 'dlq', reason: 'maxReceiveCount' })])
    }
    expect(r.report.metrics).toMatchObject({ Errors: 0, MaxConcurrentExecutions: 1, DeadLetterMessages: dead.length })
    expect(r.report.metrics.Throttles).toBeGreaterThan(dead.length)
  })

  it('§4.2 the fix: MaximumConcurrency on the mapping (no reserved concurrency) never pulls more than it may invoke: no throttle, nothing in the DLQ', () => {
    const r = run({
      ...trap,
      function: { ...trap.function, reservedConcurrentExecutions: null },
      sqs: { ...trap.sqs, maximumConcurrency: 2 },
    })
    expect(r.report.metrics).toMatchObject({ Throttles: 0, DeadLetterMessages: 0, MaxConcurrentExecutions: 2 })
    expect(r.report.events!.every((e) => e.outcome === 'succeeded')).toBe(true)
  })

  it('§4.2 standard mode caps a mapping at 1,000 concurrent batches whatever the account allows', () => {
    const s = createSim(scenario({ model: 'sqs', account: { concurrencyLimit: 5000 } }))
    expect(mappingCap(s)).toBe(MAX_CONCURRENCY)
    expect(MAX_CONCURRENCY).toBe(1000)
    expect(mappingCap(createSim(scenario({ model: 'sqs', sqs: { maximumConcurrency: 7 } })))).toBe(7)
  })

  it('§4.2 provisioned mode: 10 invocations per event poller, so it starts at 10 × MinimumPollers and may reach 10 × MaximumPollers (past the standard 1,000)', () => {
    const s = createSim(
      scenario({ model: 'sqs', account: { concurrencyLimit: 5000 }, sqs: { minimumPollers: 3, maximumPollers: 150 } }),
    )
    expect(startLimit(s)).toBe(30)
    expect(mappingCap(s)).toBe(1500)
    // Only one field given: AWS's default for the other (MinimumPollers 2, MaximumPollers 200).
    const onlyMax = createSim(scenario({ model: 'sqs', sqs: { maximumPollers: 4 } }))
    expect([startLimit(onlyMax), mappingCap(onlyMax)]).toEqual([20, 40])
    const onlyMin = createSim(scenario({ model: 'sqs', sqs: { minimumPollers: 4 } }))
    expect([startLimit(onlyMin), mappingCap(onlyMin)]).toEqual([40, 2000])
    // The stage says which mode the mapping is in.
    expect(selectStage(s).nodes.find((n) => n.id === 'poller')!.detail).toContain(
      '(max 1500) · provisioned 3–150 pollers',
    )
    expect(
      selectStage(createSim(scenario({ model: 'sqs' }))).nodes.find((n) => n.id === 'poller')!.detail,
    ).not.toContain('provisioned')
  })

  it('§4.2 provisioned mode scales faster than standard mode under the same backlog (+1 per 60 ms vs +1 per 200 ms) and drains it sooner', () => {
    const backlog = {
      model: 'sqs',
      function: { timeout: 5, durationMs: 2000 },
      workload: [{ count: 1500 }],
      sqs: { batchSize: 10 },
    }
    const standard = run(backlog)
    const provisioned = run({ ...backlog, sqs: { ...backlog.sqs, minimumPollers: 2, maximumPollers: 100 } })
    // At 1 s: standard 5 + 4 steps (+1 per 200 ms) = 9 (first tick at 200 ms), provisioned 20 + 16 steps.
    const limitAt = (raw: Record<string, unknown>, t: number) =>
      advance(createSim(scenario(raw)), { until: t, collect: false }).state.sqs!.limit
    expect(limitAt(backlog, 1000)).toBe(10)
    expect(limitAt({ ...backlog, sqs: { ...backlog.sqs, minimumPollers: 2, maximumPollers: 100 } }, 1000)).toBe(36)
    expect(provisioned.report.endedAtMs).toBeLessThan(standard.report.endedAtMs)
    expect(provisioned.report.metrics.MaxConcurrentExecutions).toBeGreaterThan(
      standard.report.metrics.MaxConcurrentExecutions,
    )
  })

  it('§4.2 provisioned mode never backs off below its minimum pollers (failed batches without partial responses)', () => {
    const r = run({
      model: 'sqs',
      function: { timeout: 3, durationMs: 500 },
      workload: [{ count: 60, fail: 'always' }],
      sqs: { batchSize: 1, visibilityTimeout: 3, maxReceiveCount: 2, minimumPollers: 2 },
    })
    expect(r.report.metrics.Errors).toBeGreaterThan(20)
    expect(r.transitions.some((t) => t.fact?.kind === 'sqsScaled' && t.fact.to === 19)).toBe(false)
  })

  it('§4.2 / §6.10 FIFO: concurrency is at most the number of active message groups (6 groups with MaximumConcurrency 10 give 6); a failing message holds only its group', () => {
    const groups = ['A', 'B', 'C', 'D', 'E', 'F']
    const r = run({
      model: 'sqs-fifo',
      function: { timeout: 3, durationMs: 1000 },
      workload: [
        { count: 1, groupId: 'A', idPrefix: 'a', fail: 1 },
        { count: 4, groupId: 'A', idPrefix: 'a' },
        ...groups.slice(1).map((g) => ({ count: 5, groupId: g, idPrefix: g.toLowerCase() })),
      ],
      sqs: { batchSize: 1, visibilityTimeout: 5, maximumConcurrency: 10 },
    })
    expect(r.report.metrics.MaxConcurrentExecutions).toBe(6)
    // a-2 waits for a-1's retry (after the 5 s visibility timeout); group B is never held by it.
    const firstRun = (id: string) => r.event(id).attempts[0]!.atMs
    expect(firstRun('a-2')).toBeGreaterThanOrEqual(r.event('a-1').attempts[1]!.endMs!)
    expect(r.event('a-1').attempts[1]!.atMs).toBeGreaterThanOrEqual(5000)
    expect(r.event('b-5').attempts[0]!.endMs).toBeLessThan(firstRun('a-2'))
    expect(r.report.events!.every((e) => e.outcome === 'succeeded')).toBe(true)
  })

  describe('recursive loop detection (a handler that sends to its own queue)', () => {
    const loop = (
      patch: { fn?: Record<string, unknown>; sqs?: Record<string, unknown>; stopAtMs?: number; count?: number } = {},
    ) => ({
      model: 'sqs',
      ...(patch.stopAtMs ? { stopAtMs: patch.stopAtMs } : {}),
      function: { timeout: 3, durationMs: 400, ...patch.fn },
      workload: [{ count: patch.count ?? 1, idPrefix: 'order' }],
      sqs: { batchSize: 1, maxReceiveCount: 5, functionSendsToSameQueue: true, ...patch.sqs },
    })

    it('RecursiveLoop Terminate (default): the chain invokes the function 16 times, then Lambda stops the next invocation and the message goes to the queue DLQ', () => {
      const r = run(loop())
      const ids = r.report.events!.map((e) => e.id)
      expect(ids).toEqual(['order-1', ...Array.from({ length: 16 }, (_, i) => `order-1-hop${i + 2}`)])
      for (const id of ids.slice(0, 16)) expect(r.event(id).outcome).toBe('succeeded')
      const stopped = r.event('order-1-hop17')
      expect(stopped.attempts).toEqual([])
      expect(stopped.outcome).toBe('failed')
      // Sent when hop 16 returns (700 ms for the cold first run + 15 × 400 ms) and stopped at once.
      expect(stopped.deliveries).toEqual([{ to: 'dlq', reason: 'RecursiveInvocation', target: 'sqs', atMs: 6700 }])
      expect(r.report.metrics).toMatchObject({ Invocations: 16, DeadLetterMessages: 1 })
      // Each message is sent when the previous invocation returns: 400 ms handler (+ 300 ms Init the first time).
      expect(r.state.events.find((e) => e.id === 'order-1-hop2')!.arrivedAt).toBe(700)
      expect(r.transitions.map((t) => t.fact)).toContainEqual({
        kind: 'sqsLoopStopped',
        event: 'order-1-hop17',
        root: 'order-1',
        toDlq: true,
      })
    })

    it('without a redrive policy the stopped message is dropped (discarded, RecursiveInvocation)', () => {
      const r = run(loop({ sqs: { maxReceiveCount: null } }))
      expect(r.event('order-1-hop17').deliveries).toEqual([
        expect.objectContaining({ to: 'discarded', reason: 'RecursiveInvocation' }),
      ])
      expect(r.report.metrics.DeadLetterMessages).toBe(0)
    })

    it('every chain is counted on its own: 3 orders give 3 chains of 16 invocations', () => {
      const r = run(loop({ count: 3, sqs: { batchSize: 10 } }))
      expect(r.report.metrics.Invocations).toBeLessThanOrEqual(48)
      expect(r.report.events!.filter((e) => e.outcome === 'succeeded')).toHaveLength(48)
      expect(
        r.report.events!.filter((e) => e.deliveries.some((d) => d.reason === 'RecursiveInvocation')).map((e) => e.id),
      ).toEqual(['order-1-hop17', 'order-2-hop17', 'order-3-hop17'])
    })

    it('RecursiveLoop Allow: Lambda takes no action and the loop runs until stopAtMs', () => {
      const r = run(loop({ fn: { recursiveLoop: 'Allow' }, stopAtMs: 20000 }))
      expect(r.report.metrics.Invocations).toBeGreaterThan(16)
      expect(r.report.events!.some((e) => e.deliveries.length > 0)).toBe(false)
      expect(r.report.endedAtMs).toBe(20000)
    })

    it('at least once: a message processed twice (its visibility timeout passed mid-run) is sent twice, with its own id', () => {
      const r = run(
        loop({ fn: { timeout: 5, durationMs: 4900 }, sqs: { visibilityTimeout: 5, maxReceiveCount: null } }),
      )
      const ids = r.report.events!.map((e) => e.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toContain('order-1-hop2-dup2')
      // Every chain still stops at hop 17.
      expect(
        r.report
          .events!.filter((e) => e.deliveries.some((d) => d.reason === 'RecursiveInvocation'))
          .every((e) => /-hop17(-dup\d+)?$/.test(e.id)),
      ).toBe(true)
    })

    it('without functionSendsToSameQueue nothing is resent and RecursiveLoop changes nothing', () => {
      const r = run(loop({ sqs: { functionSendsToSameQueue: false } }))
      expect(r.report.events!.map((e) => e.id)).toEqual(['order-1'])
    })
  })
})
