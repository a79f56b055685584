import { describe, expect, it } from 'vitest'
import { accept } from '../scenario/test-helpers'
import { syncCaption } from './sync'

/** Wording checks: rule tests assert facts; these pin the sentences a learner reads. */
describe('sync captions', () => {
  const sc = accept({ version: 1, model: 'sync', workload: [], sync: { caller: 'alb', clientMaxAttempts: 3 } })

  it('§1.4 throttle: 429 with the Reason, nothing queued; the caller opens the sentence', () => {
    const c = syncCaption(
      {
        kind: 'syncThrottled',
        event: 'evt-1',
        reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        why: 'reserved concurrency is used up',
      },
      sc,
    )
    expect(c.type).toBe('throttled')
    expect(c.text).toBe(
      'Throttled: reserved concurrency is used up. The load balancer (ALB) gets 429 TooManyRequestsException (Reason ReservedFunctionConcurrentInvocationLimitExceeded) for evt-1; nothing is queued.',
    )
  })

  it('§1.3 a function error is still 200, and nobody gets it once the caller gave up', () => {
    const f = { kind: 'syncEnded', event: 'evt-2', env: 'env-1', end: 'error', handlerMs: 100, waiting: true } as const
    expect(syncCaption(f, sc).text).toContain('the load balancer (ALB) gets 200 with X-Amz-Function-Error: Unhandled')
    expect(syncCaption({ ...f, waiting: false }, sc).text).toContain(
      'nobody is waiting any more (the caller already gave up), so nobody gets 200',
    )
  })

  it("§1.3 the retry is the caller's", () => {
    expect(syncCaption({ kind: 'syncCallerRetry', event: 'evt-3', attempt: 2, inMs: 1000 }, sc).text).toBe(
      "The load balancer (ALB) retries evt-3 in 1 s (attempt 2 of 3). The retry is the caller's; Lambda never retries a synchronous call.",
    )
  })
})
