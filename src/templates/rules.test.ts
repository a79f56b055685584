import { describe, expect, it } from 'vitest'
import { parseScenario } from '../engine'
import { lintTemplate } from './importer'
import { RULES } from './rules'
import type { RuleId } from './rules'

type Props = Record<string, unknown>
const getAtt = (id: string, attr = 'Arn') => ({ 'Fn::GetAtt': [id, attr] })

interface Parts {
  fn?: Props
  event?: Props
  queue?: Props
  resources?: Props
}

/** A correct stack of each kind; each rule's test changes one thing. */
function sqsStack({ fn = {}, event = {}, queue = {}, resources = {} }: Parts = {}): string {
  return JSON.stringify({
    Resources: {
      Dlq: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: queue['FifoQueue'] } },
      Queue: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          VisibilityTimeout: 60,
          RedrivePolicy: { deadLetterTargetArn: getAtt('Dlq'), maxReceiveCount: 5 },
          ...queue,
        },
      },
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          Handler: 'h',
          Timeout: 10,
          ...fn,
          Events: { Jobs: { Type: 'SQS', Properties: { Queue: getAtt('Queue'), ...event } } },
        },
      },
      ...resources,
    },
  })
}

function streamStack(event: Props = {}, kind: 'Kinesis' | 'DynamoDB' = 'Kinesis'): string {
  const source =
    kind === 'Kinesis'
      ? { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } }
      : { Type: 'AWS::DynamoDB::Table', Properties: { StreamSpecification: { StreamViewType: 'KEYS_ONLY' } } }
  return JSON.stringify({
    Resources: {
      Source: source,
      Failed: { Type: 'AWS::SQS::Queue' },
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          Handler: 'h',
          Events: {
            Records: {
              Type: kind,
              Properties: {
                Stream: getAtt('Source', kind === 'Kinesis' ? 'Arn' : 'StreamArn'),
                StartingPosition: 'LATEST',
                BisectBatchOnFunctionError: true,
                MaximumRetryAttempts: 5,
                DestinationConfig: { OnFailure: { Type: 'SQS', Destination: getAtt('Failed') } },
                ...event,
              },
            },
          },
        },
      },
    },
  })
}

function fnStack(fn: Props, events: Props, resources: Props = {}): string {
  return JSON.stringify({
    Resources: {
      Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'h', ...fn, Events: events } },
      ...resources,
    },
  })
}

const rules = (text: string) => lintTemplate(text).map((f) => f.rule)

function expectFires(text: string, rule: RuleId) {
  const findings = lintTemplate(text).filter((f) => f.rule === rule)
  expect(findings, `${rule} should fire`).toHaveLength(1)
  const [f] = findings
  expect(f).toMatchObject({ severity: RULES[rule].severity, docUrl: RULES[rule].docUrl })
  expect(f?.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
  expect(f?.message).toMatch(/^[^\n]+\.$/)
  if (f?.seeIt) expect(parseScenario(f.seeIt).ok).toBe(true)
  return f
}

describe('correct stacks have no findings', () => {
  it.each([
    ['sqs', sqsStack()],
    ['kinesis', streamStack()],
    ['dynamodb', streamStack({}, 'DynamoDB')],
    [
      'kinesis with partial batch responses instead of bisect',
      streamStack({ BisectBatchOnFunctionError: false, FunctionResponseTypes: ['ReportBatchItemFailures'] }),
    ],
    ['api', fnStack({ Timeout: 29 }, { Web: { Type: 'Api', Properties: {} } })],
    [
      'async with an on-failure destination',
      fnStack(
        { EventInvokeConfig: { DestinationConfig: { OnFailure: { Type: 'SQS', Destination: getAtt('Q') } } } },
        { S: { Type: 'SNS', Properties: {} } },
        { Q: { Type: 'AWS::SQS::Queue' } },
      ),
    ],
    [
      'async with a DLQ',
      fnStack(
        { DeadLetterQueue: { Type: 'SNS', TargetArn: { Ref: 'T' } } },
        { S: { Type: 'S3', Properties: {} } },
        { T: { Type: 'AWS::SNS::Topic' } },
      ),
    ],
    [
      'provisioned within reserved',
      fnStack(
        {
          ReservedConcurrentExecutions: 10,
          AutoPublishAlias: 'live',
          ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 10 },
        },
        {},
      ),
    ],
    [
      'sqs batch above 10 with a window',
      sqsStack({ event: { BatchSize: 100, MaximumBatchingWindowInSeconds: 1 }, queue: { VisibilityTimeout: 61 } }),
    ],
    ['fifo with a fifo dlq', sqsStack({ queue: { FifoQueue: true } })],
    [
      'reserved with maximum concurrency',
      sqsStack({ fn: { ReservedConcurrentExecutions: 10 }, event: { ScalingConfig: { MaximumConcurrency: 10 } } }),
    ],
  ])('%s', (_name, text) => {
    expect(rules(text)).toEqual([])
  })
})

describe('each rule fires on the mistake it names', () => {
  it('sqs-visibility-below-timeout (error: Lambda refuses the mapping)', () => {
    const f = expectFires(sqsStack({ queue: { VisibilityTimeout: 5 } }), 'sqs-visibility-below-timeout')
    expect(f).toMatchObject({ severity: 'error', resource: 'Queue', property: 'VisibilityTimeout' })
    // With the queue's default of 30 s too.
    expectFires(
      sqsStack({ fn: { Timeout: 31 }, queue: { VisibilityTimeout: undefined } }),
      'sqs-visibility-below-timeout',
    )
  })
  it('sqs-visibility-below-six-timeouts (warning), window included', () => {
    expectFires(sqsStack({ queue: { VisibilityTimeout: 59 } }), 'sqs-visibility-below-six-timeouts')
    expectFires(sqsStack({ event: { MaximumBatchingWindowInSeconds: 5 } }), 'sqs-visibility-below-six-timeouts')
    expect(rules(sqsStack({ queue: { VisibilityTimeout: 5 } }))).not.toContain('sqs-visibility-below-six-timeouts')
  })
  it('sqs-redrive-max-receive-low (warning)', () => {
    const text = sqsStack({ queue: { RedrivePolicy: { deadLetterTargetArn: getAtt('Dlq'), maxReceiveCount: 4 } } })
    expect(expectFires(text, 'sqs-redrive-max-receive-low')?.seeIt?.workload.some((w) => w.fail === 'always')).toBe(
      true,
    )
    // An older template's RedrivePolicy as a JSON string.
    expectFires(
      sqsStack({
        queue: { RedrivePolicy: '{"deadLetterTargetArn": "arn:aws:sqs:eu-west-1:1:d", "maxReceiveCount": 1}' },
      }),
      'sqs-redrive-max-receive-low',
    )
  })
  it('sqs-reserved-without-max-concurrency (warning)', () => {
    const f = expectFires(
      sqsStack({ fn: { ReservedConcurrentExecutions: 10 } }),
      'sqs-reserved-without-max-concurrency',
    )
    expect(f?.seeIt?.function.reservedConcurrentExecutions).toBe(10)
  })
  it('sqs-batch-size-without-window (error)', () => {
    expectFires(sqsStack({ event: { BatchSize: 11 } }), 'sqs-batch-size-without-window')
  })
  it('sqs-fifo-batch-size and sqs-fifo-batching-window (errors)', () => {
    expectFires(sqsStack({ queue: { FifoQueue: true }, event: { BatchSize: 20 } }), 'sqs-fifo-batch-size')
    expectFires(
      sqsStack({ queue: { FifoQueue: true }, event: { MaximumBatchingWindowInSeconds: 1 } }),
      'sqs-fifo-batching-window',
    )
  })
  it('sqs-fifo-standard-dlq (error), by resource and by ARN', () => {
    const text = JSON.stringify({
      Resources: {
        Dlq: { Type: 'AWS::SQS::Queue' },
        Queue: {
          Type: 'AWS::SQS::Queue',
          Properties: { FifoQueue: true, RedrivePolicy: { deadLetterTargetArn: getAtt('Dlq'), maxReceiveCount: 5 } },
        },
        Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
      },
    })
    expect(expectFires(text, 'sqs-fifo-standard-dlq')).toMatchObject({
      resource: 'Queue',
      property: 'RedrivePolicy.deadLetterTargetArn',
    })
    expectFires(
      sqsStack({
        queue: {
          FifoQueue: true,
          RedrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:1:dlq', maxReceiveCount: 5 },
        },
      }),
      'sqs-fifo-standard-dlq',
    )
  })
  it('stream-poison-blocks-shard (error) for Kinesis and DynamoDB', () => {
    const endless = { MaximumRetryAttempts: undefined, DestinationConfig: undefined }
    const f = expectFires(streamStack(endless), 'stream-poison-blocks-shard')
    expect(f?.seeIt?.stream.maximumRetryAttempts).toBe(-1)
    expectFires(streamStack({ ...endless, MaximumRetryAttempts: -1 }, 'DynamoDB'), 'stream-poison-blocks-shard')
    expect(rules(streamStack({ MaximumRetryAttempts: -1 }))).not.toContain('stream-poison-blocks-shard')
  })
  it('stream-discards-without-destination (warning): finite retries, no destination', () => {
    const f = expectFires(streamStack({ DestinationConfig: undefined }), 'stream-discards-without-destination')
    expect(f?.message).toMatch(/after 5 retries/)
    expect(f?.seeIt?.stream).toMatchObject({ maximumRetryAttempts: 5, onFailure: null })
    expectFires(
      streamStack({ DestinationConfig: undefined, MaximumRetryAttempts: 0 }, 'DynamoDB'),
      'stream-discards-without-destination',
    )
    // Endless retries are the blocked-shard error instead, not both.
    expect(rules(streamStack({ DestinationConfig: undefined, MaximumRetryAttempts: -1 }))).toEqual([
      'stream-poison-blocks-shard',
    ])
  })
  it('stream-no-bisect (warning)', () => {
    expectFires(streamStack({ BisectBatchOnFunctionError: false }), 'stream-no-bisect')
  })
  it('async-no-failure-destination (warning), for every async event kind', () => {
    for (const type of ['S3', 'SNS', 'EventBridgeRule', 'Schedule'])
      expectFires(fnStack({}, { E: { Type: type, Properties: {} } }), 'async-no-failure-destination')
    // An on-success destination alone does not keep failures.
    expectFires(
      fnStack(
        {
          EventInvokeConfig: {
            DestinationConfig: { OnSuccess: { Type: 'SQS', Destination: 'arn:aws:sqs:eu-west-1:1:q' } },
          },
        },
        { E: { Type: 'SNS', Properties: {} } },
      ),
      'async-no-failure-destination',
    )
  })
  it('api-timeout-above-integration (warning), REST and HTTP APIs', () => {
    const f = expectFires(
      fnStack({ Timeout: 30 }, { Web: { Type: 'Api', Properties: {} } }),
      'api-timeout-above-integration',
    )
    expect(f?.seeIt?.function.durationMs).toBeGreaterThan(29000)
    expectFires(
      fnStack({ Timeout: 20 }, { Web: { Type: 'HttpApi', Properties: { TimeoutInMillis: 10000 } } }),
      'api-timeout-above-integration',
    )
    expect(rules(fnStack({ Timeout: 30 }, { Web: { Type: 'HttpApi', Properties: {} } }))).toEqual([])
  })
  it('provisioned-above-reserved (error), SAM and an alias', () => {
    expectFires(
      fnStack(
        {
          ReservedConcurrentExecutions: 5,
          AutoPublishAlias: 'live',
          ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 6 },
        },
        {},
      ),
      'provisioned-above-reserved',
    )
    const alias = JSON.stringify({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { ReservedConcurrentExecutions: 1 } },
        Live: {
          Type: 'AWS::Lambda::Alias',
          Properties: {
            FunctionName: { Ref: 'Fn' },
            ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
          },
        },
      },
    })
    expect(expectFires(alias, 'provisioned-above-reserved')?.resource).toBe('Live')
  })
  it('sam-provisioned-without-alias (error)', () => {
    expectFires(
      fnStack({ ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 } }, {}),
      'sam-provisioned-without-alias',
    )
  })

  it('the rules tested above are all the rules', () => {
    expect(Object.keys(RULES).sort()).toEqual(
      [
        'api-timeout-above-integration',
        'async-no-failure-destination',
        'provisioned-above-reserved',
        'sam-provisioned-without-alias',
        'sqs-batch-size-without-window',
        'sqs-fifo-batch-size',
        'sqs-fifo-batching-window',
        'sqs-fifo-standard-dlq',
        'sqs-redrive-max-receive-low',
        'sqs-reserved-without-max-concurrency',
        'sqs-visibility-below-six-timeouts',
        'sqs-visibility-below-timeout',
        'stream-discards-without-destination',
        'stream-no-bisect',
        'stream-poison-blocks-shard',
      ].sort(),
    )
  })
})

describe('one finding per mistake', () => {
  it('two async events of one function without a destination: one finding', () => {
    const text = fnStack({}, { A: { Type: 'SNS', Properties: {} }, B: { Type: 'S3', Properties: {} } })
    expect(rules(text)).toEqual(['async-no-failure-destination'])
  })
})
