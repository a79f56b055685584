import { describe, expect, it } from 'vitest'
import { accept } from '../scenario/test-helpers'
import { asyncCaption } from './async'

/** Wording checks: rule tests assert facts; these pin the sentences a learner reads. */
describe('async captions', () => {
  const sc = accept({ version: 1, model: 'async', workload: [], async: { maximumRetryAttempts: 2, source: 's3' } })

  it('§3.2 accepted: the source gets 202 and never sees the result', () => {
    const c = asyncCaption({ kind: 'asyncAccepted', event: 'evt-1' }, sc)
    expect(c.type).toBe('accepted')
    expect(c.text).toBe(
      'Amazon S3 invokes the function with evt-1 (InvocationType=Event). Lambda puts the event on its internal queue and answers 202 Accepted at once, without running the function: Amazon S3 does not wait and never sees the result.',
    )
  })

  it('§3.3 retry scheduled: retry number, delay, the reason, and expiry when past the maximum age', () => {
    const f = {
      kind: 'asyncRetryScheduled',
      event: 'evt-1',
      retry: 2,
      inMs: 120000,
      reason: 'timeout',
      expires: false,
    } as const
    expect(asyncCaption(f, sc).text).toMatch(
      /^Retry 2 of 2 for evt-1 in 2 min: the function timed out, and MaximumRetryAttempts is 2 /,
    )
    expect(asyncCaption({ ...f, expires: true }, sc).text).toMatch(/so the event will expire at that age instead\.$/)
  })

  it('§3.3 gives up: "its only attempt" for one run, "all N attempts" otherwise', () => {
    expect(asyncCaption({ kind: 'asyncRetriesExhausted', event: 'evt-1', runs: 1 }, sc).text).toContain(
      'evt-1 failed its only attempt',
    )
    expect(asyncCaption({ kind: 'asyncRetriesExhausted', event: 'evt-1', runs: 3 }, sc).text).toContain(
      'evt-1 failed all 3 attempts',
    )
  })

  it('§3.6 DLQ: ErrorCode and the target named', () => {
    const c = asyncCaption({ kind: 'asyncDlqSent', event: 'evt-2', target: 'sqs', code: 429 }, sc)
    expect(c.type).toBe('dlq')
    expect(c.text).toContain('to the dead-letter queue (SQS queue) with message attributes RequestID, ErrorCode 429')
  })
})
