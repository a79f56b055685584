import { describe, expect, it } from 'vitest'
import { parseScenario } from '../engine'
import type { Scenario } from '../engine'
import { importTemplate } from './importer'
import type { ImportedScenario, TemplateImport } from './types'
import api from './fixtures/api-lambda.yaml?raw'
import asyncDest from './fixtures/async-destinations.yaml?raw'
import plain from './fixtures/cfn-plain.json?raw'
import dynamo from './fixtures/dynamodb-lambda.yaml?raw'
import kinesis from './fixtures/kinesis-lambda.yaml?raw'
import misconfigured from './fixtures/misconfigured.yaml?raw'
import sqs from './fixtures/sqs-lambda.yaml?raw'

function one(r: TemplateImport, trigger: string): ImportedScenario {
  const found = r.scenarios.filter((s) => s.trigger === trigger)
  expect(found).toHaveLength(1)
  return found[0] as ImportedScenario
}

/** Field value in the scenario, and its source entry saying where it came from. */
function expectField(s: ImportedScenario, field: string, value: unknown, from: string, at?: string) {
  const [block, key] = field.split('.') as [keyof Scenario, string]
  expect((s.scenario[block] as unknown as Record<string, unknown>)[key]).toEqual(value)
  const source = s.sources.find((x) => x.field === field)
  expect(source, field).toBeDefined()
  expect(source).toMatchObject({ value, from })
  if (at) expect(`${source?.resource}.${source?.property}`).toBe(at)
}

function expectValid(r: TemplateImport) {
  for (const s of r.scenarios)
    expect(parseScenario(JSON.parse(JSON.stringify(s.scenario)))).toEqual({ ok: true, scenario: s.scenario })
}

describe('sqs-lambda (SAM, Globals, queue with redrive)', () => {
  const r = importTemplate(sqs)
  const s = one(r, 'FromQueue')
  it('reads function, mapping and queue', () => {
    expect(s).toMatchObject({ function: 'ProcessOrders', triggerType: 'SQS', model: 'sqs' })
    expectField(s, 'function.timeout', 30, 'template', 'Globals.Function.Timeout')
    expectField(s, 'sqs.batchSize', 10, 'template', 'ProcessOrders.Events.FromQueue.Properties.BatchSize')
    expectField(s, 'sqs.maximumBatchingWindowInSeconds', 2, 'template')
    expectField(s, 'sqs.reportBatchItemFailures', true, 'template')
    expectField(
      s,
      'sqs.maximumConcurrency',
      20,
      'template',
      'ProcessOrders.Events.FromQueue.Properties.ScalingConfig.MaximumConcurrency',
    )
    expectField(s, 'sqs.visibilityTimeout', 190, 'template', 'OrdersQueue.VisibilityTimeout')
    expectField(s, 'sqs.messageRetentionPeriod', 86400, 'template', 'OrdersQueue.MessageRetentionPeriod')
    expectField(s, 'sqs.maxReceiveCount', 5, 'template', 'OrdersQueue.RedrivePolicy.maxReceiveCount')
    expectField(s, 'function.reservedConcurrentExecutions', null, 'default')
    expectField(s, 'function.provisionedConcurrentExecutions', 0, 'default')
  })
  it('is a correct template: no findings; MemorySize is listed as not simulated', () => {
    expect(r.findings).toEqual([])
    expect(r.unsupported).toEqual([expect.objectContaining({ resource: 'Globals', property: 'Function.MemorySize' })])
    expectValid(r)
  })
})

describe('kinesis-lambda (parameter default, on-failure queue)', () => {
  const r = importTemplate(kinesis)
  const s = one(r, 'Clicks')
  it('reads stream and mapping', () => {
    expect(s.model).toBe('kinesis')
    expectField(s, 'function.timeout', 15, 'template')
    expectField(s, 'stream.shards', 2, 'template', 'ClickStream.ShardCount')
    expectField(s, 'stream.retentionPeriodHours', 48, 'template')
    expectField(s, 'stream.batchSize', 200, 'template')
    expectField(s, 'stream.maximumBatchingWindowInSeconds', 1, 'template')
    expectField(s, 'stream.startingPosition', 'LATEST', 'template')
    expectField(s, 'stream.parallelizationFactor', 2, 'template')
    expectField(s, 'stream.maximumRetryAttempts', 3, 'template')
    expectField(s, 'stream.maximumRecordAgeInSeconds', 3600, 'template')
    expectField(s, 'stream.bisectBatchOnFunctionError', true, 'template')
    expectField(s, 'stream.onFailure', 'sqs', 'template')
    expectField(s, 'stream.reportBatchItemFailures', false, 'default')
  })
  it('has no findings', () => {
    expect(r.findings).toEqual([])
    expect(r.unsupported).toEqual([])
    expectValid(r)
  })
})

describe('dynamodb-lambda (defaults everywhere)', () => {
  const r = importTemplate(dynamo)
  const s = one(r, 'Changes')
  it('takes AWS defaults and says the shard count is not in the template', () => {
    expect(s.model).toBe('dynamodb')
    expectField(s, 'function.timeout', 3, 'default')
    expectField(s, 'stream.startingPosition', 'TRIM_HORIZON', 'template')
    expectField(s, 'stream.batchSize', 100, 'default')
    expectField(s, 'stream.maximumRetryAttempts', -1, 'default')
    expectField(s, 'stream.onFailure', null, 'default')
    expectField(s, 'stream.shards', 1, 'unresolved')
    expect(s.sources.find((x) => x.field === 'stream.shards')?.reason).toMatch(/DynamoDB decides/)
  })
  it('finds the blocked shard', () => {
    expect(r.findings.map((f) => f.rule)).toEqual(['stream-poison-blocks-shard', 'stream-no-bisect'])
  })
})

describe('api-lambda (Api + HttpApi, Ref to a Number parameter)', () => {
  const r = importTemplate(api)
  it('one sync scenario per event', () => {
    expect(r.scenarios.map((s) => [s.trigger, s.model])).toEqual([
      ['GetHello', 'sync'],
      ['GetHelloHttp', 'sync'],
    ])
    const rest = one(r, 'GetHello')
    expectField(rest, 'function.timeout', 10, 'template', 'HelloFunction.Timeout')
    expectField(rest, 'function.reservedConcurrentExecutions', 50, 'template')
    expectField(rest, 'sync.caller', 'api-gateway', 'template')
    expect(rest.scenario.sync.callerTimeoutMs).toBe(29000)
    expectField(one(r, 'GetHelloHttp'), 'sync.callerTimeoutMs', 15000, 'template')
    expect(r.findings).toEqual([])
    expectValid(r)
  })
})

describe('async-destinations (SNS, EventBridge rule, schedule)', () => {
  const r = importTemplate(asyncDest)
  it('one async scenario per event, with the invoke config and DLQ', () => {
    expect(r.scenarios.map((s) => [s.trigger, s.scenario.async.source])).toEqual([
      ['FromTopic', 'sns'],
      ['OrderPlaced', 'eventbridge'],
      ['Nightly', 'eventbridge'],
    ])
    for (const s of r.scenarios) {
      expect(s.model).toBe('async')
      expectField(s, 'function.timeout', 20, 'template')
      expectField(s, 'async.maximumRetryAttempts', 1, 'template', 'HandleEvents.EventInvokeConfig.MaximumRetryAttempts')
      expectField(s, 'async.maximumEventAgeInSeconds', 3600, 'template')
      expectField(s, 'async.onSuccess', 'sns', 'template')
      expectField(s, 'async.onFailure', 'sqs', 'template')
      expectField(s, 'async.deadLetterQueue', 'sqs', 'template', 'HandleEvents.DeadLetterQueue.TargetArn')
    }
    expect(r.findings).toEqual([])
    expectValid(r)
  })
})

describe('cfn-plain (JSON: mapping to an alias, invoke config, S3 notification)', () => {
  const r = importTemplate(plain)
  it('reads the mapping through the alias and the alias provisioned concurrency', () => {
    const s = one(r, 'JobsMapping')
    expect(s).toMatchObject({ function: 'Worker', triggerType: 'AWS::Lambda::EventSourceMapping', model: 'sqs' })
    expectField(s, 'function.timeout', 25, 'template')
    expectField(s, 'function.reservedConcurrentExecutions', 20, 'template', 'Worker.ReservedConcurrentExecutions')
    expectField(
      s,
      'function.provisionedConcurrentExecutions',
      5,
      'template',
      'WorkerLive.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
    )
    expectField(s, 'sqs.batchSize', 50, 'template', 'JobsMapping.BatchSize')
    expectField(s, 'sqs.maximumBatchingWindowInSeconds', 5, 'template')
    expectField(s, 'sqs.maximumConcurrency', 10, 'template')
    expectField(s, 'sqs.visibilityTimeout', 160, 'template', 'Jobs.VisibilityTimeout')
  })
  it('reads the S3 trigger with the EventInvokeConfig resource', () => {
    const s = one(r, 'Uploads')
    expectField(s, 'async.source', 's3', 'template')
    expectField(s, 'async.maximumRetryAttempts', 0, 'template', 'WorkerAsync.MaximumRetryAttempts')
    expectField(s, 'async.maximumEventAgeInSeconds', 600, 'template')
    expectField(s, 'async.onFailure', 'sns', 'template')
    expectField(s, 'async.onSuccess', null, 'default')
  })
  it('lists what it did not read, and has no findings', () => {
    expect(r.findings).toEqual([])
    expect(r.unsupported.map((u) => `${u.resource} ${u.property ?? ''}`.trim())).toEqual([
      'Worker MemorySize',
      'WorkerRole',
      'WorkerAsync Qualifier',
    ])
    expectValid(r)
  })
})

describe('misconfigured: an unusable trigger does not cost the others', () => {
  const r = importTemplate(misconfigured)
  it('imports Web and Uploads and says why Orders is not a scenario', () => {
    expect(r.scenarios.map((s) => s.trigger)).toEqual(['Web', 'Uploads'])
    expect(r.unsupported).toEqual([
      expect.objectContaining({
        resource: 'Slow',
        property: 'Events.Orders',
        reason: expect.stringMatching(/sqs.batchSize/),
      }),
    ])
  })
})

describe('options and references', () => {
  const tpl = (resources: object, extra: object = {}) => JSON.stringify({ ...extra, Resources: resources })
  const fn = (props: object = {}) => ({ Type: 'AWS::Serverless::Function', Properties: { Handler: 'h', ...props } })

  it('a function without a trigger is one sync scenario called by the SDK', () => {
    const r = importTemplate(tpl({ Solo: fn() }))
    expect(r.scenarios).toHaveLength(1)
    expect(r.scenarios[0]).toMatchObject({ function: 'Solo', trigger: '(none)', model: 'sync' })
    expect(r.scenarios[0]?.scenario.sync.caller).toBe('sdk')
  })

  it('--function picks one; an unknown name says which exist', () => {
    const text = tpl({ A: fn(), B: fn() })
    expect(importTemplate(text, { function: 'B' }).scenarios.map((s) => s.function)).toEqual(['B'])
    expect(() => importTemplate(text, { function: 'C' })).toThrow(/no function C; its functions are A, B/)
  })

  it('workload shapes', () => {
    const text = tpl({ A: fn() })
    expect(importTemplate(text).scenarios[0]?.scenario.workload).toHaveLength(1)
    const poison = importTemplate(text, { workload: 'poison' }).scenarios[0]?.scenario.workload ?? []
    expect(poison.filter((w) => w.fail === 'always').map((w) => w.count)).toEqual([1])
    expect(poison.reduce((n, w) => n + w.count, 0)).toBe(10)
    expect(importTemplate(text, { workload: 'burst' }).scenarios[0]?.scenario.workload[0]?.count).toBe(200)
  })

  it('unresolvable values take the AWS default and say why', () => {
    const r = importTemplate(tpl({ A: fn({ Timeout: { 'Fn::If': ['Prod', 30, 3] } }) }))
    expect(r.scenarios[0]?.sources.find((s) => s.field === 'function.timeout')).toMatchObject({
      value: 3,
      from: 'unresolved',
      reason: expect.stringMatching(/condition/),
    })
  })

  it('an SQS queue from another stack: queue values are unresolved defaults; .fifo makes it FIFO', () => {
    const r = importTemplate(
      tpl({
        A: fn({
          Events: {
            Q: {
              Type: 'SQS',
              Properties: { Queue: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:1:jobs.fifo' } },
            },
          },
        }),
      }),
    )
    const s = r.scenarios[0]
    expect(s?.model).toBe('sqs-fifo')
    expect(s?.sources.find((x) => x.field === 'sqs.visibilityTimeout')).toMatchObject({ value: 30, from: 'unresolved' })
  })

  it('destination kinds come from ARNs too, and Fn::FindInMap and Fn::Join resolve', () => {
    const r = importTemplate(
      tpl(
        {
          A: fn({
            Timeout: { 'Fn::FindInMap': ['Env', 'prod', 'timeout'] },
            EventInvokeConfig: {
              DestinationConfig: {
                OnFailure: {
                  Destination: { 'Fn::Join': [':', ['arn', 'aws', 'events', 'eu-west-1', '1', 'event-bus/x']] },
                },
              },
            },
            Events: { E: { Type: 'EventBridgeRule', Properties: {} } },
          }),
        },
        { Mappings: { Env: { prod: { timeout: 12 } } } },
      ),
    )
    const s = r.scenarios[0] as ImportedScenario
    expectField(s, 'function.timeout', 12, 'template')
    expectField(s, 'async.onFailure', 'eventbridge', 'template')
  })

  it('unsupported events and resources are listed, the rest imported', () => {
    const r = importTemplate(
      tpl({
        A: fn({ Events: { Logs: { Type: 'CloudWatchLogs', Properties: {} }, Web: { Type: 'Api', Properties: {} } } }),
        Machine: { Type: 'AWS::Serverless::StateMachine', Properties: {} },
      }),
    )
    expect(r.scenarios.map((s) => s.trigger)).toEqual(['Web'])
    expect(r.unsupported.map((u) => [u.resource, u.property])).toEqual([
      ['A', 'Events.Logs'],
      ['Machine', undefined],
    ])
  })

  it('FilterCriteria is listed as unsupported; the mapping still imports', () => {
    const r = importTemplate(
      tpl({
        Q: { Type: 'AWS::SQS::Queue' },
        A: fn({
          Events: {
            Q: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Q', 'Arn'] }, FilterCriteria: { Filters: [] } } },
          },
        }),
      }),
    )
    expect(r.scenarios).toHaveLength(1)
    expect(r.unsupported).toEqual([
      expect.objectContaining({
        property: 'Events.Q.Properties.FilterCriteria',
        reason: expect.stringMatching(/filter patterns/),
      }),
    ])
  })

  it('event properties that change delivery are listed (SNS SqsSubscription, EventBridge RetryPolicy)', () => {
    const r = importTemplate(
      tpl({
        A: fn({
          Events: {
            T: { Type: 'SNS', Properties: { Topic: 'arn:aws:sns:eu-west-1:1:t', SqsSubscription: true } },
            R: { Type: 'EventBridgeRule', Properties: { Pattern: {}, RetryPolicy: { MaximumRetryAttempts: 1 } } },
          },
        }),
      }),
    )
    expect(r.scenarios).toHaveLength(2)
    expect(r.unsupported.map((u) => u.property)).toEqual([
      'Events.T.Properties.SqsSubscription',
      'Events.R.Properties.RetryPolicy',
    ])
  })

  it('provisioned concurrency behind a condition is unresolved, not silently 0', () => {
    const r = importTemplate(
      tpl({
        A: fn({
          AutoPublishAlias: 'live',
          ProvisionedConcurrencyConfig: { 'Fn::If': ['Prod', {}, { Ref: 'AWS::NoValue' }] },
        }),
      }),
    )
    expect(r.scenarios[0]?.sources.find((s) => s.field === 'function.provisionedConcurrentExecutions')).toMatchObject({
      value: 0,
      from: 'unresolved',
    })
  })

  it('a REST API event with its own TimeoutInMillis', () => {
    const r = importTemplate(tpl({ A: fn({ Events: { W: { Type: 'Api', Properties: { TimeoutInMillis: 5000 } } } }) }))
    expectField(r.scenarios[0] as ImportedScenario, 'sync.callerTimeoutMs', 5000, 'template')
  })

  it('a disabled mapping is listed; an enabled one is not', () => {
    const mapping = (Enabled: unknown) =>
      tpl({
        F: { Type: 'AWS::Lambda::Function' },
        M: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: { Ref: 'F' }, EventSourceArn: 'arn:aws:sqs:eu-west-1:1:q', Enabled },
        },
      })
    expect(importTemplate(mapping(false)).unsupported).toEqual([
      expect.objectContaining({ resource: 'M', property: 'Enabled' }),
    ])
    expect(importTemplate(mapping(true)).unsupported).toEqual([])
  })

  it('an SNS topic subscription reaches the function through Fn::GetAtt, as real templates write it', () => {
    const r = importTemplate(
      tpl({
        T: {
          Type: 'AWS::SNS::Topic',
          Properties: { Subscription: [{ Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': ['A', 'Arn'] } }] },
        },
        A: fn(),
      }),
    )
    expect(r.scenarios.map((s) => [s.trigger, s.model, s.scenario.async.source])).toEqual([['T', 'async', 'sns']])
  })

  it('EventBridge Scheduler (AWS::Scheduler::Schedule and SAM ScheduleV2) invokes asynchronously; its own retries are listed', () => {
    const r = importTemplate(
      tpl({
        S: {
          Type: 'AWS::Scheduler::Schedule',
          Properties: {
            ScheduleExpression: 'rate(5 minutes)',
            FlexibleTimeWindow: { Mode: 'OFF' },
            Target: {
              Arn: { 'Fn::GetAtt': ['A', 'Arn'] },
              RoleArn: 'arn:aws:iam::1:role/r',
              RetryPolicy: { MaximumRetryAttempts: 0 },
            },
          },
        },
        A: fn({
          Events: {
            V2: {
              Type: 'ScheduleV2',
              Properties: { ScheduleExpression: 'rate(1 hour)', DeadLetterConfig: { Type: 'SQS' } },
            },
          },
        }),
      }),
    )
    expect(r.scenarios.map((s) => [s.trigger, s.triggerType, s.model, s.scenario.async.source])).toEqual([
      ['V2', 'ScheduleV2', 'async', 'eventbridge'],
      ['S', 'AWS::Scheduler::Schedule', 'async', 'eventbridge'],
    ])
    expect(r.unsupported.map((u) => [u.resource, u.property, u.reason])).toEqual([
      ['A', 'Events.V2.Properties.DeadLetterConfig', expect.stringMatching(/EventBridge retries delivery/)],
      ['S', 'Target.RetryPolicy', expect.stringMatching(/EventBridge retries delivery/)],
    ])
  })

  it('a dead-letter queue or invoke config on a function nothing invokes asynchronously is listed as unused', () => {
    const queue = { Q: { Type: 'AWS::SQS::Queue' } }
    const sqsEvent = { E: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Q', 'Arn'] } } } }
    const dlq = { Type: 'SQS', TargetArn: { 'Fn::GetAtt': ['Q', 'Arn'] } }
    const unused = (text: string) =>
      importTemplate(text)
        .unsupported.filter((u) => /applies to asynchronous invocations only/.test(u.reason))
        .map((u) => `${u.resource} ${u.property ?? ''}`.trim())
    expect(unused(tpl({ ...queue, A: fn({ Events: sqsEvent, DeadLetterQueue: dlq }) }))).toEqual(['A DeadLetterQueue'])
    expect(
      unused(
        tpl({
          ...queue,
          A: { Type: 'AWS::Lambda::Function', Properties: { DeadLetterConfig: { TargetArn: 'arn:aws:sqs:x:1:d' } } },
          C: { Type: 'AWS::Lambda::EventInvokeConfig', Properties: { FunctionName: { Ref: 'A' } } },
        }),
      ),
    ).toEqual(['A DeadLetterConfig', 'C'])
    expect(unused(tpl({ ...queue, A: fn({ Events: { S: { Type: 'SNS' } }, DeadLetterQueue: dlq }) }))).toEqual([])
    // A Globals dead-letter queue is a blanket default, not a per-function choice.
    expect(
      unused(tpl({ ...queue, A: fn({ Events: sqsEvent }) }, { Globals: { Function: { DeadLetterQueue: dlq } } })),
    ).toEqual([])
  })

  it('an API event without TimeoutInMillis records API Gateway default wait: 29 s REST, 30 s HTTP', () => {
    const r = importTemplate(tpl({ A: fn({ Events: { R: { Type: 'Api' }, H: { Type: 'HttpApi' } } }) }))
    expectField(one(r, 'R'), 'sync.callerTimeoutMs', 29000, 'default', 'A.Events.R.Properties.TimeoutInMillis')
    expectField(one(r, 'H'), 'sync.callerTimeoutMs', 30000, 'default', 'A.Events.H.Properties.TimeoutInMillis')
  })

  it('Lambda Managed Instances are listed as not simulated; a VPC is irrelevant to invocation', () => {
    const r = importTemplate(
      tpl({
        Cap: { Type: 'AWS::Serverless::CapacityProvider', Properties: {} },
        Net: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        A: fn({ CapacityProviderConfig: { Arn: { 'Fn::GetAtt': ['Cap', 'Arn'] } } }),
      }),
    )
    expect(r.unsupported.map((u) => [u.resource, u.property, u.reason])).toEqual([
      ['A', 'CapacityProviderConfig', expect.stringMatching(/Managed Instances/)],
      ['Cap', undefined, expect.stringMatching(/Managed Instances/)],
      ['Net', undefined, expect.stringMatching(/^not modelled/)],
    ])
  })

  it('a wrong type on the only function is a TemplateError naming the property', () => {
    expect(() => importTemplate(tpl({ A: fn({ Timeout: [1] }) }))).toThrow(/A Timeout must be a number/)
  })
})
