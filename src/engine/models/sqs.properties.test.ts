import fc from 'fast-check'
import { pget, toArray } from '../paged'
import { describe, expect, it } from 'vitest'
import { scenario } from '../__tests__/harness'
import { buildReport } from '../report'
import type { Scenario } from '../scenario/types'
import { advance, createSim, runToEnd } from '../sim'
import type { SimState } from '../types'
import { mappingCap, provisionedPollers, startLimit } from './sqsPoller'
import { GONE, INVISIBLE, VISIBLE } from './sqsTypes'

/** Random small SQS / SQS FIFO scenarios (fact sheet §4.2), small enough to step one occurrence at a time. */
const sqsScenario = fc
  .record({
    fifo: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    stopAtMs: fc.option(fc.integer({ min: 1, max: 120000 }), { nil: undefined }),
    reserved: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    timeout: fc.integer({ min: 1, max: 3 }),
    initDurationMs: fc.integer({ min: 0, max: 1500 }),
    durationMs: fc.oneof(
      fc.integer({ min: 0, max: 4000 }),
      fc.record({ min: fc.constant(10), max: fc.integer({ min: 10, max: 3000 }) }),
    ),
    errorRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
    batchSize: fc.integer({ min: 1, max: 10 }),
    window: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })),
    extraVisibility: fc.integer({ min: 0, max: 8 }),
    maxReceiveCount: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    reportBatchItemFailures: fc.boolean(),
    maximumConcurrency: fc.option(fc.integer({ min: 2, max: 6 }), { nil: null }),
    messageRetentionPeriod: fc.integer({ min: 60, max: 240 }),
    workload: fc.array(
      fc.record({
        atMs: fc.integer({ min: 0, max: 5000 }),
        count: fc.integer({ min: 1, max: 10 }),
        everyMs: fc.integer({ min: 0, max: 500 }),
        idPrefix: fc.constantFrom('evt', 'msg'),
        fail: fc.oneof(fc.constant('never'), fc.constant('always'), fc.integer({ min: 0, max: 2 })),
        groupId: fc.constantFrom('A', 'B', 'C'),
        matchesFilter: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((r): Scenario =>
    scenario({
      model: r.fifo ? 'sqs-fifo' : 'sqs',
      seed: r.seed,
      ...(r.stopAtMs ? { stopAtMs: r.stopAtMs } : {}),
      function: {
        timeout: r.timeout,
        reservedConcurrentExecutions: r.reserved,
        initDurationMs: r.initDurationMs,
        durationMs: r.durationMs,
        errorRate: r.errorRate,
      },
      sqs: {
        batchSize: r.batchSize,
        maximumBatchingWindowInSeconds: r.fifo ? 0 : r.window,
        visibilityTimeout: r.timeout + r.extraVisibility,
        maxReceiveCount: r.maxReceiveCount,
        reportBatchItemFailures: r.reportBatchItemFailures,
        maximumConcurrency: r.maximumConcurrency,
        messageRetentionPeriod: r.messageRetentionPeriod,
      },
      workload: r.workload,
    }),
  )

/** Steps one occurrence at a time (each step is a pure call), checking `each` after every step. */
function stepAll(s0: SimState, each: (s: SimState) => void): SimState {
  let s = s0
  for (let i = 0; i < 20000; i++) {
    const next = advance(s, { steps: 1, collect: false }).state
    if (next.step === s.step) return s
    each(next)
    s = next
  }
  throw new Error('run did not finish in 20000 steps')
}

describe('SQS event source mapping properties over random scenarios (§4.2)', () => {
  it('determinism: the same scenario and seed give the same report and transitions', () => {
    fc.assert(
      fc.property(sqsScenario, (sc) => {
        const a = runToEnd(createSim(sc), true)
        const b = runToEnd(createSim(sc), true)
        expect(buildReport(b.state)).toEqual(buildReport(a.state))
        expect(b.transitions).toEqual(a.transitions)
      }),
      { numRuns: 100 },
    )
  })

  it('conservation: every message ends succeeded, failed (with where it went), filtered or pending; ids unique; none lost', () => {
    fc.assert(
      fc.property(sqsScenario, (sc) => {
        const s0 = createSim(sc)
        const frozen = JSON.stringify(s0)
        const end = runToEnd(s0).state
        expect(JSON.stringify(s0)).toBe(frozen)
        const all = buildReport(end).events ?? []
        // Every workload event is in the report; those that had not arrived at the stop are pending, untried.
        expect(all.length).toBe(sc.workload.reduce((n, e) => n + e.count, 0))
        for (const e of all.slice(end.events.length))
          expect(e).toMatchObject({ outcome: 'pending', attempts: [], deliveries: [] })
        const events = all.slice(0, end.events.length)
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
        const st = end.sqs!
        events.forEach((e, i) => {
          const ev = end.events[i]!
          if (e.outcome === 'succeeded') expect(e.attempts.some((a) => a.result === 'success')).toBe(true)
          if (e.outcome === 'failed') {
            const last = e.deliveries[e.deliveries.length - 1]!
            expect(last.to === 'dlq' || (last.to === 'discarded' && last.condition === 'RetentionExpired')).toBe(true)
          }
          if (e.outcome === 'filtered') {
            expect(ev.matchesFilter).toBe(false)
            expect(e.attempts).toEqual([])
          }
          if (e.outcome === 'pending') {
            expect(sc.stopAtMs).not.toBeNull()
            expect(pget(st.msg, i)).not.toBe(GONE)
          } else expect(pget(st.msg, i)).toBe(GONE)
          expect(e.deliveries.length).toBeLessThanOrEqual(1)
        })
        expect(st.live).toBe(events.filter((e) => e.outcome === 'pending').length)
      }),
      { numRuns: 150 },
    )
  })

  it('limits and holds: concurrency within min(reserved, account) and the mapping cap; a message is in two running invocations only after its first receive became visible again; a FIFO group is held by at most one batch', () => {
    fc.assert(
      fc.property(sqsScenario, (sc) => {
        const cap = Math.min(sc.function.reservedConcurrentExecutions ?? Infinity, sc.account.concurrencyLimit)
        const vt = sc.sqs.visibilityTimeout * 1000
        const rxAtStart: Record<string, number[]> = {}
        stepAll(createSim(sc), (s) => {
          const st = s.sqs!
          expect(s.concurrency.busy).toBeLessThanOrEqual(cap)
          expect(st.busy).toBe(Object.keys(st.batches).length)
          expect(st.busy).toBeLessThanOrEqual(mappingCap(s))
          expect(st.limit).toBeLessThanOrEqual(mappingCap(s))
          expect(st.limit).toBeGreaterThanOrEqual(2)
          // Provisioned mode never backs off below its minimum pollers' capacity.
          if (provisionedPollers(s)) expect(st.limit).toBeGreaterThanOrEqual(startLimit(s))
          const invs = Object.values(s.invocations)
          if (sc.sqs.maximumConcurrency !== null) expect(invs.length).toBeLessThanOrEqual(sc.sqs.maximumConcurrency)
          // Counters agree with the messages.
          let vis = 0
          let inv = 0
          for (const m of toArray(st.msg)) {
            if (m === VISIBLE) vis++
            else if (m === INVISIBLE) inv++
          }
          expect([st.visible, st.invisible, st.live]).toEqual([vis, inv, vis + inv])
          // No message in two running invocations with overlapping receive windows.
          const seen: Record<number, number> = {}
          for (const i of invs.sort((a, b) => a.startAt - b.startAt || a.n - b.n)) {
            const rx = (rxAtStart[i.n] ??= i.events.map((e) => pget(st.rxAt, e)!))
            i.events.forEach((e, k) => {
              const prev = seen[e]
              if (prev !== undefined) expect(s.now).toBeGreaterThanOrEqual(prev + vt)
              seen[e] = rx[k]!
            })
          }
          if (st.fifo) {
            let holding = 0
            for (const b of Object.values(st.batches))
              if (b.events.some((e, k) => pget(st.owner, e) === b.n && pget(st.rc, e) === b.rn[k])) holding++
            const held = st.groups.filter((g) => g.held > 0).length
            expect(holding).toBeLessThanOrEqual(held)
            for (const g of st.groups) {
              const owners = new Set(
                g.q
                  .filter((e) => pget(st.msg, e) === INVISIBLE && pget(st.owner, e)! >= 0)
                  .map((e) => pget(st.owner, e)),
              )
              expect(owners.size).toBeLessThanOrEqual(1)
              expect(g.held).toBe(g.q.filter((e) => pget(st.msg, e) === INVISIBLE).length)
            }
          }
        })
      }),
      { numRuns: 80 },
    )
  })

  it('FIFO order: within a message group, first successful processings follow send order', () => {
    fc.assert(
      fc.property(
        sqsScenario.filter((sc) => sc.model === 'sqs-fifo'),
        (sc) => {
          const end = runToEnd(createSim(sc)).state
          const last: Record<string, number> = {}
          for (const ev of end.events) {
            const ok = ev.attempts.find((a) => a.result === 'success')
            if (!ok) continue
            const prev = last[ev.groupId]
            if (prev !== undefined) expect(ok.atMs).toBeGreaterThanOrEqual(prev)
            last[ev.groupId] = ok.atMs
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
