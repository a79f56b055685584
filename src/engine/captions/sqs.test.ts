import { describe, expect, it } from 'vitest'
import { accept } from '../scenario/test-helpers'
import { idList, sqsCaption } from './sqs'

/** Wording checks: rule tests assert facts; these pin the sentences a learner reads. */
describe('SQS captions', () => {
  const sc = accept({
    version: 1,
    model: 'sqs',
    workload: [],
    sqs: { visibilityTimeout: 30, maxReceiveCount: 3, reportBatchItemFailures: true },
  })

  it('lists at most 3 ids, then how many more', () => {
    expect(idList(['a', 'b'])).toBe('a, b')
    expect(idList(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more')
  })

  it('§4.2 partial batch response: deletes the rest, reported ones stay hidden, receive count against maxReceiveCount', () => {
    const c = sqsCaption(
      {
        kind: 'sqsBatchEnded',
        batch: 'batch-1',
        env: 'env-1',
        end: 'success',
        events: ['a', 'b', 'c'],
        deleted: 2,
        stay: ['c'],
        maxReceives: 3,
        lost: [],
      },
      sc,
    )
    expect(c.type).toBe('deleted')
    expect(c.text).toBe(
      'batch-1 returns batchItemFailures (ReportBatchItemFailures): Lambda deletes 2 messages; 1 reported (c) stay hidden until their visibility timeout (30 s after the receive) passes, then reappear. A partial batch response is not an error. Receive count 3 of maxReceiveCount 3: when the timeout passes, SQS moves them to the DLQ.',
    )
  })

  it('§4.2 a whole successful batch is deleted; a late result deletes nothing', () => {
    const f = {
      kind: 'sqsBatchEnded',
      batch: 'batch-2',
      env: 'env-1',
      end: 'success',
      events: ['a', 'b'],
      deleted: 2,
      stay: [],
      maxReceives: 1,
      lost: [],
    } as const
    expect(sqsCaption(f, sc).text).toBe('batch-2 succeeded: Lambda deletes its 2 messages from the queue.')
    expect(sqsCaption({ ...f, deleted: 1, lost: ['b'] }, sc).text).toBe(
      'batch-2 succeeded: Lambda deletes 1 message from the queue. b: the visibility timeout already passed during this invocation, so this result no longer deletes it (it was visible again and may be received twice).',
    )
  })

  it('§4.2 scaling: up to the default cap, backoff after a failure', () => {
    expect(
      sqsCaption(
        { kind: 'sqsScaled', from: 5, to: 6, how: { kind: 'scaleUp', cap: 1000, mode: 'default', maxPollers: 0 } },
        sc,
      ).text,
    ).toBe(
      'Poller concurrency 5 → 6: messages are waiting and every poller is busy, so Lambda adds concurrent batches (up to 300 per minute, at most 1000).',
    )
    expect(
      sqsCaption({ kind: 'sqsScaled', from: 3, to: 2, how: { kind: 'backoff', batch: 'batch-4', cause: 'failed' } }, sc)
        .text,
    ).toMatch(/^Poller concurrency 3 → 2: batch-4 failed, so Lambda backs off/)
  })

  it('§4.2 recursive loop: Terminate stops the 17th invocation', () => {
    const c = sqsCaption({ kind: 'sqsLoopStopped', event: 'o-hop17', root: 'o', toDlq: true }, sc)
    expect(c.ref.url).toMatch(/invocation-recursion\.html$/)
    expect(c.text).toContain(
      "Lambda stops the next invocation: o-hop17 does not reach the handler, it goes to the queue's dead-letter queue",
    )
  })
})
