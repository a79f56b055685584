import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { run, scenario } from '../__tests__/harness'
import { createSim } from '../sim'
import { sequenceNumber } from './streamShards'

/** Warm invocations take 120 ms; no Init, so the times below are the lane's own. */
const fn = { initDurationMs: 0, durationMs: 120 }

describe('stream give-ups (fact sheet §4.3, docs/MODELLING.md "Streams")', () => {
  it('§4.3 the retry wait restarts after a batch is given up: the next batch is read at once and retried 1 s after it fails', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [
        { count: 1, idPrefix: 'a', fail: 'always' },
        { atMs: 30000, count: 1, idPrefix: 'b', fail: 1 },
      ],
      stream: { batchSize: 1, maximumRecordAgeInSeconds: 60, onFailure: 'sqs' },
    })
    const a = r.event('a-1')
    expect(a.outcome).toBe('failed')
    expect(a.deliveries).toEqual([
      expect.objectContaining({ to: 'onFailure', condition: 'RecordAgeExceeded', atMs: 60001 }),
    ])
    const b = r.event('b-1')
    expect(b.outcome).toBe('succeeded')
    expect(b.attempts.map((t) => [t.atMs, t.result])).toEqual([
      [60001, 'error'],
      [60001 + 120 + 1000, 'success'],
    ])
  })

  it('§4.3 records that expire unread leave in on-failure messages of at most BatchSize records', () => {
    const r = run({
      model: 'kinesis',
      function: fn,
      workload: [{ count: 6, fail: 'always' }],
      stream: { batchSize: 2, maximumRecordAgeInSeconds: 60, onFailure: 'sqs' },
    })
    const sizes = new Map<string, number>()
    for (const e of r.report.events ?? []) {
      for (const d of e.deliveries) {
        const info = (d as { record?: { KinesisBatchInfo?: { startSequenceNumber: string; batchSize: number } } })
          .record?.KinesisBatchInfo
        if (info) sizes.set(info.startSequenceNumber, info.batchSize)
      }
    }
    expect([...sizes.values()]).toEqual([2, 2, 2])
    expect(r.report.metrics.OnFailureDeliveries).toBe(3)
  })

  it("§4.3 sequence numbers look like the service's: Kinesis 56 digits, DynamoDB 21, growing within a shard as numbers and as strings", () => {
    const kinesis = createSim(scenario({ model: 'kinesis' }))
    const dynamodb = createSim(scenario({ model: 'dynamodb' }))
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 1e9 }), (shard, seq) => {
        for (const [s, digits] of [
          [kinesis, 56],
          [dynamodb, 21],
        ] as const) {
          const a = sequenceNumber(s, shard, seq)
          const b = sequenceNumber(s, shard, seq + 1)
          expect(a).toMatch(new RegExp(`^\\d{${digits}}$`))
          expect(BigInt(b) > BigInt(a) && b > a).toBe(true)
        }
      }),
    )
  })
})
