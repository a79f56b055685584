import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { run } from './__tests__/harness'
import { EPOCH_MS, EVENT_BUS_ARN, FUNCTION_ARN, UNQUALIFIED_FUNCTION_ARN, isoTime } from './records'

/** The records Lambda sends (fact sheet §3.5, §3.6, §4.3; docs/MODELLING.md "Records Lambda sends"). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
type Rec = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function record(r: ReturnType<typeof run>, id: string, to: string): Rec {
  const d = r.event(id).deliveries.find((x) => x.to === to)
  if (!d?.record) throw new Error(`no ${to} record for ${id}`)
  return d.record as Rec
}

describe('records Lambda sends', () => {
  it('times are ISO 8601 UTC over a fixed epoch (2024-01-01), the same as a calendar would give', () => {
    expect(isoTime(0)).toBe('2024-01-01T00:00:00.000Z')
    expect(isoTime(60 * 86400000 + 1)).toBe('2024-03-01T00:00:00.001Z') // 2024 is a leap year
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 365 * 86400000 }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(EPOCH_MS + ms).toISOString())
      }),
    )
  })

  it('§3.5/§1.3 async on-failure record after two retries: version 1.0, one requestId, approximateInvokeCount 3, RetriesExhausted, an Unhandled error in the Node.js body shape [S54]', () => {
    const r = run({
      model: 'async',
      workload: [{ fail: 'always' }],
      async: { onFailure: 'sqs', deadLetterQueue: 'sqs' },
    })
    const rec = record(r, 'evt-1', 'onFailure')
    expect(rec).toEqual({
      version: '1.0',
      timestamp: '2024-01-01T00:03:00.660Z',
      requestContext: {
        requestId: expect.stringMatching(UUID),
        functionArn: FUNCTION_ARN,
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: { id: 'evt-1' },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: {
        errorType: 'Error',
        errorMessage: 'Error processing evt-1',
        trace: [
          'Error: Error processing evt-1',
          '    at Runtime.handler (file:///var/task/index.mjs:3:9)',
          '    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)',
        ],
      },
    })
    expect(FUNCTION_ARN).toMatch(/^arn:aws:lambda:us-east-1:\d{12}:function:[\w-]+:\$LATEST$/)
    // §3.6: the DLQ message is the original event with three attributes; its RequestID is the record's requestId.
    expect(record(r, 'evt-1', 'dlq')).toEqual({
      body: { id: 'evt-1' },
      messageAttributes: {
        RequestID: { DataType: 'String', StringValue: rec.requestContext.requestId },
        ErrorCode: { DataType: 'Number', StringValue: '200' },
        ErrorMessage: { DataType: 'String', StringValue: 'Error processing evt-1' },
      },
    })
  })

  it('§3.5 requestIds are deterministic: the same scenario and seed give the same ids; another event or seed another id', () => {
    const raw = {
      model: 'async',
      workload: [{ count: 2, fail: 'always' }],
      async: { maximumRetryAttempts: 0, onFailure: 'sqs' },
    }
    const a = run(raw)
    const b = run(raw)
    const c = run({ ...raw, seed: 7 })
    const id = (r: ReturnType<typeof run>, e: string) => record(r, e, 'onFailure').requestContext.requestId as string
    expect(id(a, 'evt-1')).toBe(id(b, 'evt-1'))
    expect(id(a, 'evt-1')).not.toBe(id(a, 'evt-2'))
    expect(id(a, 'evt-1')).not.toBe(id(c, 'evt-1'))
  })

  it('§3.5/§1.3 a timeout gives functionError Unhandled with Sandbox.Timedout "Task timed out after N seconds"; an expired event gives EventAgeExceeded and no response when it never ran', () => {
    const t = run({
      model: 'async',
      function: { timeout: 1, durationMs: 5000 },
      workload: [{}],
      async: { maximumRetryAttempts: 0, onFailure: 'lambda' },
    })
    const timedOut = record(t, 'evt-1', 'onFailure')
    expect(timedOut).toMatchObject({
      responseContext: { functionError: 'Unhandled' },
      requestContext: { approximateInvokeCount: 1 },
    })
    expect(timedOut.responsePayload).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${timedOut.requestContext.requestId} Error: Task timed out after 1.00 seconds`,
    })
    const e = run({
      model: 'async',
      function: { reservedConcurrentExecutions: 1, timeout: 900 },
      workload: [{ durationMs: 200000 }, {}],
      async: { maximumEventAgeInSeconds: 60, onFailure: 'sqs', deadLetterQueue: 'sns' },
    })
    const rec = record(e, 'evt-2', 'onFailure')
    expect(rec.requestContext).toMatchObject({ condition: 'EventAgeExceeded', approximateInvokeCount: 0 })
    expect(rec).not.toHaveProperty('responseContext')
    expect(rec.timestamp).toBe('2024-01-01T00:01:00.000Z')
    // SNS message attributes: Type / Value; 429 after throttles only.
    expect(record(e, 'evt-2', 'dlq').messageAttributes.ErrorCode).toEqual({ Type: 'Number', Value: '429' })
  })

  it('§3.5 EventBridge destinations get the record as detail of an event from source "lambda" (Success / Failure detail-types), resources the bus and the function', () => {
    const ok = run({ model: 'async', workload: [{}], async: { onSuccess: 'eventbridge' } })
    const okEvent = record(ok, 'evt-1', 'onSuccess')
    expect(okEvent).toMatchObject({
      source: 'lambda',
      'detail-type': 'Lambda Function Invocation Result - Success',
      region: 'us-east-1',
      resources: [EVENT_BUS_ARN, FUNCTION_ARN],
    })
    expect(EVENT_BUS_ARN).toBe('arn:aws:events:us-east-1:123456789012:event-bus/default')
    expect(okEvent.detail).toMatchObject({
      version: '1.0',
      requestContext: { condition: 'Success', approximateInvokeCount: 1 },
      responsePayload: null,
    })
    const bad = run({
      model: 'async',
      workload: [{ fail: 'always' }],
      async: { maximumRetryAttempts: 0, onFailure: 'eventbridge' },
    })
    const badEvent = record(bad, 'evt-1', 'onFailure')
    expect(badEvent['detail-type']).toBe('Lambda Function Invocation Result - Failure')
    expect(badEvent.detail.requestContext.condition).toBe('RetriesExhausted')
  })

  it('§4.3 Kinesis on-failure record [S55]: RetryAttemptsExhausted, the unqualified function ARN, Unhandled, KinesisBatchInfo (56-digit sequence numbers, ISO arrival times, batchSize, stream ARN)', () => {
    const r = run({
      model: 'kinesis',
      function: { initDurationMs: 0 },
      workload: [{ count: 3, everyMs: 10, fail: 'always' }],
      stream: { batchSize: 3, maximumBatchingWindowInSeconds: 1, maximumRetryAttempts: 1, onFailure: 'sqs' },
    })
    const rec = record(r, 'evt-1', 'onFailure')
    expect(rec).toEqual({
      requestContext: {
        requestId: expect.stringMatching(UUID),
        functionArn: UNQUALIFIED_FUNCTION_ARN,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 2,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: isoTime(r.event('evt-1').deliveries[0]!.atMs),
      KinesisBatchInfo: {
        shardId: 'shardId-000000000000',
        startSequenceNumber: '49590338271490256608559692538361000000000000000000000001',
        endSequenceNumber: '49590338271490256608559692538361000000000000000000000003',
        approximateArrivalOfFirstRecord: '2024-01-01T00:00:00.000Z',
        approximateArrivalOfLastRecord: '2024-01-01T00:00:00.020Z',
        batchSize: 3,
        streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/sim-stream',
      },
    })
    expect(UNQUALIFIED_FUNCTION_ARN).toBe('arn:aws:lambda:us-east-1:123456789012:function:demo')
    // One message for the batch: every record of it carries the same one.
    expect(record(r, 'evt-3', 'onFailure')).toBe(rec)
  })

  it('§4.3 DynamoDB on-failure record: RecordAgeExceeded with DDBStreamBatchInfo, arrival times to the second, DynamoDB-style shard id and 21-digit sequence numbers', () => {
    const r = run({
      model: 'dynamodb',
      function: { initDurationMs: 0 },
      workload: [{ atMs: 1500, fail: 'always' }],
      stream: { maximumRecordAgeInSeconds: 60, onFailure: 'sns' },
    })
    const rec = record(r, 'evt-1', 'onFailure')
    expect(rec.requestContext.condition).toBe('RecordAgeExceeded')
    expect(rec.timestamp).toBe('2024-01-01T00:01:01.501Z')
    expect(rec.DDBStreamBatchInfo).toEqual({
      shardId: expect.stringMatching(/^shardId-\d{20}-[0-9a-f]{8}$/),
      startSequenceNumber: '800000000000000000001',
      endSequenceNumber: '800000000000000000001',
      approximateArrivalOfFirstRecord: '2024-01-01T00:00:01Z',
      approximateArrivalOfLastRecord: '2024-01-01T00:00:01Z',
      batchSize: 1,
      streamArn: expect.stringMatching(/^arn:aws:dynamodb:us-east-1:\d{12}:table\/[\w-]+\/stream\//),
    })
    expect(rec).not.toHaveProperty('KinesisBatchInfo')
  })
})
