import { describe, expect, it } from 'vitest'
import { run } from '../__tests__/harness'

const base = { model: 'sync', function: { initDurationMs: 300, durationMs: 100 } }

describe('synchronous invocation (fact sheet §1)', () => {
  it('§1.2 success: the caller gets 200 when the handler returns; a cold start adds Init before the handler', () => {
    const r = run({ ...base, workload: [{ count: 1 }] })
    const e = r.event('evt-1')
    expect(e.outcome).toBe('succeeded')
    expect(e.attempts).toEqual([{ atMs: 0, endMs: 400, result: 'success', coldStart: true, environment: 'env-1' }])
    expect(e.deliveries).toEqual([{ to: 'caller', status: 200, atMs: 400 }])
    expect(r.report.metrics).toMatchObject({
      Invocations: 1,
      Errors: 0,
      Throttles: 0,
      ColdStarts: 1,
      DurationP50Ms: 100,
    })
    expect(r.report.endedAtMs).toBe(400)
  })

  it('§2.1 warm reuse: a later request reuses the idle environment with no Init', () => {
    const r = run({ ...base, workload: [{ count: 2, everyMs: 1000 }] })
    expect(r.event('evt-2').attempts).toEqual([
      { atMs: 1000, endMs: 1100, result: 'success', coldStart: false, environment: 'env-1' },
    ])
    expect(r.report.metrics.ColdStarts).toBe(1)
  })

  it('§2.1 one request per environment: a request arriving while the only environment is busy gets a new one', () => {
    const r = run({ ...base, workload: [{ count: 2, everyMs: 50 }] })
    expect(r.event('evt-2').attempts[0]).toMatchObject({ atMs: 50, coldStart: true, environment: 'env-2' })
    expect(r.report.metrics.MaxConcurrentExecutions).toBe(2)
  })

  it('§6.1/§1.3 function error: 200 with X-Amz-Function-Error Unhandled [S54], no retry, Errors and Invocations +1', () => {
    const r = run({ ...base, workload: [{ count: 1, fail: 'always' }], sync: { clientMaxAttempts: 3 } })
    const e = r.event('evt-1')
    expect(e.outcome).toBe('failed')
    expect(e.attempts).toHaveLength(1)
    expect(e.deliveries).toEqual([{ to: 'caller', status: 200, functionError: 'Unhandled', atMs: 400 }])
    expect(r.report.metrics).toMatchObject({ Invocations: 1, Errors: 1, Throttles: 0 })
  })

  it('§1.3 timeout: Unhandled, the handler is stopped at the timeout, and the environment is reset (next use is a cold start)', () => {
    const r = run({
      ...base,
      function: { ...base.function, timeout: 1 },
      workload: [
        { count: 1, durationMs: 5000 },
        { atMs: 2000, count: 1 },
      ],
    })
    const first = r.event('evt-1')
    expect(first.attempts[0]).toMatchObject({ atMs: 0, endMs: 1300, result: 'timeout', environment: 'env-1' })
    expect(first.deliveries).toEqual([{ to: 'caller', status: 200, functionError: 'Unhandled', atMs: 1300 }])
    expect(r.event('evt-2').attempts[0]).toMatchObject({
      atMs: 2000,
      endMs: 2400,
      coldStart: true,
      environment: 'env-1',
    })
    expect(r.report.metrics).toMatchObject({ Errors: 1, ColdStarts: 2, DurationP99Ms: 1000 })
  })

  it('§2.1 Init past 10 s is retried inside the invoke, under the function timeout, and counts as one cold start', () => {
    const ok = run({
      model: 'sync',
      function: { initDurationMs: 12000, durationMs: 100, timeout: 30 },
      sync: { callerTimeoutMs: null },
      workload: [{ count: 1 }],
    })
    expect(ok.event('evt-1').attempts[0]).toMatchObject({
      atMs: 0,
      endMs: 10000 + 12000 + 100,
      result: 'success',
      coldStart: true,
    })
    expect(ok.report.metrics.ColdStarts).toBe(1)
    const late = run({
      model: 'sync',
      function: { initDurationMs: 12000, durationMs: 100, timeout: 5 },
      sync: { callerTimeoutMs: null },
      workload: [{ count: 1 }],
    })
    expect(late.event('evt-1').attempts[0]).toMatchObject({ endMs: 15000, result: 'timeout' })
  })

  it('§6.2 reserved concurrency reached: 429 with Reason ReservedFunctionConcurrentInvocationLimitExceeded, nothing queued, only Throttles counts', () => {
    const r = run({
      ...base,
      function: { ...base.function, reservedConcurrentExecutions: 1 },
      workload: [{ count: 2, everyMs: 10 }],
    })
    const e = r.event('evt-2')
    expect(e.outcome).toBe('throttled')
    expect(e.attempts).toEqual([
      { atMs: 10, endMs: 10, result: 'throttled', reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
    ])
    expect(e.deliveries).toEqual([
      { to: 'caller', status: 429, reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', atMs: 10 },
    ])
    expect(r.report.metrics).toMatchObject({ Invocations: 1, Errors: 0, Throttles: 1 })
  })

  it('§2.2 reserved concurrency 0 throttles every request', () => {
    const r = run({
      ...base,
      function: { ...base.function, reservedConcurrentExecutions: 0 },
      workload: [{ count: 3 }],
    })
    expect(r.report.events?.map((e) => e.outcome)).toEqual(['throttled', 'throttled', 'throttled'])
    expect(r.report.metrics).toMatchObject({ Invocations: 0, Throttles: 3 })
  })

  it('§2.2 account limit reached: Reason ConcurrentInvocationLimitExceeded', () => {
    const r = run({ ...base, account: { concurrencyLimit: 2 }, workload: [{ count: 3 }] })
    expect(r.event('evt-3').deliveries[0]).toMatchObject({ status: 429, reason: 'ConcurrentInvocationLimitExceeded' })
    expect(r.report.metrics.MaxConcurrentExecutions).toBe(2)
  })

  it('§6.15 scaling rate: new environments per 10 s are limited, refilled continuously; warm reuse costs nothing', () => {
    const r = run({
      ...base,
      account: { scalingRatePer10s: 2 },
      function: { timeout: 30, initDurationMs: 0, durationMs: 10000 },
      workload: [{ count: 3 }, { atMs: 5000, count: 1 }, { atMs: 20000, count: 1 }],
    })
    expect(r.event('evt-3').deliveries[0]).toMatchObject({ status: 429, reason: 'FunctionInvocationRateLimitExceeded' })
    // 2 per 10 s refill one environment every 5 s: at 5000 ms there is a token again.
    expect(r.event('evt-4').attempts[0]).toMatchObject({ atMs: 5000, coldStart: true, environment: 'env-3' })
    // At 20000 ms env-1 is idle: reused without a token.
    expect(r.event('evt-5').attempts[0]).toMatchObject({ coldStart: false })
  })

  it('§2.2 scaling-rate throttles under reserved concurrency use ReservedFunctionInvocationRateLimitExceeded', () => {
    const r = run({
      ...base,
      account: { scalingRatePer10s: 1 },
      function: { ...base.function, reservedConcurrentExecutions: 5 },
      workload: [{ count: 2 }],
    })
    expect(r.event('evt-2').deliveries[0]).toMatchObject({
      status: 429,
      reason: 'ReservedFunctionInvocationRateLimitExceeded',
    })
  })

  it('§2.2 provisioned concurrency: no cold start while provisioned environments are free, then spillover with cold starts', () => {
    const r = run({
      ...base,
      function: { ...base.function, reservedConcurrentExecutions: 10, provisionedConcurrentExecutions: 2 },
      workload: [{ count: 3 }],
    })
    expect(r.event('evt-1').attempts[0]).toMatchObject({ coldStart: false, endMs: 100 })
    expect(r.event('evt-2').attempts[0]).toMatchObject({ coldStart: false })
    expect(r.event('evt-3').attempts[0]).toMatchObject({ coldStart: true, endMs: 400 })
    expect(r.report.metrics).toMatchObject({
      ColdStarts: 1,
      ProvisionedConcurrencyInvocations: 2,
      ProvisionedConcurrencySpilloverInvocations: 1,
    })
  })

  it('§2.1 idle reclaim: after idleEnvironmentTtlMs the environment is gone and the next request is cold', () => {
    const r = run({
      ...base,
      function: { ...base.function, idleEnvironmentTtlMs: 1000 },
      workload: [{ count: 1 }, { atMs: 1399, count: 1 }, { atMs: 3000, count: 1 }],
    })
    expect(r.event('evt-2').attempts[0]).toMatchObject({ coldStart: false, environment: 'env-1' })
    expect(r.event('evt-3').attempts[0]).toMatchObject({ coldStart: true, environment: 'env-2' })
    expect(r.state.envs[0]!.state).toBe('reclaimed')
  })

  it('spec: idle reclaim never keeps a run going (endedAtMs is the last delivery)', () => {
    const r = run({ ...base, workload: [{ count: 1 }] })
    expect(r.report.endedAtMs).toBe(400)
  })

  it('§1.5 caller timeout: 504 at the caller timeout while the function runs on and still succeeds', () => {
    const r = run({
      ...base,
      function: { timeout: 60, initDurationMs: 0, durationMs: 40000 },
      sync: { caller: 'api-gateway' },
      workload: [{ count: 1 }],
    })
    const e = r.event('evt-1')
    expect(e.deliveries).toEqual([{ to: 'caller', status: 504, reason: 'CallerTimeout', atMs: 29000 }])
    expect(e.attempts).toEqual([{ atMs: 0, endMs: 40000, result: 'success', coldStart: true, environment: 'env-1' }])
    expect(e.outcome).toBe('succeeded')
  })

  it('spec: ALB waits 60 s by default; function URL and SDK wait for the function', () => {
    const long = { function: { timeout: 120, initDurationMs: 0, durationMs: 70000 }, workload: [{ count: 1 }] }
    expect(run({ model: 'sync', ...long, sync: { caller: 'alb' } }).event('evt-1').deliveries[0]).toMatchObject({
      status: 504,
      atMs: 60000,
    })
    expect(
      run({ model: 'sync', ...long, sync: { caller: 'function-url' } }).event('evt-1').deliveries[0],
    ).toMatchObject({ status: 200, atMs: 70000 })
    expect(run({ model: 'sync', ...long, sync: { caller: 'sdk' } }).event('evt-1').deliveries[0]).toMatchObject({
      status: 200,
      atMs: 70000,
    })
  })

  it('§1.3 the caller retries after a 429 (clientMaxAttempts, clientBackoffMs); Lambda itself never does', () => {
    const r = run({
      ...base,
      function: { ...base.function, reservedConcurrentExecutions: 1 },
      sync: { caller: 'sdk', clientMaxAttempts: 3, clientBackoffMs: 200 },
      workload: [{ count: 2 }],
    })
    const e = r.event('evt-2')
    expect(e.attempts.map((a) => [a.atMs, a.result])).toEqual([
      [0, 'throttled'],
      [200, 'throttled'],
      [400, 'success'],
    ])
    expect(e.deliveries.map((d) => d.status)).toEqual([429, 429, 200])
    expect(e.outcome).toBe('succeeded')
  })

  it('§1.3 the caller retries after its own timeout: the first invocation runs on, a second one starts', () => {
    const r = run({
      ...base,
      function: { timeout: 10, initDurationMs: 0, durationMs: 5000 },
      sync: { caller: 'sdk', callerTimeoutMs: 1000, clientMaxAttempts: 2, clientBackoffMs: 0 },
      workload: [{ count: 1 }],
    })
    const e = r.event('evt-1')
    expect(e.attempts.map((a) => [a.atMs, a.endMs, a.environment])).toEqual([
      [0, 5000, 'env-1'],
      [1000, 6000, 'env-2'],
    ])
    expect(e.deliveries.map((d) => [d.status, d.atMs])).toEqual([
      [504, 1000],
      [504, 2000],
    ])
    expect(e.outcome).toBe('succeeded')
    expect(r.report.metrics.MaxConcurrentExecutions).toBe(2)
  })

  it('spec: throttled after every caller attempt → outcome throttled; function error is not retried by the caller', () => {
    const r = run({
      ...base,
      function: { ...base.function, reservedConcurrentExecutions: 0 },
      sync: { clientMaxAttempts: 2, clientBackoffMs: 50 },
      workload: [{ count: 1 }],
    })
    expect(r.event('evt-1').outcome).toBe('throttled')
    expect(r.report.metrics.Throttles).toBe(2)
  })

  it('spec: stopAtMs cuts the run; a running attempt is listed as running with endMs null and the event is pending', () => {
    const r = run({ ...base, stopAtMs: 200, workload: [{ count: 1 }] })
    expect(r.event('evt-1')).toMatchObject({
      outcome: 'pending',
      attempts: [{ atMs: 0, endMs: null, result: 'running' }],
    })
    expect(r.report.endedAtMs).toBe(200)
  })

  it('spec: fail N fails the first N attempts that ran; errorRate draws from the seeded RNG', () => {
    const r = run({
      ...base,
      sync: { caller: 'sdk', clientMaxAttempts: 2 },
      workload: [
        { count: 1, fail: 1 },
        { atMs: 1000, count: 1, fail: 1 },
      ],
    })
    expect(r.event('evt-1').outcome).toBe('failed')
    expect(r.event('evt-2').outcome).toBe('failed')
    const always = run({ ...base, function: { ...base.function, errorRate: 1 }, workload: [{ count: 4 }] })
    expect(always.report.metrics.Errors).toBe(4)
    const a = run({
      ...base,
      seed: 7,
      function: { ...base.function, errorRate: 0.5 },
      workload: [{ count: 200, everyMs: 1000 }],
    })
    const b = run({
      ...base,
      seed: 7,
      function: { ...base.function, errorRate: 0.5 },
      workload: [{ count: 200, everyMs: 1000 }],
    })
    expect(a.report).toEqual(b.report)
    expect(a.report.metrics.Errors).toBeGreaterThan(60)
    expect(a.report.metrics.Errors).toBeLessThan(140)
  })

  it('spec: ids number in workload order per prefix; arrivals of one millisecond run in workload order', () => {
    const r = run({
      ...base,
      workload: [
        { atMs: 100, count: 2, idPrefix: 'a' },
        { atMs: 0, count: 1, idPrefix: 'b' },
        { atMs: 100, count: 1, idPrefix: 'a' },
      ],
    })
    expect(r.report.events?.map((e) => e.id)).toEqual(['b-1', 'a-1', 'a-2', 'a-3'])
  })

  it('spec: durationMs {min,max} draws whole milliseconds in range from the seed', () => {
    const r = run({
      ...base,
      function: { initDurationMs: 0, durationMs: { min: 50, max: 60 } },
      workload: [{ count: 50, everyMs: 100 }],
    })
    for (const e of r.report.events ?? []) {
      const a = e.attempts[0]!
      const d = a.endMs! - a.atMs
      expect(Number.isInteger(d) && d >= 50 && d <= 60).toBe(true)
    }
  })

  it('captions: every transition has plain text and a fact-sheet reference', () => {
    const r = run({
      ...base,
      function: { ...base.function, reservedConcurrentExecutions: 1 },
      workload: [{ count: 2 }],
    })
    expect(r.transitions.length).toBeGreaterThan(3)
    for (const t of r.transitions) {
      expect(t.text.length).toBeGreaterThan(10)
      expect(t.ref.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
    }
    expect(
      r.transitions.some(
        (t) =>
          t.type === 'throttled' &&
          t.fact?.kind === 'syncThrottled' &&
          t.fact.reason === 'ReservedFunctionConcurrentInvocationLimitExceeded',
      ),
    ).toBe(true)
  })
})
