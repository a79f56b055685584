import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../report'
import { parseScenario } from '../scenario/parse'
import type { Scenario } from '../scenario/types'
import { advance, createSim, runToEnd } from '../sim'
import type { SimState } from '../types'
import { BACKOFF_MAX_MS, BACKOFF_START_MS, RETRY_DELAYS_MS } from './async'

/** Random small async scenarios covering throttles, errors, timeouts, expiry, destinations and duplicates. */
const durationArb = fc.oneof(
  fc.integer({ min: 0, max: 3000 }),
  fc
    .integer({ min: 0, max: 2000 })
    .chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: min + 2000 }) })),
)
const entryArb = fc.record({
  atMs: fc.integer({ min: 0, max: 5000 }),
  count: fc.integer({ min: 1, max: 8 }),
  everyMs: fc.integer({ min: 0, max: 3000 }),
  fail: fc.oneof(fc.constant('never'), fc.constant('always'), fc.integer({ min: 0, max: 3 })),
  durationMs: fc.option(durationArb, { nil: undefined }),
})
const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    stopAtMs: fc.option(fc.integer({ min: 1, max: 400000 }), { nil: undefined }),
    account: fc.record({
      concurrencyLimit: fc.integer({ min: 103, max: 1000 }),
      scalingRatePer10s: fc.integer({ min: 1, max: 5 }),
    }),
    function: fc.record({
      timeout: fc.integer({ min: 1, max: 3 }),
      reservedConcurrentExecutions: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      initDurationMs: fc.integer({ min: 0, max: 1000 }),
      durationMs: durationArb,
      errorRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      idleEnvironmentTtlMs: fc.integer({ min: 0, max: 600000 }),
    }),
    workload: fc.array(entryArb, { minLength: 1, maxLength: 3 }),
    async: fc.record({
      source: fc.constantFrom('s3', 'sns', 'eventbridge', 'sdk'),
      maximumRetryAttempts: fc.integer({ min: 0, max: 2 }),
      maximumEventAgeInSeconds: fc.integer({ min: 60, max: 400 }),
      onSuccess: fc.constantFrom(null, 'sqs', 'sns', 'eventbridge', 'lambda'),
      onFailure: fc.constantFrom(null, 'sqs', 'sns', 'eventbridge', 'lambda', 's3'),
      deadLetterQueue: fc.constantFrom(null, 'sqs', 'sns'),
      duplicateDeliveryRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  })
  .map((raw): Scenario => {
    const r = parseScenario({ version: 1, model: 'async', ...raw })
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    return r.scenario
  })

const RUNS = 150

describe('async model properties', () => {
  it('determinism: the same scenario twice gives a deep-equal report and transitions', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const a = runToEnd(createSim(sc), true)
        const b = runToEnd(createSim(sc), true)
        expect(buildReport(b.state)).toEqual(buildReport(a.state))
        expect(b.transitions).toEqual(a.transitions)
      }),
      { numRuns: RUNS },
    )
  })

  it('purity: advancing does not mutate the input state', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 40 }), (sc, steps) => {
        const s0 = createSim(sc)
        const before = JSON.stringify(s0)
        const mid = advance(s0, { steps }).state
        expect(JSON.stringify(s0)).toBe(before)
        const midJson = JSON.stringify(mid)
        runToEnd(mid)
        expect(JSON.stringify(mid)).toBe(midJson)
      }),
      { numRuns: RUNS },
    )
  })

  it('conservation, metrics and retry/backoff/age rules hold for every event', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { state } = runToEnd(createSim(sc))
        const rep = buildReport(state)
        const all = rep.events!
        const total = sc.workload.reduce((k, e) => k + e.count, 0)
        // Every workload event is in the report; those that had not arrived at the stop are pending, untried.
        expect(all).toHaveLength(total)
        for (const e of all.slice(state.events.length))
          expect(e).toMatchObject({ outcome: 'pending', attempts: [], deliveries: [] })
        const events = all.slice(0, state.events.length)
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
        const cfg = sc.async
        const m = rep.metrics
        let throttles = 0,
          invocations = 0,
          maxAge = 0,
          dropped = 0,
          onF = 0,
          onS = 0,
          dlq = 0
        events.forEach((e, i) => {
          const arrived = state.events[i]!.arrivedAt
          const limit = arrived + cfg.maximumEventAgeInSeconds * 1000
          for (const a of e.attempts) {
            if (a.result === 'throttled') throttles++
            else invocations++
            maxAge = Math.max(maxAge, a.atMs - arrived)
          }
          for (const d of e.deliveries) {
            if (d.to === 'onFailure') onF++
            if (d.to === 'onSuccess') onS++
            if (d.to === 'dlq') dlq++
            expect(d.to).not.toBe('caller')
          }
          const chain = e.attempts.filter((a) => !(a as { duplicate?: true }).duplicate)
          expect(chain.length).toBeGreaterThan(0)
          expect(chain[0]!.atMs).toBe(arrived)
          // Chain tries never start past the maximum event age, and the function runs at most
          // 1 + MaximumRetryAttempts times.
          for (const a of chain) expect(a.atMs).toBeLessThanOrEqual(limit)
          expect(chain.filter((a) => a.result !== 'throttled').length).toBeLessThanOrEqual(cfg.maximumRetryAttempts + 1)
          // Spacing: 60 s / 120 s after a function error; 1 s doubling to 300 s after a throttle (reset after a run).
          let backoff = BACKOFF_START_MS,
            retries = 0
          for (let k = 1; k < chain.length; k++) {
            const prev = chain[k - 1]!
            if (prev.result === 'throttled') {
              expect(chain[k]!.atMs - prev.atMs).toBe(backoff)
              backoff = Math.min(backoff * 2, BACKOFF_MAX_MS)
            } else {
              expect(prev.result === 'error' || prev.result === 'timeout').toBe(true)
              expect(chain[k]!.atMs - prev.endMs!).toBe(RETRY_DELAYS_MS[retries++])
              backoff = BACKOFF_START_MS
            }
          }
          if (sc.function.reservedConcurrentExecutions === 0) {
            expect(chain).toHaveLength(1)
            expect(chain[0]!.result).toBe('throttled')
          }
          const last = chain[chain.length - 1]!
          if (e.outcome === 'succeeded') {
            expect(last.result).toBe('success')
            expect(e.deliveries.map((d) => d.to)).toEqual(cfg.onSuccess ? ['onSuccess'] : [])
          } else if (e.outcome === 'failed') {
            dropped++
            const want = [...(cfg.onFailure ? ['onFailure'] : []), ...(cfg.deadLetterQueue ? ['dlq'] : [])]
            expect(e.deliveries.map((d) => d.to)).toEqual(want.length ? want : ['discarded'])
            const d = e.deliveries[0]!
            expect(['RetriesExhausted', 'EventAgeExceeded']).toContain(d.condition)
            if (d.condition === 'EventAgeExceeded') expect(d.atMs).toBe(Math.max(limit, last.endMs!))
            else if (last.result === 'throttled') expect(d.atMs).toBe(last.atMs)
            else expect(d.atMs).toBe(last.endMs)
          } else {
            expect(e.outcome).toBe('pending')
            expect(sc.stopAtMs).not.toBeNull()
            expect(e.deliveries).toEqual([])
          }
        })
        expect(m.Throttles).toBe(throttles)
        expect(m.Invocations).toBe(invocations)
        expect(m.MaxAsyncEventAgeMs).toBe(maxAge)
        expect(m.AsyncEventsReceived).toBe(events.length)
        expect(m.AsyncEventsDropped).toBe(dropped)
        expect([m.OnFailureDeliveries, m.OnSuccessDeliveries, m.DeadLetterMessages]).toEqual([onF, onS, dlq])
      }),
      { numRuns: RUNS },
    )
  })

  it('concurrency never exceeds min(reserved, account); queue counters match the tokens', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const cap = Math.min(sc.function.reservedConcurrentExecutions ?? Infinity, sc.account.concurrencyLimit)
        let s: SimState = createSim(sc)
        for (let i = 0; i < 5000 && s.work > 0; i++) {
          const next = advance(s, { steps: 25, collect: false }).state
          if (next.step === s.step) break
          s = next
          expect(s.concurrency.busy).toBeLessThanOrEqual(cap)
          const a = s.async!
          const chain = a.chain.pages.flat()
          const chainWaiting = chain.filter((c) => c === 'waiting').length
          const chainQueued = chain.filter((c) => c === 'queued').length
          expect([a.waiting, a.queued]).toEqual([chainWaiting, chainQueued])
        }
        expect(s.metrics.MaxConcurrentExecutions).toBeLessThanOrEqual(cap)
      }),
      { numRuns: RUNS },
    )
  })
})
