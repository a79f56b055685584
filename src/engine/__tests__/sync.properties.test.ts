import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../report'
import { writeReport } from '../reportText'
import { RELEASED } from '../core'
import { createSim, runToEnd, step } from '../sim'
import type { SimState } from '../types'
import { scenario } from './harness'

/** Random synchronous scenarios small enough to step through one occurrence at a time. */
const syncScenario = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    stopAtMs: fc.option(fc.integer({ min: 1, max: 20000 }), { nil: undefined }),
    concurrencyLimit: fc.integer({ min: 1, max: 8 }),
    scalingRatePer10s: fc.integer({ min: 1, max: 6 }),
    reserved: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    provisioned: fc.integer({ min: 0, max: 3 }),
    timeout: fc.integer({ min: 1, max: 4 }),
    initDurationMs: fc.oneof(fc.integer({ min: 0, max: 800 }), fc.constant(11000)),
    durationMs: fc.oneof(
      fc.integer({ min: 0, max: 5000 }),
      fc.record({ min: fc.constant(10), max: fc.integer({ min: 10, max: 3000 }) }),
    ),
    errorRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    idleEnvironmentTtlMs: fc.integer({ min: 0, max: 5000 }),
    caller: fc.constantFrom('api-gateway', 'alb', 'function-url', 'sdk'),
    callerTimeoutMs: fc.option(fc.integer({ min: 50, max: 4000 }), { nil: null }),
    clientMaxAttempts: fc.integer({ min: 1, max: 3 }),
    clientBackoffMs: fc.integer({ min: 0, max: 1000 }),
    workload: fc.array(
      fc.record({
        atMs: fc.integer({ min: 0, max: 3000 }),
        count: fc.integer({ min: 1, max: 12 }),
        everyMs: fc.integer({ min: 0, max: 400 }),
        idPrefix: fc.constantFrom('evt', 'req'),
        fail: fc.oneof(fc.constant('never'), fc.constant('always'), fc.integer({ min: 0, max: 2 })),
      }),
      { minLength: 0, maxLength: 4 },
    ),
  })
  .map((r) => {
    const limit = r.concurrencyLimit + 100
    const reserved = r.reserved === null ? null : Math.min(r.reserved, r.concurrencyLimit)
    const provisioned = Math.min(r.provisioned, reserved ?? r.concurrencyLimit)
    return scenario({
      model: 'sync',
      seed: r.seed,
      ...(r.stopAtMs ? { stopAtMs: r.stopAtMs } : {}),
      account: { concurrencyLimit: limit, scalingRatePer10s: r.scalingRatePer10s },
      function: {
        timeout: r.timeout,
        reservedConcurrentExecutions: reserved,
        provisionedConcurrentExecutions: provisioned,
        initDurationMs: r.initDurationMs,
        durationMs: r.durationMs,
        errorRate: r.errorRate,
        idleEnvironmentTtlMs: r.idleEnvironmentTtlMs,
      },
      sync: {
        caller: r.caller,
        callerTimeoutMs: r.callerTimeoutMs,
        clientMaxAttempts: r.clientMaxAttempts,
        clientBackoffMs: r.clientBackoffMs,
      },
      workload: r.workload,
    })
  })

function stepAll(s0: SimState, each: (before: SimState, after: SimState) => void): SimState {
  let s = s0
  for (let i = 0; i < 5000; i++) {
    const next = step(s).state
    if (next.step === s.step) return s
    each(s, next)
    s = next
  }
  throw new Error('run did not finish in 5000 steps')
}

describe('engine properties over random synchronous scenarios', () => {
  it('determinism: the same scenario and seed give the same report and transition log', () => {
    fc.assert(
      fc.property(syncScenario, (sc) => {
        const a = runToEnd(createSim(sc), true)
        const b = runToEnd(createSim(sc), true)
        expect(buildReport(b.state)).toEqual(buildReport(a.state))
        expect(b.transitions).toEqual(a.transitions)
      }),
      { numRuns: 150 },
    )
  })

  it('purity: the input state is never mutated, and stepping one at a time equals one run to the end', () => {
    fc.assert(
      fc.property(syncScenario, (sc) => {
        const s0 = createSim(sc)
        const frozen = JSON.stringify(s0)
        const whole = runToEnd(s0).state
        expect(JSON.stringify(s0)).toBe(frozen)
        const stepped = stepAll(s0, (before, after) => {
          const snapshot = JSON.stringify(before)
          step(before)
          expect(JSON.stringify(before)).toBe(snapshot)
          expect(after.now).toBeGreaterThanOrEqual(before.now)
        })
        expect(buildReport(stepped)).toEqual(buildReport(whole))
      }),
      { numRuns: 60 },
    )
  })

  it('conservation: every request ends succeeded, failed, throttled or pending; none lost or invented', () => {
    fc.assert(
      fc.property(syncScenario, (sc) => {
        const r = buildReport(runToEnd(createSim(sc)).state)
        const events = r.events ?? []
        const expected = sc.stopAtMs === null ? sc.workload.reduce((n, e) => n + e.count, 0) : events.length
        expect(events.length).toBe(expected)
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
        for (const e of events) {
          expect(['succeeded', 'failed', 'throttled', 'pending']).toContain(e.outcome)
          if (e.outcome === 'throttled') expect(e.deliveries[e.deliveries.length - 1]?.status).toBe(429)
          if (e.outcome === 'failed') expect(e.deliveries.length).toBeGreaterThan(0)
          if (e.outcome === 'succeeded') expect(e.attempts.some((a) => a.result === 'success')).toBe(true)
          if (sc.stopAtMs === null) expect(e.outcome).not.toBe('pending')
        }
      }),
      { numRuns: 200 },
    )
  })

  it('limits: concurrency never exceeds min(reserved, account limit); an environment never runs two requests at once', () => {
    fc.assert(
      fc.property(syncScenario, (sc) => {
        const cap = Math.min(sc.function.reservedConcurrentExecutions ?? Infinity, sc.account.concurrencyLimit)
        const end = stepAll(createSim(sc), (_, s) => {
          const busy = s.envs.filter((e) => e.state === 'busy').length
          expect(s.concurrency.busy).toBe(busy)
          expect(busy).toBeLessThanOrEqual(cap)
        })
        const byEnv: Record<string, [number, number][]> = {}
        for (const e of buildReport(end).events ?? []) {
          for (const a of e.attempts)
            if (a.environment) (byEnv[a.environment] ??= []).push([a.atMs, a.endMs ?? Infinity])
        }
        for (const spans of Object.values(byEnv)) {
          spans.sort((x, y) => x[0] - y[0])
          for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1])
        }
      }),
      { numRuns: 60 },
    )
  })

  it('time never goes backwards: transitions are in time order', () => {
    fc.assert(
      fc.property(syncScenario, (sc) => {
        const { transitions } = runToEnd(createSim(sc), true)
        for (let i = 1; i < transitions.length; i++)
          expect(transitions[i]!.at).toBeGreaterThanOrEqual(transitions[i - 1]!.at)
      }),
      { numRuns: 100 },
    )
  })

  it('packed runs (packEvents) keep finished requests as numbers and report the same bytes', () => {
    let packed = 0
    fc.assert(
      fc.property(syncScenario, (sc) => {
        const full = runToEnd(createSim(sc)).state
        const lean = runToEnd(createSim(sc, { packEvents: true })).state
        expect(JSON.stringify(buildReport(lean), null, 2)).toBe(JSON.stringify(buildReport(full), null, 2))
        const text = (s: SimState): string => {
          const utf8 = new TextDecoder()
          let out = ''
          writeReport(s, {}, null, (c) => (out += utf8.decode(c, { stream: true })))
          return out + utf8.decode()
        }
        expect(text(lean)).toBe(text(full))
        packed += lean.events.filter((e) => e === RELEASED).length
      }),
      { numRuns: 150 },
    )
    expect(packed).toBeGreaterThan(100)
  })

  it('metrics-only runs (keepEvents false) release finished requests and report the same metrics, end and log', () => {
    let released = 0
    fc.assert(
      fc.property(syncScenario, (sc) => {
        const full = runToEnd(createSim(sc), true)
        const lean = runToEnd(createSim(sc, { keepEvents: false }), true)
        expect(buildReport(lean.state)).toEqual(buildReport(full.state, { metricsOnly: true }))
        expect(lean.transitions).toEqual(full.transitions)
        const gone = lean.state.events.filter((e) => e === RELEASED).length
        // Exactly the requests that ended for good are released; pending ones keep their record.
        expect(gone).toBe(
          full.state.events.filter(
            (e) => e.outcome !== 'pending' && e.stage === e.outcome && !e.attempts.some((a) => a.result === 'running'),
          ).length,
        )
        released += gone
      }),
      { numRuns: 150 },
    )
    expect(released).toBeGreaterThan(100)
  })
})
