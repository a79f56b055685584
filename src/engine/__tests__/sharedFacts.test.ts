import { describe, expect, it } from 'vitest'
import type { Fact } from '../facts'
import { createSim, dispatch, runToEnd, step } from '../sim'
import type { SimState, Transition } from '../types'
import { run, scenario } from './harness'

/**
 * The facts of the code every model shares (sharedFacts.ts): starting an invocation cold or warm,
 * a failed attempt, idle reclaim, and the commands a user issues. Rule tests assert the fact, so
 * the view and the store can rely on it; captions/shared.test.ts pins the words.
 */

type Kind = Fact['kind']
function facts<K extends Kind>(ts: readonly Transition[], kind: K): Extract<Fact, { kind: K }>[] {
  return ts.map((t) => t.fact).filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind)
}
function at(ts: readonly Transition[], kind: Kind): number[] {
  return ts.filter((t) => t.fact.kind === kind).map((t) => t.at)
}

describe('shared facts: starting an invocation (fact sheet §2.1 lifecycle)', () => {
  it('§2.1 cold start: the first request gets a new environment that runs Init before the handler', () => {
    const r = run({ model: 'sync', workload: [{ count: 1 }], function: { initDurationMs: 250, durationMs: 100 } })
    const t = r.transitions.find((x) => x.fact.kind === 'coldStart')!
    expect(t.fact).toEqual({
      kind: 'coldStart',
      inv: 'inv-1',
      env: 'env-1',
      events: ['evt-1'],
      batch: null,
      initMs: 250,
      initRetried: false,
    })
    expect(t.type).toBe('coldStart')
    expect(t.env).toBe('env-1')
    expect(facts(r.transitions, 'warmStart')).toEqual([])
  })

  it('§2.1 Init past the 10 s cap is retried inside the invoke (initRetried)', () => {
    const r = run({ model: 'sync', workload: [{ count: 1 }], function: { initDurationMs: 12000, timeout: 30 } })
    expect(facts(r.transitions, 'coldStart')).toMatchObject([{ initMs: 12000, initRetried: true }])
  })

  it('§2.1 warm reuse: a request after the first has finished runs in the same environment, no Init', () => {
    const r = run({
      model: 'sync',
      workload: [{ count: 2, everyMs: 1000 }],
      function: { initDurationMs: 200, durationMs: 100 },
    })
    expect(facts(r.transitions, 'coldStart').map((f) => f.events)).toEqual([['evt-1']])
    expect(facts(r.transitions, 'warmStart')).toEqual([
      { kind: 'warmStart', inv: 'inv-2', env: 'env-1', events: ['evt-2'], batch: null, provisioned: false },
    ])
  })

  it('§2.1 one request at a time: a request while the first runs gets a second, cold environment', () => {
    const r = run({ model: 'sync', workload: [{ count: 2, everyMs: 50 }], function: { durationMs: 500 } })
    expect(facts(r.transitions, 'coldStart').map((f) => [f.env, f.events])).toEqual([
      ['env-1', ['evt-1']],
      ['env-2', ['evt-2']],
    ])
    expect(facts(r.transitions, 'warmStart')).toEqual([])
  })

  it('§2.2 provisioned concurrency: a pre-initialized environment starts warm (provisioned: true)', () => {
    const r = run({ model: 'sync', workload: [{ count: 1 }], function: { provisionedConcurrentExecutions: 1 } })
    expect(facts(r.transitions, 'coldStart')).toEqual([])
    expect(facts(r.transitions, 'warmStart')).toMatchObject([{ env: 'env-1', provisioned: true }])
  })

  it('§1.3 environment reset: after a timeout the same environment runs Init again on its next request', () => {
    const r = run({
      model: 'sync',
      workload: [
        { atMs: 0, count: 1, durationMs: 5000 },
        { atMs: 10000, count: 1, idPrefix: 'next', durationMs: 100 },
      ],
      function: { timeout: 1 },
    })
    expect(facts(r.transitions, 'coldStart').map((f) => [f.env, f.events])).toEqual([
      ['env-1', ['evt-1']],
      ['env-1', ['next-1']],
    ])
  })

  it('§4.2 a poll-based batch is one invocation: the fact names the batch and all its records', () => {
    const r = run({
      model: 'sqs',
      workload: [{ count: 3 }],
      sqs: { batchSize: 10, maximumBatchingWindowInSeconds: 0 },
    })
    const starts = facts(r.transitions, 'coldStart')
    expect(starts.length).toBeGreaterThan(0)
    for (const f of starts) expect(f.batch).toMatch(/^batch-\d+$/)
    expect(starts.flatMap((f) => f.events).sort()).toEqual(['evt-1', 'evt-2', 'evt-3'])
  })
})

describe('shared facts: a failed attempt (§1.3, §3.3, §4.2; CONTEXT.md "Failure first")', () => {
  it('§3.3 a handler error: attemptFailed with end error, the failed event and its environment', () => {
    const r = run({
      model: 'async',
      workload: [{ count: 1, fail: 1 }],
      function: { durationMs: 100 },
      async: { maximumRetryAttempts: 1 },
    })
    expect(facts(r.transitions, 'attemptFailed')).toEqual([
      { kind: 'attemptFailed', inv: 'inv-1', env: 'env-1', events: ['evt-1'], records: 1, batch: null, end: 'error' },
    ])
  })

  it('§2.1 invoke phase: a handler past the function timeout fails with end timeout', () => {
    const r = run({ model: 'sync', workload: [{ count: 1, durationMs: 5000 }], function: { timeout: 2 } })
    expect(facts(r.transitions, 'attemptFailed')).toMatchObject([{ events: ['evt-1'], end: 'timeout' }])
  })

  it('§4.2 ReportBatchItemFailures: the invocation succeeds but lists only the failed records (end success)', () => {
    const r = run({
      model: 'sqs',
      workload: [{ count: 3 }, { count: 1, idPrefix: 'bad', fail: 1 }],
      sqs: { batchSize: 10, maximumBatchingWindowInSeconds: 0, reportBatchItemFailures: true, visibilityTimeout: 5 },
    })
    const failed = facts(r.transitions, 'attemptFailed')
    expect(failed).toHaveLength(1)
    // `records` is the batch's size (4), not how many of them failed (1).
    expect(failed[0]).toMatchObject({ events: ['bad-1'], records: 4, end: 'success' })
    expect(failed[0]!.batch).toMatch(/^batch-\d+$/)
  })

  it('a successful invocation has no attemptFailed fact', () => {
    const r = run({ model: 'async', workload: [{ count: 2 }] })
    expect(facts(r.transitions, 'attemptFailed')).toEqual([])
  })
})

describe('shared facts: idle reclaim (§2.1 scale-down)', () => {
  it('§2.1 scale-down: an environment idle for idleEnvironmentTtlMs is reclaimed, so the next request starts cold', () => {
    const r = run({
      model: 'sync',
      workload: [{ count: 2, everyMs: 5000 }],
      function: { initDurationMs: 300, durationMs: 100, idleEnvironmentTtlMs: 1000 },
    })
    expect(facts(r.transitions, 'envReclaimed')).toEqual([{ kind: 'envReclaimed', env: 'env-1', idleMs: 1000 }])
    // Freed at 400 ms (300 Init + 100 handler), reclaimed 1 s later.
    expect(at(r.transitions, 'envReclaimed')).toEqual([1400])
    expect(facts(r.transitions, 'coldStart').map((f) => [f.env, f.events])).toEqual([
      ['env-1', ['evt-1']],
      ['env-2', ['evt-2']],
    ])
  })

  it('§2.1 warm reuse within the idle TTL: no reclaim', () => {
    const r = run({
      model: 'sync',
      workload: [{ count: 2, everyMs: 1000 }],
      function: { durationMs: 100, idleEnvironmentTtlMs: 5000 },
    })
    expect(facts(r.transitions, 'envReclaimed')).toEqual([])
  })

  it('§2.2 provisioned environments are never reclaimed', () => {
    const r = run({
      model: 'sync',
      workload: [{ count: 2, everyMs: 5000 }],
      function: { provisionedConcurrentExecutions: 1, idleEnvironmentTtlMs: 1000 },
    })
    expect(facts(r.transitions, 'envReclaimed')).toEqual([])
    expect(facts(r.transitions, 'warmStart').map((f) => f.provisioned)).toEqual([true, true])
  })
})

describe('shared facts: the commands a user issues (sim.ts dispatch)', () => {
  const sim = (raw: Record<string, unknown>): SimState => createSim(scenario(raw))

  it('sending an event by hand: eventSent names the event that arrives at the next step', () => {
    const s0 = sim({ model: 'async', workload: [] })
    const d = dispatch(s0, { type: 'sendEvent' })
    expect(d.transitions.map((t) => [t.type, t.fact])).toEqual([['command', { kind: 'eventSent', event: 'you-1' }]])
    const again = dispatch(d.state, { type: 'sendEvent' })
    expect(again.transitions[0]!.fact).toEqual({ kind: 'eventSent', event: 'you-2' })
    expect(step(again.state).transitions[0]!.events).toEqual(['you-1'])
  })

  it('§1.3 fail next: failNextArmed counts the invocations that will throw, and the next one does', () => {
    const s0 = sim({ model: 'async', workload: [{ count: 1 }], async: { maximumRetryAttempts: 0 } })
    const once = dispatch(s0, { type: 'failNext' })
    expect(once.transitions.map((t) => t.fact)).toEqual([{ kind: 'failNextArmed', pending: 1 }])
    const twice = dispatch(once.state, { type: 'failNext' })
    expect(twice.transitions.map((t) => t.fact)).toEqual([{ kind: 'failNextArmed', pending: 2 }])
    const end = runToEnd(once.state, true)
    expect(facts(end.transitions, 'attemptFailed')).toMatchObject([{ events: ['evt-1'], end: 'error' }])
  })

  it('§2.2 configure: configChanged says how many provisioned environments were added', () => {
    const sc = scenario({ model: 'sync', workload: [], function: { provisionedConcurrentExecutions: 1 } })
    const s0 = createSim(sc)
    const more = dispatch(s0, {
      type: 'configure',
      scenario: { ...sc, function: { ...sc.function, provisionedConcurrentExecutions: 3 } },
    })
    expect(more.transitions.map((t) => [t.type, t.fact])).toEqual([
      ['command', { kind: 'configChanged', provisionedAdded: 2 }],
    ])
    expect(more.state.envs.filter((e) => e.provisioned)).toHaveLength(3)
    const fewer = dispatch(more.state, { type: 'configure', scenario: sc })
    expect(fewer.transitions[0]!.fact).toEqual({ kind: 'configChanged', provisionedAdded: 0 })
  })
})
