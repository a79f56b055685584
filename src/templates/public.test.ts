/**
 * Real templates from aws-samples/serverless-patterns (fixtures/public, see its SOURCES.md): each
 * imported value is checked against what the template says, each value it leaves out is AWS's
 * default with its source, what it holds but the importer does not read is listed, and the lint
 * findings are the ones its configuration deserves.
 */
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../engine'
import type { Scenario } from '../engine'
import { importTemplate, lintTemplate } from './importer'
import { RULES } from './rules'
import type { RuleId } from './rules'
import type { ImportedScenario, SourceFrom, TemplateImport } from './types'
import apigwDynamo from './fixtures/public/apigw-lambda-dynamodb-stream-lambda.yaml?raw'
import dynamoNode from './fixtures/public/dynamodb-streams-lambda-eventbridge-sam-node.yaml?raw'
import schedule from './fixtures/public/eventbridge-schedule-to-lambda.yaml?raw'
import fifo from './fixtures/public/apigw-http-api-fifo-sqs-lambda-sns-sam.yaml?raw'
import kinesis from './fixtures/public/kinesis-lambda-error-handling.yaml?raw'
import snsLambda from './fixtures/public/sns-lambda.yaml?raw'
import snsSqsLambda from './fixtures/public/sns-sqs-lambda.yaml?raw'
import sqsJava from './fixtures/public/sqs-lambda-java-sam.yaml?raw'
import sqsLmi from './fixtures/public/sqs-lambda-lmi-esm-provisioned-sam.yaml?raw'
import sqsBasic from './fixtures/public/sqs-lambda.yaml?raw'

type Row = readonly [value: unknown, from: SourceFrom, at: string]

/** The scenarios as [function, trigger, triggerType, model]. */
const shape = (r: TemplateImport) => r.scenarios.map((s) => [s.function, s.trigger, s.triggerType, s.model])

function one(r: TemplateImport, trigger: string): ImportedScenario {
  const found = r.scenarios.filter((s) => s.trigger === trigger)
  expect(found).toHaveLength(1)
  return found[0] as ImportedScenario
}

/**
 * Every source of the scenario as field -> [value, from, resource.property], after checking that
 * the scenario plays exactly the value its source names.
 */
function sourcesOf(s: ImportedScenario): Record<string, Row> {
  const out: Record<string, Row> = {}
  for (const x of s.sources) {
    const [block, key] = x.field.split('.') as [keyof Scenario, string]
    expect((s.scenario[block] as unknown as Record<string, unknown>)[key], x.field).toEqual(x.value)
    out[x.field] = [x.value, x.from, `${x.resource}.${x.property}`]
  }
  return out
}

const reasonOf = (s: ImportedScenario, field: string) => s.sources.find((x) => x.field === field)?.reason

/** Unsupported entries as `resource property` (or `resource` for a whole resource) -> reason. */
function unsupportedOf(r: TemplateImport): Record<string, string> {
  const out: Record<string, string> = {}
  for (const u of r.unsupported) out[u.property ? `${u.resource} ${u.property}` : u.resource] = u.reason
  expect(Object.keys(out), 'one entry per resource and property').toHaveLength(r.unsupported.length)
  return out
}

/** The findings as [rule, resource, property]; each carries its rule's severity, AWS page and a one-line message. */
function findingsOf(r: TemplateImport, text: string): [RuleId, string, string][] {
  for (const f of r.findings) {
    const rule = RULES[f.rule as RuleId]
    expect(rule, f.rule).toBeDefined()
    expect(f).toMatchObject({ severity: rule.severity, docUrl: rule.docUrl })
    expect(f.message).toMatch(/^[^\n]+\.$/)
    if (f.seeIt) expect(parseScenario(f.seeIt).ok).toBe(true)
  }
  expect(lintTemplate(text)).toEqual(r.findings)
  return r.findings.map((f) => [f.rule as RuleId, f.resource, f.property])
}

function expectValid(r: TemplateImport) {
  for (const s of r.scenarios)
    expect(parseScenario(JSON.parse(JSON.stringify(s.scenario)))).toEqual({ ok: true, scenario: s.scenario })
}

const MEMORY = /^read but not simulated: the scenario format has no memory size/
const IRRELEVANT = /^not modelled: it does not change how Lambda invokes the function$/
/** A function that sets neither reserved nor provisioned concurrency: both AWS's default. */
const noConcurrency = (fn: string): Record<string, Row> => ({
  'function.reservedConcurrentExecutions': [null, 'default', `${fn}.ReservedConcurrentExecutions`],
  'function.provisionedConcurrentExecutions': [
    0,
    'default',
    `${fn}.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions`,
  ],
})

describe('sqs-lambda: an SQS event on a queue that sets nothing', () => {
  const r = importTemplate(sqsBasic)
  const s = one(r, 'MySQSEvent')
  const ev = 'QueueConsumerFunction.Events.MySQSEvent.Properties'
  it('reads the event; the queue is all AWS defaults', () => {
    expect(shape(r)).toEqual([['QueueConsumerFunction', 'MySQSEvent', 'SQS', 'sqs']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [3, 'template', 'QueueConsumerFunction.Timeout'],
      ...noConcurrency('QueueConsumerFunction'),
      'sqs.batchSize': [10, 'template', `${ev}.BatchSize`],
      'sqs.maximumBatchingWindowInSeconds': [0, 'default', `${ev}.MaximumBatchingWindowInSeconds`],
      'sqs.maximumConcurrency': [null, 'default', `${ev}.ScalingConfig.MaximumConcurrency`],
      'sqs.reportBatchItemFailures': [false, 'default', `${ev}.FunctionResponseTypes`],
      'sqs.visibilityTimeout': [30, 'default', 'MySqsQueue.VisibilityTimeout'],
      'sqs.messageRetentionPeriod': [345600, 'default', 'MySqsQueue.MessageRetentionPeriod'],
      'sqs.maxReceiveCount': [null, 'default', 'MySqsQueue.RedrivePolicy.maxReceiveCount'],
    })
    expectValid(r)
  })
  it('lists MemorySize; 30 s of visibility covers six 3 s timeouts, so no findings', () => {
    expect(unsupportedOf(r)).toEqual({ 'QueueConsumerFunction MemorySize': expect.stringMatching(MEMORY) })
    expect(findingsOf(r, sqsBasic)).toEqual([])
  })
})

describe('sqs-lambda-java-sam: redrive policy, partial batch responses, a DLQ on an SQS consumer', () => {
  const r = importTemplate(sqsJava)
  const s = one(r, 'MySQSEvent')
  const ev = 'ProcessorFunction.Events.MySQSEvent.Properties'
  it('reads the event and the queue', () => {
    expect(shape(r)).toEqual([['ProcessorFunction', 'MySQSEvent', 'SQS', 'sqs']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [30, 'template', 'ProcessorFunction.Timeout'],
      ...noConcurrency('ProcessorFunction'),
      'sqs.batchSize': [10, 'template', `${ev}.BatchSize`],
      'sqs.maximumBatchingWindowInSeconds': [0, 'default', `${ev}.MaximumBatchingWindowInSeconds`],
      'sqs.maximumConcurrency': [null, 'default', `${ev}.ScalingConfig.MaximumConcurrency`],
      'sqs.reportBatchItemFailures': [true, 'template', `${ev}.FunctionResponseTypes`],
      'sqs.visibilityTimeout': [30, 'template', 'ProcessingQueue.VisibilityTimeout'],
      'sqs.messageRetentionPeriod': [1800, 'template', 'ProcessingQueue.MessageRetentionPeriod'],
      'sqs.maxReceiveCount': [3, 'template', 'ProcessingQueue.RedrivePolicy.maxReceiveCount'],
    })
    expectValid(r)
  })
  it('says the function DLQ is never used: an SQS consumer fails back to the queue, whose redrive decides', () => {
    expect(unsupportedOf(r)).toEqual({
      'ProcessorFunction MemorySize': expect.stringMatching(MEMORY),
      'ProcessorFunction DeadLetterQueue': expect.stringMatching(/^read but not used: .*asynchronous invocations only/),
    })
  })
  it('warns: visibility equal to the timeout, not six times it; and 3 receives before the DLQ', () => {
    expect(findingsOf(r, sqsJava)).toEqual([
      ['sqs-visibility-below-six-timeouts', 'ProcessingQueue', 'VisibilityTimeout'],
      ['sqs-redrive-max-receive-low', 'ProcessingQueue', 'RedrivePolicy.maxReceiveCount'],
    ])
    expect(r.findings[0]?.message).toMatch(/\(30 s\) is below six times ProcessorFunction's timeout \(180 s\)/)
    expect(r.findings[1]?.message).toMatch(/after 3 receives; AWS advises at least 5/)
  })
})

describe('sqs-lambda-lmi-esm-provisioned-sam: a mapping resource, Number parameters, provisioned pollers', () => {
  const r = importTemplate(sqsLmi)
  const s = one(r, 'SQSEventSourceMapping')
  const m = 'SQSEventSourceMapping'
  it('reads the mapping through !Ref to Number parameters, and the Globals timeout', () => {
    expect(shape(r)).toEqual([['ProcessorFunction', 'SQSEventSourceMapping', 'AWS::Lambda::EventSourceMapping', 'sqs']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [30, 'template', 'Globals.Function.Timeout'],
      ...noConcurrency('ProcessorFunction'),
      'sqs.batchSize': [10, 'template', `${m}.BatchSize`],
      'sqs.maximumBatchingWindowInSeconds': [5, 'template', `${m}.MaximumBatchingWindowInSeconds`],
      'sqs.maximumConcurrency': [null, 'default', `${m}.ScalingConfig.MaximumConcurrency`],
      'sqs.reportBatchItemFailures': [true, 'template', `${m}.FunctionResponseTypes`],
      'sqs.minimumPollers': [2, 'template', `${m}.ProvisionedPollerConfig.MinimumPollers`],
      'sqs.maximumPollers': [10, 'template', `${m}.ProvisionedPollerConfig.MaximumPollers`],
      'sqs.visibilityTimeout': [90, 'template', 'MessageQueue.VisibilityTimeout'],
      'sqs.messageRetentionPeriod': [86400, 'template', 'MessageQueue.MessageRetentionPeriod'],
      'sqs.maxReceiveCount': [3, 'template', 'MessageQueue.RedrivePolicy.maxReceiveCount'],
    })
    expectValid(r)
  })
  it('lists Managed Instances as not simulated and the network as irrelevant', () => {
    const managed = expect.stringMatching(/^not supported: on Lambda Managed Instances/)
    const irrelevant = expect.stringMatching(IRRELEVANT)
    const network = [
      'VPC',
      'SubnetAZ1',
      'SubnetAZ2',
      'EIP',
      'InternetGateway',
      'VPCGatewayAttachment',
      'PublicSubnet',
      'PublicRouteTable',
      'PublicRoute',
      'PublicSubnetRouteTableAssociation',
      'NatGateway',
      'PrivateRouteTable',
      'PrivateRoute',
      'SubnetAZ1RouteTableAssociation',
      'SubnetAZ2RouteTableAssociation',
      'LMISecurityGroup',
    ]
    expect(unsupportedOf(r)).toEqual({
      'Globals Function.MemorySize': expect.stringMatching(MEMORY),
      'ProcessorFunction CapacityProviderConfig': managed,
      ...Object.fromEntries(network.map((id) => [id, irrelevant])),
      CapacityProvider: managed,
      DLQAlarm: irrelevant,
    })
  })
  it('warns: 90 s of visibility is below 6 x 30 s + the 5 s window (the template comment asks for 6x), and 3 receives', () => {
    expect(findingsOf(r, sqsLmi)).toEqual([
      ['sqs-visibility-below-six-timeouts', 'MessageQueue', 'VisibilityTimeout'],
      ['sqs-redrive-max-receive-low', 'MessageQueue', 'RedrivePolicy.maxReceiveCount'],
    ])
    expect(r.findings[0]?.message).toMatch(/\(90 s\) .* plus the batching window \(185 s\)/)
  })
})

describe('apigw-http-api-fifo-sqs-lambda-sns-sam: a FIFO queue with a FIFO dead-letter queue', () => {
  const r = importTemplate(fifo)
  const s = one(r, 'MySQSTrigger')
  const ev = 'MyLambdaFunction.Events.MySQSTrigger.Properties'
  it('FifoQueue: True makes the model sqs-fifo; the event sets nothing, so the mapping is AWS defaults', () => {
    expect(shape(r)).toEqual([['MyLambdaFunction', 'MySQSTrigger', 'SQS', 'sqs-fifo']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [3, 'default', 'MyLambdaFunction.Timeout'],
      ...noConcurrency('MyLambdaFunction'),
      'sqs.batchSize': [10, 'default', `${ev}.BatchSize`],
      'sqs.maximumBatchingWindowInSeconds': [0, 'default', `${ev}.MaximumBatchingWindowInSeconds`],
      'sqs.maximumConcurrency': [null, 'default', `${ev}.ScalingConfig.MaximumConcurrency`],
      'sqs.reportBatchItemFailures': [false, 'default', `${ev}.FunctionResponseTypes`],
      'sqs.visibilityTimeout': [300, 'template', 'MySQSQueue.VisibilityTimeout'],
      'sqs.messageRetentionPeriod': [345600, 'default', 'MySQSQueue.MessageRetentionPeriod'],
      'sqs.maxReceiveCount': [5, 'template', 'MySQSQueue.RedrivePolicy.maxReceiveCount'],
    })
    expectValid(r)
  })
  it('the HTTP API sends to the queue itself (no function event), so it and the role are irrelevant', () => {
    expect(unsupportedOf(r)).toEqual({
      MyAPiRole: expect.stringMatching(IRRELEVANT),
      MyAPI: expect.stringMatching(IRRELEVANT),
    })
  })
  it('is correct: FIFO to FIFO redrive, batch of 10, no window, visibility far above 6 x 3 s', () => {
    expect(findingsOf(r, fifo)).toEqual([])
  })
})

describe('kinesis-lambda-error-handling: retries, record age, bisect and an SQS on-failure destination', () => {
  const r = importTemplate(kinesis)
  const s = one(r, 'DataActivityKinesisEvent')
  const ev = 'KinesisDataStreamProcessor.Events.DataActivityKinesisEvent.Properties'
  it('reads the stream and every property the event sets', () => {
    expect(shape(r)).toEqual([['KinesisDataStreamProcessor', 'DataActivityKinesisEvent', 'Kinesis', 'kinesis']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [10, 'template', 'KinesisDataStreamProcessor.Timeout'],
      ...noConcurrency('KinesisDataStreamProcessor'),
      'stream.shards': [1, 'template', 'DataActivityKinesisStream.ShardCount'],
      'stream.retentionPeriodHours': [25, 'template', 'DataActivityKinesisStream.RetentionPeriodHours'],
      'stream.batchSize': [5, 'template', `${ev}.BatchSize`],
      'stream.maximumBatchingWindowInSeconds': [0, 'default', `${ev}.MaximumBatchingWindowInSeconds`],
      'stream.startingPosition': ['TRIM_HORIZON', 'template', `${ev}.StartingPosition`],
      'stream.parallelizationFactor': [1, 'default', `${ev}.ParallelizationFactor`],
      'stream.maximumRetryAttempts': [5, 'template', `${ev}.MaximumRetryAttempts`],
      'stream.maximumRecordAgeInSeconds': [3600, 'template', `${ev}.MaximumRecordAgeInSeconds`],
      'stream.bisectBatchOnFunctionError': [true, 'template', `${ev}.BisectBatchOnFunctionError`],
      'stream.reportBatchItemFailures': [false, 'default', `${ev}.FunctionResponseTypes`],
      // The SAM Type (SQS) and the !GetAtt target agree; the source is the destination itself.
      'stream.onFailure': ['sqs', 'template', `${ev}.DestinationConfig.OnFailure.Destination`],
    })
    expectValid(r)
  })
  it('lists MemorySize and the log group; finite retries, bisect and a destination leave nothing to find', () => {
    expect(unsupportedOf(r)).toEqual({
      'KinesisDataStreamProcessor MemorySize': expect.stringMatching(MEMORY),
      EventMonitor: expect.stringMatching(IRRELEVANT),
    })
    expect(findingsOf(r, kinesis)).toEqual([])
  })
})

describe('dynamodb-streams-lambda-eventbridge-sam-node: parallelization, retries, bisect, a filter', () => {
  const r = importTemplate(dynamoNode)
  const s = one(r, 'DynamoStream')
  const ev = 'MyFunction.Events.DynamoStream.Properties'
  it('reads the event; the table stream shard count is DynamoDB own', () => {
    expect(shape(r)).toEqual([['MyFunction', 'DynamoStream', 'DynamoDB', 'dynamodb']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [60, 'template', 'MyFunction.Timeout'],
      ...noConcurrency('MyFunction'),
      'stream.shards': [1, 'unresolved', 'MyTable.StreamSpecification'],
      'stream.retentionPeriodHours': [24, 'default', 'MyTable.StreamSpecification'],
      'stream.batchSize': [100, 'template', `${ev}.BatchSize`],
      'stream.maximumBatchingWindowInSeconds': [0, 'default', `${ev}.MaximumBatchingWindowInSeconds`],
      'stream.startingPosition': ['LATEST', 'template', `${ev}.StartingPosition`],
      'stream.parallelizationFactor': [10, 'template', `${ev}.ParallelizationFactor`],
      'stream.maximumRetryAttempts': [2, 'template', `${ev}.MaximumRetryAttempts`],
      'stream.maximumRecordAgeInSeconds': [120, 'template', `${ev}.MaximumRecordAgeInSeconds`],
      'stream.bisectBatchOnFunctionError': [true, 'template', `${ev}.BisectBatchOnFunctionError`],
      'stream.reportBatchItemFailures': [false, 'default', `${ev}.FunctionResponseTypes`],
      'stream.onFailure': [null, 'default', `${ev}.DestinationConfig.OnFailure.Destination`],
    })
    expect(reasonOf(s, 'stream.shards')).toMatch(/DynamoDB decides/)
    expectValid(r)
  })
  it('lists the filter it cannot hold, MemorySize and the log group', () => {
    expect(unsupportedOf(r)).toEqual({
      'MyFunction Events.DynamoStream.Properties.FilterCriteria': expect.stringMatching(/cannot hold filter patterns/),
      'MyFunction MemorySize': expect.stringMatching(MEMORY),
      MyFunctionLogGroup: expect.stringMatching(IRRELEVANT),
    })
  })
  it('retries are finite (2), so no shard blocks, but a batch that fails them is dropped with no record', () => {
    expect(findingsOf(r, dynamoNode)).toEqual([
      ['stream-discards-without-destination', 'MyFunction', 'Events.DynamoStream.Properties.MaximumRetryAttempts'],
    ])
    expect(r.findings[0]?.message).toMatch(/after 2 retries and has no on-failure destination/)
  })
})

describe('apigw-lambda-dynamodb-stream-lambda: a REST API producer and a DynamoDB consumer on defaults', () => {
  const r = importTemplate(apigwDynamo)
  const ev = 'ConsumerFunction.Events.Stream.Properties'
  it('one sync scenario for the API, one dynamodb scenario for the stream', () => {
    expect(shape(r)).toEqual([
      ['ProducerFunction', 'ApiEvent', 'Api', 'sync'],
      ['ConsumerFunction', 'Stream', 'DynamoDB', 'dynamodb'],
    ])
    expectValid(r)
  })
  it('the API event sets no timeout: the function gets 3 s and API Gateway its 29 s', () => {
    expect(sourcesOf(one(r, 'ApiEvent'))).toEqual({
      'function.timeout': [3, 'default', 'ProducerFunction.Timeout'],
      ...noConcurrency('ProducerFunction'),
      'sync.caller': ['api-gateway', 'template', 'ProducerFunction.Events.ApiEvent.Type'],
      'sync.callerTimeoutMs': [29000, 'default', 'ProducerFunction.Events.ApiEvent.Properties.TimeoutInMillis'],
    })
  })
  it('the stream event sets only its position and batch size', () => {
    expect(sourcesOf(one(r, 'Stream'))).toEqual({
      'function.timeout': [3, 'default', 'ConsumerFunction.Timeout'],
      ...noConcurrency('ConsumerFunction'),
      'stream.shards': [1, 'unresolved', 'DynamoDBTable.StreamSpecification'],
      'stream.retentionPeriodHours': [24, 'default', 'DynamoDBTable.StreamSpecification'],
      'stream.batchSize': [100, 'template', `${ev}.BatchSize`],
      'stream.maximumBatchingWindowInSeconds': [0, 'default', `${ev}.MaximumBatchingWindowInSeconds`],
      'stream.startingPosition': ['LATEST', 'template', `${ev}.StartingPosition`],
      'stream.parallelizationFactor': [1, 'default', `${ev}.ParallelizationFactor`],
      'stream.maximumRetryAttempts': [-1, 'default', `${ev}.MaximumRetryAttempts`],
      'stream.maximumRecordAgeInSeconds': [-1, 'default', `${ev}.MaximumRecordAgeInSeconds`],
      'stream.bisectBatchOnFunctionError': [false, 'default', `${ev}.BisectBatchOnFunctionError`],
      'stream.reportBatchItemFailures': [false, 'default', `${ev}.FunctionResponseTypes`],
      'stream.onFailure': [null, 'default', `${ev}.DestinationConfig.OnFailure.Destination`],
    })
  })
  it('reads everything it has; on defaults, one bad record blocks the shard and the whole batch retries', () => {
    expect(unsupportedOf(r)).toEqual({})
    expect(findingsOf(r, apigwDynamo)).toEqual([
      ['stream-poison-blocks-shard', 'ConsumerFunction', 'Events.Stream.Properties.MaximumRetryAttempts'],
      ['stream-no-bisect', 'ConsumerFunction', 'Events.Stream.Properties.BisectBatchOnFunctionError'],
    ])
    // Both show the consequence with the poison workload.
    expect(r.findings.map((f) => f.seeIt?.workload.some((w) => w.fail === 'always'))).toEqual([true, true])
  })
})

describe('sns-lambda: an AWS::SNS::Topic subscription by !GetAtt', () => {
  const r = importTemplate(snsLambda)
  const s = one(r, 'MySnsTopic')
  const eic = 'TopicConsumerFunction1.EventInvokeConfig'
  it('the topic invokes the function asynchronously, with every async setting AWS default', () => {
    expect(shape(r)).toEqual([['TopicConsumerFunction1', 'MySnsTopic', 'AWS::SNS::Topic', 'async']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [3, 'template', 'TopicConsumerFunction1.Timeout'],
      ...noConcurrency('TopicConsumerFunction1'),
      'async.source': ['sns', 'template', 'MySnsTopic.Type'],
      'async.maximumRetryAttempts': [2, 'default', `${eic}.MaximumRetryAttempts`],
      'async.maximumEventAgeInSeconds': [21600, 'default', `${eic}.MaximumEventAgeInSeconds`],
      'async.onSuccess': [null, 'default', `${eic}.DestinationConfig.OnSuccess.Destination`],
      'async.onFailure': [null, 'default', `${eic}.DestinationConfig.OnFailure.Destination`],
      'async.deadLetterQueue': [null, 'default', 'TopicConsumerFunction1.DeadLetterQueue.TargetArn'],
    })
    expectValid(r)
  })
  it('lists MemorySize and the permission; warns that a failing event is discarded', () => {
    expect(unsupportedOf(r)).toEqual({
      'TopicConsumerFunction1 MemorySize': expect.stringMatching(MEMORY),
      TopicConsumerFunction1Permission: expect.stringMatching(IRRELEVANT),
    })
    expect(findingsOf(r, snsLambda)).toEqual([
      ['async-no-failure-destination', 'TopicConsumerFunction1', 'EventInvokeConfig.DestinationConfig.OnFailure'],
    ])
  })
})

describe('eventbridge-schedule-to-lambda: an AWS::Scheduler::Schedule targeting the function', () => {
  const r = importTemplate(schedule)
  const s = one(r, 'MyFirstSchedule')
  const eic = 'ScheduledLambdaFunction.EventInvokeConfig'
  it('the schedule is an asynchronous EventBridge trigger; the timeout comes from Globals', () => {
    expect(shape(r)).toEqual([['ScheduledLambdaFunction', 'MyFirstSchedule', 'AWS::Scheduler::Schedule', 'async']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [3, 'template', 'Globals.Function.Timeout'],
      ...noConcurrency('ScheduledLambdaFunction'),
      'async.source': ['eventbridge', 'template', 'MyFirstSchedule.Type'],
      'async.maximumRetryAttempts': [2, 'default', `${eic}.MaximumRetryAttempts`],
      'async.maximumEventAgeInSeconds': [21600, 'default', `${eic}.MaximumEventAgeInSeconds`],
      'async.onSuccess': [null, 'default', `${eic}.DestinationConfig.OnSuccess.Destination`],
      'async.onFailure': [null, 'default', `${eic}.DestinationConfig.OnFailure.Destination`],
      'async.deadLetterQueue': [null, 'default', 'ScheduledLambdaFunction.DeadLetterQueue.TargetArn'],
    })
    expectValid(r)
  })
  it('lists the role; warns that a failing run is discarded', () => {
    expect(unsupportedOf(r)).toEqual({ MyFirstScheduleRole: expect.stringMatching(IRRELEVANT) })
    expect(findingsOf(r, schedule)).toEqual([
      ['async-no-failure-destination', 'ScheduledLambdaFunction', 'EventInvokeConfig.DestinationConfig.OnFailure'],
    ])
  })
})

describe('sns-sqs-lambda: plain CloudFormation, a function and a mapping by !GetAtt', () => {
  const r = importTemplate(snsSqsLambda)
  const s = one(r, 'EventSourceMapping')
  const m = 'EventSourceMapping'
  it('the mapping is the only trigger (the topic feeds the queue, not the function)', () => {
    expect(shape(r)).toEqual([['LambdaFunction', 'EventSourceMapping', 'AWS::Lambda::EventSourceMapping', 'sqs']])
    expect(sourcesOf(s)).toEqual({
      'function.timeout': [120, 'template', 'LambdaFunction.Timeout'],
      ...noConcurrency('LambdaFunction'),
      'sqs.batchSize': [10, 'default', `${m}.BatchSize`],
      'sqs.maximumBatchingWindowInSeconds': [0, 'default', `${m}.MaximumBatchingWindowInSeconds`],
      'sqs.maximumConcurrency': [null, 'default', `${m}.ScalingConfig.MaximumConcurrency`],
      'sqs.reportBatchItemFailures': [false, 'default', `${m}.FunctionResponseTypes`],
      'sqs.visibilityTimeout': [720, 'template', 'MyQueueServerLessPattern.VisibilityTimeout'],
      'sqs.messageRetentionPeriod': [345600, 'default', 'MyQueueServerLessPattern.MessageRetentionPeriod'],
      'sqs.maxReceiveCount': [null, 'default', 'MyQueueServerLessPattern.RedrivePolicy.maxReceiveCount'],
    })
    expectValid(r)
  })
  it('lists MemorySize and the role; 720 s is exactly six 120 s timeouts, so no warning', () => {
    expect(unsupportedOf(r)).toEqual({
      'LambdaFunction MemorySize': expect.stringMatching(MEMORY),
      LambdaExecutionRole: expect.stringMatching(IRRELEVANT),
    })
    expect(findingsOf(r, snsSqsLambda)).toEqual([])
  })
})
