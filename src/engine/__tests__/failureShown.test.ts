import { describe, expect, it } from 'vitest'
import { parseScenario } from '../scenario/parse'
import { createSim, nextStepAt, step } from '../sim'
import { selectStage } from '../stage'
import type { SimState, Transition } from '../types'

/**
 * A failed invocation ends in two steps at the same millisecond (sim.ts 'settle'): first the
 * failed attempt is drawn red in its environment, then the model's follow-up (retry scheduled,
 * back to the queue, delivery) happens. Throttled tries are drawn as throttled at their instant.
 */

function sim(raw: Record<string, unknown>): SimState {
  const r = parseScenario({ version: 1, ...raw })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return createSim(r.scenario)
}

/** Steps until a step logs a transition of `type`; returns the state before and after it. */
function stepUntil(
  s0: SimState,
  type: Transition['type'],
): { before: SimState; after: SimState; transitions: readonly Transition[] } {
  let s = s0
  while (nextStepAt(s) !== null) {
    const r = step(s)
    if (r.transitions.some((t) => t.type === type)) return { before: s, after: r.state, transitions: r.transitions }
    s = r.state
  }
  throw new Error(`no ${type} step`)
}

describe('the failure is shown before what follows it', () => {
  it('§3.3 async retries: the failed attempt is red in its environment one step before the retry is scheduled, at the same millisecond', () => {
    const s0 = sim({
      model: 'async',
      workload: [{ atMs: 0, count: 1, fail: 1 }],
      function: { durationMs: 100 },
      async: { maximumRetryAttempts: 2 },
    })
    const failed = stepUntil(s0, 'attemptFailed')
    expect(failed.transitions.map((t) => t.type)).toEqual(['attemptFailed'])
    const shown = selectStage(failed.after).tokens.find((t) => t.id === 'evt-1')!
    expect(shown.state).toBe('failed')
    expect(shown.env).toBe('env-1')
    expect(selectStage(failed.after).envs.find((e) => e.id === 'env-1')!.tokens).toEqual(['evt-1'])
    // Nothing of the retry yet: no retry pending, the attempt is closed.
    expect(failed.after.async!.waiting).toBe(0)
    expect(failed.after.events[0]!.attempts[0]!.result).toBe('error')
    const next = step(failed.after)
    expect(next.state.now).toBe(failed.after.now)
    expect(next.transitions.map((t) => t.type)).toEqual(['functionError', 'retryScheduled'])
    const moved = selectStage(next.state).tokens.find((t) => t.id === 'evt-1')!
    expect(moved.state).toBe('waiting')
    expect(moved.env).toBeNull()
  })

  it('§4.2 SQS: a failed batch is red in its environment before its messages are hidden until the visibility timeout', () => {
    const s0 = sim({
      model: 'sqs',
      workload: [{ atMs: 0, count: 3, fail: 1 }],
      function: { durationMs: 100 },
      sqs: { batchSize: 10 },
    })
    const failed = stepUntil(s0, 'attemptFailed')
    const tokens = selectStage(failed.after).tokens
    expect(tokens.map((t) => [t.state, t.env !== null])).toEqual(tokens.map(() => ['failed', true]))
    const next = step(failed.after)
    expect(next.transitions.some((t) => t.type === 'functionError')).toBe(true)
    expect(selectStage(next.state).tokens.every((t) => t.state === 'invisible' && t.env === null)).toBe(true)
  })

  it('§4.2 partial batch response (§6 scenario 8): the environment holds the whole batch, busy and counted, until Lambda acts on the answer', () => {
    const s0 = sim({
      model: 'sqs',
      workload: [
        { atMs: 0, count: 4, idPrefix: 'order' },
        { atMs: 0, count: 2, idPrefix: 'bad', fail: 'always' },
        { atMs: 0, count: 4, idPrefix: 'order' },
      ],
      function: { durationMs: 100 },
      sqs: { batchSize: 10, reportBatchItemFailures: true },
    })
    const failed = stepUntil(s0, 'attemptFailed')
    const st = selectStage(failed.after)
    const env = st.envs.find((e) => e.id === 'env-1')!
    expect(env.state).toBe('busy')
    expect(env.tokens).toHaveLength(10)
    // Its failed items first: a card that draws a few and "+K" still shows both.
    expect(env.tokens.slice(0, 2)).toEqual(['bad-1', 'bad-2'])
    expect(st.gauge.busy).toBe(1)
    expect(failed.after.concurrency.busy).toBe(1)
    // The two reported items are red, the eight others are still in the environment with them.
    expect(st.tokens.filter((t) => t.state === 'failed').map((t) => t.id)).toEqual(['bad-1', 'bad-2'])
    expect(st.tokens.every((t) => t.env === 'env-1')).toBe(true)
    const next = step(failed.after)
    expect(next.state.now).toBe(failed.after.now)
    const after = selectStage(next.state)
    expect(after.envs.find((e) => e.id === 'env-1')!.state).toBe('idle')
    expect(after.gauge.busy).toBe(0)
    expect(after.tokens.every((t) => t.env === null)).toBe(true)
  })

  it('§4.3 bisection (§6 scenario 11): the environment holding the failed batch is busy and counted until the batch is split', () => {
    const s0 = sim({
      model: 'kinesis',
      workload: [
        { atMs: 0, count: 3, idPrefix: 'order' },
        { atMs: 0, count: 1, idPrefix: 'poison', fail: 'always' },
        { atMs: 0, count: 4, idPrefix: 'order' },
      ],
      function: { durationMs: 100 },
      stream: { batchSize: 8, bisectBatchOnFunctionError: true, maximumRetryAttempts: 2 },
    })
    const failed = stepUntil(s0, 'attemptFailed')
    const st = selectStage(failed.after)
    expect(st.envs.map((e) => [e.state, e.tokens.length])).toEqual([['busy', 8]])
    expect(st.gauge.busy).toBe(1)
    const next = step(failed.after)
    expect(next.transitions.some((t) => t.type === 'bisected')).toBe(true)
    expect(selectStage(next.state).gauge.busy).toBe(0)
  })

  it("§1.4 a throttled synchronous call is drawn throttled at its instant, then waits for the caller's retry", () => {
    const s0 = sim({
      model: 'sync',
      workload: [{ atMs: 0, count: 2, everyMs: 10 }],
      function: { durationMs: 1000, reservedConcurrentExecutions: 1 },
      sync: { caller: 'sdk', clientMaxAttempts: 2, clientBackoffMs: 5000 },
    })
    const throttled = stepUntil(s0, 'throttled')
    const id = throttled.after.events[1]!.id
    const t = selectStage(throttled.after).tokens.find((x) => x.id === id)!
    expect(t.state).toBe('throttled')
    // Its record already waits for the retry; at the next instant it is drawn waiting.
    expect(throttled.after.events[1]!.stage).toBe('waiting')
    const later = step(throttled.after)
    expect(later.state.now).toBeGreaterThan(throttled.after.now)
    expect(selectStage(later.state).tokens.find((x) => x.id === id)!.state).toBe('waiting')
  })
})
