import { describe, expect, it } from 'vitest'
import { accept } from '../scenario/test-helpers'
import { streamCaption } from './stream'

/** Wording checks: rule tests assert facts; these pin the sentences a learner reads. */
describe('stream captions', () => {
  const kinesis = accept({ version: 1, model: 'kinesis', workload: [], stream: { maximumRetryAttempts: -1 } })
  const ddb = accept({ version: 1, model: 'dynamodb', workload: [] })

  it('§4.3 the stream is named by model', () => {
    const f = {
      kind: 'streamWritten',
      event: 'evt-1',
      partitionKey: 'evt-1',
      at: { shard: 0, lane: 0 },
      seq: 1,
      blocked: false,
    } as const
    expect(streamCaption(f, ddb).text).toBe(
      'evt-1 (its id as partition key) is written to the only shard of the DynamoDB Streams stream with sequence number 1. It stays in the stream after it is read.',
    )
    expect(streamCaption(f, kinesis).text).toContain('of the Kinesis stream')
  })

  it('§4.3 bisect: the split and that splits are not retries', () => {
    const c = streamCaption(
      {
        kind: 'streamBisected',
        batch: 'batch-1',
        end: 'error',
        count: 8,
        half: 4,
        firstHalf: { first: 1, last: 4 },
        inMs: 1000,
      },
      kinesis,
    )
    expect(c.type).toBe('bisected')
    expect(c.text).toBe(
      'Bisect: batch-1 (8 records) failed (the handler threw) and splits into 4 + 4 (BisectBatchOnFunctionError): the first half (sequences 1–4) runs first, in 1 s, then the second. Splits do not count as retries.',
    )
  })

  it('§4.3 retry while the shard waits; MaximumRetryAttempts −1 means until the records expire', () => {
    const c = streamCaption(
      {
        kind: 'streamRetryScheduled',
        batch: 'batch-2',
        at: { shard: 0, lane: 0 },
        end: 'error',
        count: 1,
        inMs: 2000,
        retry: 1,
      },
      kinesis,
    )
    expect(c.text).toContain('MaximumRetryAttempts −1 = until the records expire')
    expect(c.text).toContain('nothing behind it in the shard is read')
  })

  it('§4.3 partial batch response: checkpoint at the lowest failed item', () => {
    const c = streamCaption(
      {
        kind: 'streamPartialFailure',
        batch: 'batch-10',
        failed: [103, 105],
        checkpoint: 103,
        retry: { first: 103, last: 110 },
      },
      kinesis,
    )
    expect(c.text).toContain('sequence numbers 103, 105')
    expect(c.text).toContain('Checkpoint at sequence 103, the lowest failed item: records 103–110 are retried')
  })
})
