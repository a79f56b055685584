import { describe, expect, it } from 'vitest'
import { run as harnessRun } from '../__tests__/harness'
import { buildReport } from '../report'
import { parseScenario } from '../scenario/parse'
import { advance, createSim, runToEnd } from '../sim'
import { selectStage } from '../stage'
import type { SimState, Transition } from '../types'
import { FUNCTION_ARN } from './async'

const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

/** The DLQ message attributes (§3.6), SQS style (DataType / StringValue) or SNS style (Type / Value). */
function dlqAttrs(target: 'sqs' | 'sns', code: number, message: string): Record<string, unknown> {
  const a = (type: string, value: unknown) =>
    target === 'sns' ? { Type: type, Value: value } : { DataType: type, StringValue: value }
  return { RequestID: a('String', UUID), ErrorCode: a('Number', String(code)), ErrorMessage: a('String', message) }
}

function scenario(raw: Record<string, unknown>) {
  const r = parseScenario({ version: 1, model: 'async', ...raw })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scenario
}

function run(raw: Record<string, unknown>) {
  const { state, transitions } = runToEnd(createSim(scenario(raw)), true)
  return { state, transitions, report: buildReport(state) }
}

const ev = (r: ReturnType<typeof run>, i = 0) => r.report.events![i]!
const times = (r: ReturnType<typeof run>, i = 0) => ev(r, i).attempts.map((a) => [a.atMs, a.endMs, a.result])

describe('async model (fact sheet §3)', () => {
  it('§6.3 async: fails every time with MaximumRetryAttempts=2 → 3 attempts at 0, ~60 s, ~120 s after, then on-failure RetriesExhausted', () => {
    const r = run({ id: 'async-retries', workload: [{ count: 1, fail: 'always' }], async: { onFailure: 'sqs' } })
    expect(ev(r).attempts).toEqual([
      { atMs: 0, endMs: 420, result: 'error', coldStart: true, environment: 'env-1' },
      { atMs: 60420, endMs: 60540, result: 'error', coldStart: false, environment: 'env-1' },
      { atMs: 180540, endMs: 180660, result: 'error', coldStart: false, environment: 'env-1' },
    ])
    expect(ev(r).outcome).toBe('failed')
    expect(ev(r).deliveries).toEqual([
      {
        to: 'onFailure',
        atMs: 180660,
        condition: 'RetriesExhausted',
        target: 'sqs',
        record: {
          version: '1.0',
          timestamp: '2024-01-01T00:03:00.660Z',
          requestContext: {
            requestId: UUID,
            functionArn: FUNCTION_ARN,
            condition: 'RetriesExhausted',
            approximateInvokeCount: 3,
          },
          requestPayload: { id: 'evt-1' },
          responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          responsePayload: expect.objectContaining({ errorType: 'Error', errorMessage: 'Error processing evt-1' }),
        },
      },
    ])
    expect(r.report.metrics).toMatchObject({
      Invocations: 3,
      Errors: 3,
      Throttles: 0,
      ColdStarts: 1,
      MaxConcurrentExecutions: 1,
      AsyncEventsReceived: 1,
      AsyncEventsDropped: 1,
      MaxAsyncEventAgeMs: 180540,
      OnFailureDeliveries: 1,
      OnSuccessDeliveries: 0,
      DeadLetterMessages: 0,
    })
    expect(r.report.endedAtMs).toBe(180660)
  })

  it('§3.2 async: the Invoke API answers 202 at once (accepted), no caller delivery; the poller tries the event in the same millisecond', () => {
    const r = run({ workload: [{ count: 1, fail: 'always' }], async: { onFailure: 'sqs' } })
    const accepted = r.transitions.filter((t) => t.type === 'accepted')
    expect(accepted).toHaveLength(1)
    expect(accepted[0]!.at).toBe(0)
    expect(accepted[0]!.fact).toEqual({ kind: 'asyncAccepted', event: 'evt-1' })
    expect(ev(r).deliveries.some((d) => d.to === 'caller')).toBe(false)
    const retries = r.transitions.filter((t: Transition) => t.type === 'retryScheduled')
    expect(retries.map((t) => [t.at, t.fact])).toEqual([
      [420, { kind: 'asyncRetryScheduled', event: 'evt-1', retry: 1, inMs: 60000, reason: 'error', expires: false }],
      [60540, { kind: 'asyncRetryScheduled', event: 'evt-1', retry: 2, inMs: 120000, reason: 'error', expires: false }],
      [180660, { kind: 'asyncRetriesExhausted', event: 'evt-1', runs: 3 }],
    ])
    // Stepping: after the arrival the token sits in the queue; after the next step it runs.
    let s: SimState = createSim(scenario({ workload: [{ count: 1 }] }))
    s = advance(s, { steps: 1 }).state
    expect(s.events[0]!.stage).toBe('queued')
    expect(selectStage(s).tokens[0]).toMatchObject({ node: 'queue', state: 'queued' })
    s = advance(s, { steps: 1 }).state
    expect(s.now).toBe(0)
    expect(s.events[0]!.stage).toBe('running')
  })

  it('§6.4 async: MaximumRetryAttempts=0 → one attempt, then straight to the DLQ with RequestID, ErrorCode and ErrorMessage', () => {
    const r = run({
      workload: [{ count: 1, fail: 'always' }],
      async: { maximumRetryAttempts: 0, deadLetterQueue: 'sqs' },
    })
    expect(times(r)).toEqual([[0, 420, 'error']])
    expect(ev(r).outcome).toBe('failed')
    expect(ev(r).deliveries).toEqual([
      {
        to: 'dlq',
        atMs: 420,
        condition: 'RetriesExhausted',
        target: 'sqs',
        record: { body: { id: 'evt-1' }, messageAttributes: dlqAttrs('sqs', 200, 'Error processing evt-1') },
      },
    ])
    expect(r.report.metrics).toMatchObject({
      Invocations: 1,
      Errors: 1,
      DeadLetterMessages: 1,
      OnFailureDeliveries: 0,
      AsyncEventsDropped: 1,
      MaxAsyncEventAgeMs: 0,
    })
    expect(r.report.endedAtMs).toBe(420)
  })

  it('§6.4 async: MaximumRetryAttempts=0 with an on-failure destination → record with approximateInvokeCount 1', () => {
    const r = run({ workload: [{ count: 1, fail: 'always' }], async: { maximumRetryAttempts: 0, onFailure: 'lambda' } })
    expect(ev(r).deliveries).toHaveLength(1)
    expect(ev(r).deliveries[0]).toMatchObject({
      to: 'onFailure',
      atMs: 420,
      condition: 'RetriesExhausted',
      target: 'lambda',
      record: { requestContext: { approximateInvokeCount: 1 } },
    })
  })

  it('§6.5 async: throttled (reserved 1 busy) → backoff 1, 2, 4, 8, 16 s, then expiry at exactly MaximumEventAgeInSeconds=60 with EventAgeExceeded', () => {
    const r = run({
      function: { reservedConcurrentExecutions: 1, timeout: 300 },
      workload: [{ count: 1, durationMs: 200000 }, { count: 1 }],
      async: { maximumEventAgeInSeconds: 60 },
    })
    expect(ev(r, 0).attempts).toEqual([
      { atMs: 0, endMs: 200300, result: 'success', coldStart: true, environment: 'env-1' },
    ])
    const tries = ev(r, 1).attempts
    expect(tries.map((a) => a.atMs)).toEqual([0, 1000, 3000, 7000, 15000, 31000])
    expect(
      tries.every(
        (a) =>
          a.result === 'throttled' &&
          a.endMs === a.atMs &&
          a.reason === 'ReservedFunctionConcurrentInvocationLimitExceeded' &&
          a.environment === undefined,
      ),
    ).toBe(true)
    expect(ev(r, 1).outcome).toBe('failed')
    expect(ev(r, 1).deliveries).toEqual([{ to: 'discarded', atMs: 60000, condition: 'EventAgeExceeded' }])
    expect(r.report.metrics).toMatchObject({
      Invocations: 1,
      Errors: 0,
      Throttles: 6,
      AsyncEventsReceived: 2,
      AsyncEventsDropped: 1,
      MaxAsyncEventAgeMs: 31000,
      MaxConcurrentExecutions: 1,
    })
    expect(r.report.endedAtMs).toBe(200300)
    const expired = r.transitions.filter((t) => t.type === 'expired')
    expect(expired.map((t) => t.at)).toEqual([60000])
  })

  it('§6.5 async: throttle backoff doubles from 1 s and is capped at 5 min (300 s); throttles do not use MaximumRetryAttempts', () => {
    const r = run({
      function: { reservedConcurrentExecutions: 1, timeout: 900 },
      workload: [{ count: 1, durationMs: 890000 }, { count: 1 }],
      async: { maximumRetryAttempts: 0 },
    })
    const at = ev(r, 1).attempts.map((a) => a.atMs)
    const gaps = at.slice(1).map((t, i) => (t - at[i]!) / 1000)
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300])
    expect(ev(r, 1).attempts.at(-1)).toEqual({
      atMs: 1111000,
      endMs: 1111120,
      result: 'success',
      coldStart: false,
      environment: 'env-1',
    })
    expect(ev(r, 1).outcome).toBe('succeeded')
    expect(r.report.metrics).toMatchObject({ Throttles: 11, AsyncEventsDropped: 0, MaxAsyncEventAgeMs: 1111000 })
  })

  it('§6.5 async: expiry after throttles only → on-failure record without a response (approximateInvokeCount 0), DLQ ErrorCode 429', () => {
    const r = run({
      function: { reservedConcurrentExecutions: 1, timeout: 300 },
      workload: [{ count: 1, durationMs: 200000 }, { count: 1 }],
      async: { maximumEventAgeInSeconds: 60, onFailure: 'sns', deadLetterQueue: 'sns' },
    })
    const d = ev(r, 1).deliveries
    expect(d.map((x) => [x.to, x.atMs, x.condition])).toEqual([
      ['onFailure', 60000, 'EventAgeExceeded'],
      ['dlq', 60000, 'EventAgeExceeded'],
    ])
    expect(d[0]!.record).toEqual({
      version: '1.0',
      timestamp: '2024-01-01T00:01:00.000Z',
      requestContext: {
        requestId: UUID,
        functionArn: FUNCTION_ARN,
        condition: 'EventAgeExceeded',
        approximateInvokeCount: 0,
      },
      requestPayload: { id: 'evt-2' },
    })
    expect(d[1]!.record).toMatchObject({
      body: { id: 'evt-2' },
      messageAttributes: { RequestID: { Type: 'String' }, ErrorCode: { Type: 'Number', Value: '429' } },
    })
  })

  it('§3.4 async: a function-error retry that would fall after MaximumEventAgeInSeconds → expires at exactly that age (EventAgeExceeded)', () => {
    const r = run({
      workload: [{ count: 1, fail: 'always' }],
      async: { maximumEventAgeInSeconds: 60, onFailure: 'sqs' },
    })
    expect(times(r)).toEqual([[0, 420, 'error']])
    expect(ev(r).deliveries.map((d) => [d.to, d.atMs, d.condition])).toEqual([['onFailure', 60000, 'EventAgeExceeded']])
    expect(ev(r).deliveries[0]!.record).toMatchObject({
      requestContext: { approximateInvokeCount: 1 },
      responseContext: { functionError: 'Unhandled' },
    })
    expect(r.report.endedAtMs).toBe(60000)
  })

  it('§3.4 async: a retry at exactly MaximumEventAgeInSeconds still runs', () => {
    const r = run({
      function: { initDurationMs: 0, durationMs: 1000 },
      workload: [{ count: 1, fail: 1 }],
      async: { maximumEventAgeInSeconds: 61 },
    })
    expect(times(r)).toEqual([
      [0, 1000, 'error'],
      [61000, 62000, 'success'],
    ])
    expect(ev(r).outcome).toBe('succeeded')
    expect(r.report.metrics.MaxAsyncEventAgeMs).toBe(61000)
  })

  it('§6.6 async: reserved concurrency 0 → one throttled try, no retries, straight to on-failure with RetriesExhausted and no response', () => {
    const r = run({
      function: { reservedConcurrentExecutions: 0 },
      workload: [{ count: 2, everyMs: 500 }],
      async: { onFailure: 'sqs' },
    })
    for (const [i, at] of [
      [0, 0],
      [1, 500],
    ] as const) {
      expect(ev(r, i).attempts).toEqual([
        { atMs: at, endMs: at, result: 'throttled', reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
      ])
      expect(ev(r, i).outcome).toBe('failed')
      expect(ev(r, i).deliveries).toHaveLength(1)
      expect(ev(r, i).deliveries[0]).toMatchObject({ to: 'onFailure', atMs: at, condition: 'RetriesExhausted' })
      expect(ev(r, i).deliveries[0]!.record).not.toHaveProperty('responseContext')
    }
    expect(r.report.metrics).toMatchObject({
      Invocations: 0,
      Throttles: 2,
      AsyncEventsReceived: 2,
      AsyncEventsDropped: 2,
      OnFailureDeliveries: 2,
      MaxAsyncEventAgeMs: 0,
    })
    expect(r.report.endedAtMs).toBe(500)
  })

  it('§6.6 async: reserved concurrency 0 with only a DLQ → DLQ message with ErrorCode 429; with nothing configured → discarded', () => {
    const dlq = run({
      function: { reservedConcurrentExecutions: 0 },
      workload: [{ count: 1 }],
      async: { deadLetterQueue: 'sqs' },
    })
    expect(ev(dlq).deliveries).toEqual([
      {
        to: 'dlq',
        atMs: 0,
        condition: 'RetriesExhausted',
        target: 'sqs',
        record: {
          body: { id: 'evt-1' },
          messageAttributes: dlqAttrs(
            'sqs',
            429,
            'Rate Exceeded. (TooManyRequestsException, Reason ReservedFunctionConcurrentInvocationLimitExceeded)',
          ),
        },
      },
    ])
    expect(dlq.report.metrics.DeadLetterMessages).toBe(1)
    const none = run({ function: { reservedConcurrentExecutions: 0 }, workload: [{ count: 1 }] })
    expect(ev(none).deliveries).toEqual([{ to: 'discarded', atMs: 0, condition: 'RetriesExhausted' }])
    expect(none.report.metrics).toMatchObject({ AsyncEventsDropped: 1, DeadLetterMessages: 0, OnFailureDeliveries: 0 })
  })

  it('§3.3 async: a timeout is retried (Unhandled); the environment is reset, so the retry is a cold start', () => {
    const r = run({
      function: { timeout: 1, durationMs: 2000 },
      workload: [{ count: 1 }],
      async: { maximumRetryAttempts: 1, onFailure: 'lambda' },
    })
    expect(ev(r).attempts).toEqual([
      { atMs: 0, endMs: 1300, result: 'timeout', coldStart: true, environment: 'env-1' },
      { atMs: 61300, endMs: 62600, result: 'timeout', coldStart: true, environment: 'env-1' },
    ])
    expect(ev(r).deliveries).toHaveLength(1)
    expect(ev(r).deliveries[0]).toMatchObject({
      to: 'onFailure',
      atMs: 62600,
      condition: 'RetriesExhausted',
      record: {
        requestContext: { approximateInvokeCount: 2 },
        responseContext: { functionError: 'Unhandled' },
        responsePayload: {
          errorType: 'Sandbox.Timedout',
          errorMessage: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/),
        },
      },
    })
    expect(r.report.metrics).toMatchObject({
      Invocations: 2,
      Errors: 2,
      ColdStarts: 2,
      AsyncEventsDropped: 1,
      OnFailureDeliveries: 1,
    })
  })

  it('§3.5 async: success with an on-success destination → record with condition Success', () => {
    const r = run({ workload: [{ count: 1 }], async: { onSuccess: 'eventbridge', onFailure: 'sqs' } })
    expect(ev(r).outcome).toBe('succeeded')
    expect(ev(r).deliveries).toEqual([
      {
        to: 'onSuccess',
        atMs: 420,
        condition: 'Success',
        target: 'eventbridge',
        // An EventBridge destination receives the record as the `detail` of an event from source "lambda".
        record: expect.objectContaining({
          source: 'lambda',
          'detail-type': 'Lambda Function Invocation Result - Success',
          detail: {
            version: '1.0',
            timestamp: '2024-01-01T00:00:00.420Z',
            requestContext: {
              requestId: UUID,
              functionArn: FUNCTION_ARN,
              condition: 'Success',
              approximateInvokeCount: 1,
            },
            requestPayload: { id: 'evt-1' },
            responseContext: { statusCode: 200, executedVersion: '$LATEST' },
            responsePayload: null,
          },
        }),
      },
    ])
    expect(r.report.metrics).toMatchObject({ OnSuccessDeliveries: 1, OnFailureDeliveries: 0, AsyncEventsDropped: 0 })
  })

  it('§3.3 async: fail 1 → the 1st retry, 60 s after the failed attempt ends, succeeds; nothing is delivered without an on-success destination', () => {
    const r = run({ workload: [{ count: 1, fail: 1 }] })
    expect(times(r)).toEqual([
      [0, 420, 'error'],
      [60420, 60540, 'success'],
    ])
    expect(ev(r).outcome).toBe('succeeded')
    expect(ev(r).deliveries).toEqual([])
    expect(r.report.metrics).toMatchObject({
      Invocations: 2,
      Errors: 1,
      AsyncEventsDropped: 0,
      MaxAsyncEventAgeMs: 60420,
    })
    expect(r.report.endedAtMs).toBe(60540)
  })

  it('§3.6 async: a DLQ and an on-failure destination together both receive the failed event', () => {
    const r = run({
      workload: [{ count: 1, fail: 'always' }],
      async: { maximumRetryAttempts: 1, onFailure: 's3', deadLetterQueue: 'sns' },
    })
    expect(ev(r).deliveries.map((d) => [d.to, d.atMs, d.condition, d.target])).toEqual([
      ['onFailure', 60540, 'RetriesExhausted', 's3'],
      ['dlq', 60540, 'RetriesExhausted', 'sns'],
    ])
    expect(ev(r).deliveries[1]!.record).toEqual({
      body: { id: 'evt-1' },
      messageAttributes: dlqAttrs('sns', 200, 'Error processing evt-1'),
    })
    expect(r.report.metrics).toMatchObject({ OnFailureDeliveries: 1, DeadLetterMessages: 1, AsyncEventsDropped: 1 })
  })

  it('§3.3 async: stopAtMs in the middle of a retry delay → outcome pending, token waiting in the queue until the retry', () => {
    const sc = scenario({ stopAtMs: 30000, workload: [{ count: 1, fail: 'always' }], async: { onFailure: 'sqs' } })
    const { state } = runToEnd(createSim(sc))
    const rep = buildReport(state)
    expect(rep.events![0]!.outcome).toBe('pending')
    expect(rep.events![0]!.attempts.map((a) => [a.atMs, a.endMs])).toEqual([[0, 420]])
    expect(rep.events![0]!.deliveries).toEqual([])
    expect(rep.endedAtMs).toBe(30000)
    expect(rep.metrics.AsyncEventsDropped).toBe(0)
    const stage = selectStage(state)
    expect(stage.tokens[0]).toMatchObject({ state: 'waiting', node: 'queue', until: 60420 })
    expect(stage.nodes.find((n) => n.id === 'queue')!.detail).toContain('1 waiting')
  })

  it('§3.3 async: duplicateDeliveryRate 1 → each event also runs once as a duplicate (marked duplicate: true); the original decides the outcome', () => {
    const r = run({
      workload: [{ count: 1, fail: 'always' }],
      async: { maximumRetryAttempts: 0, onFailure: 'sqs', duplicateDeliveryRate: 1 },
    })
    expect(ev(r).attempts).toEqual([
      { atMs: 0, endMs: 420, result: 'error', coldStart: true, environment: 'env-1' },
      { atMs: 0, endMs: 420, result: 'error', coldStart: true, environment: 'env-2', duplicate: true },
    ])
    expect(ev(r).deliveries.map((d) => [d.to, d.atMs, d.condition])).toEqual([['onFailure', 420, 'RetriesExhausted']])
    expect(ev(r).deliveries[0]!.record).toMatchObject({ requestContext: { approximateInvokeCount: 1 } })
    expect(r.report.metrics).toMatchObject({
      Invocations: 2,
      Errors: 2,
      ColdStarts: 2,
      AsyncEventsDropped: 1,
      OnFailureDeliveries: 1,
    })
    // rate 0: no draw from the RNG at all, so the run is the same with any duplicate setting absent.
    const plain = run({ workload: [{ count: 3 }] })
    expect(plain.state.rng).toBe(plain.state.scenario.seed >>> 0)
  })

  it('§3.5 async stage: nodes per configuration (source, Invoke API, queue, environments, configured destinations or discard)', () => {
    const none = selectStage(createSim(scenario({ workload: [] })))
    expect(none.nodes.map((n) => [n.id, n.column])).toEqual([
      ['source', 0],
      ['invoke', 1],
      ['queue', 2],
      ['done', 4],
      ['discard', 4],
      ['envs', 3],
    ])
    expect(none.nodes.find((n) => n.id === 'invoke')!.detail).toBe('Event: 202 Accepted')
    const all = selectStage(
      createSim(
        scenario({
          workload: [],
          async: { source: 'sns', onSuccess: 'sqs', onFailure: 'sqs', deadLetterQueue: 'sns' },
        }),
      ),
    )
    expect(all.nodes.map((n) => n.id)).toEqual(['source', 'invoke', 'queue', 'onSuccess', 'onFailure', 'dlq', 'envs'])
    expect(all.nodes[0]!.label).toBe('Amazon SNS')
    const r = run({
      workload: [{ count: 1, fail: 'always' }, { count: 1 }],
      async: { maximumRetryAttempts: 0, onFailure: 'sqs', onSuccess: 'lambda' },
    })
    const tokens = selectStage(r.state).tokens
    expect(tokens.map((t) => [t.id, t.node, t.state])).toEqual([
      ['evt-1', 'onFailure', 'failed'],
      ['evt-2', 'onSuccess', 'succeeded'],
    ])
  })
})

describe('§6.7 extension deadLetterQueueWriteFails', () => {
  it('§6.7 async: the DLQ write fails → the event is deleted and DeadLetterErrors goes up', () => {
    const r = harnessRun({
      model: 'async',
      async: { maximumRetryAttempts: 0, deadLetterQueue: 'sqs', deadLetterQueueWriteFails: true },
      workload: [{ count: 1, fail: 'always' }],
    })
    const e = r.event('evt-1')
    expect(e.outcome).toBe('failed')
    expect(e.deliveries).toEqual([
      { to: 'discarded', atMs: 420, condition: 'RetriesExhausted', reason: 'DeadLetterErrors', target: 'sqs' },
    ])
    expect(r.report.metrics).toMatchObject({ DeadLetterMessages: 0, DeadLetterErrors: 1, AsyncEventsDropped: 1 })
  })
  it('§3.6 with an on-failure destination as well, the destination still gets its record', () => {
    const r = harnessRun({
      model: 'async',
      async: { maximumRetryAttempts: 0, onFailure: 'sns', deadLetterQueue: 'sqs', deadLetterQueueWriteFails: true },
      workload: [{ count: 1, fail: 'always' }],
    })
    expect(r.event('evt-1').deliveries.map((d) => d.to)).toEqual(['onFailure', 'discarded'])
    expect(r.report.metrics).toMatchObject({ OnFailureDeliveries: 1, DeadLetterErrors: 1 })
  })
})
