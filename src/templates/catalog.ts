/**
 * Which resource types and properties the importer reads, which it knows do not change how Lambda
 * invokes a function, and which matter but cannot be expressed: the last, and anything unknown, are
 * listed as unsupported rather than dropped without a word.
 */
const IRRELEVANT_REASON = 'not modelled: it does not change how Lambda invokes the function'

/** Resource types that are read (some only as the target of a reference). */
export const READ_TYPES = new Set([
  'AWS::Serverless::Function',
  'AWS::Lambda::Function',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
  'AWS::Lambda::Url',
  'AWS::SQS::Queue',
  'AWS::Kinesis::Stream',
  'AWS::DynamoDB::Table',
  'AWS::SNS::Topic',
  'AWS::SNS::Subscription',
  'AWS::Events::Rule',
  'AWS::Events::EventBus',
  'AWS::S3::Bucket',
  'AWS::Scheduler::Schedule',
])

// A VPC and its network change where a function runs, not how Lambda invokes it (VpcConfig is irrelevant too).
const IRRELEVANT_TYPE_PREFIXES = [
  'AWS::IAM::',
  'AWS::Logs::',
  'AWS::CloudWatch::',
  'AWS::SSM::',
  'AWS::KMS::',
  'AWS::EC2::',
]
const IRRELEVANT_TYPES = new Set([
  'AWS::Lambda::Permission',
  'AWS::Lambda::LayerVersion',
  'AWS::Serverless::LayerVersion',
  'AWS::Serverless::Api',
  'AWS::Serverless::HttpApi',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::S3::BucketPolicy',
])

/** Why a resource type is not read, or null when it is. */
export function typeReason(type: string): string | null {
  if (READ_TYPES.has(type)) return null
  if (IRRELEVANT_TYPES.has(type) || IRRELEVANT_TYPE_PREFIXES.some((p) => type.startsWith(p))) return IRRELEVANT_REASON
  if (type === 'AWS::Serverless::StateMachine' || type.startsWith('AWS::StepFunctions::'))
    return 'not supported: the scenario format models Lambda invocations only'
  if (type === 'AWS::Serverless::CapacityProvider' || type === 'AWS::Lambda::CapacityProvider') return MANAGED_INSTANCES
  return 'not supported: the importer does not read this resource type'
}

const FUNCTION_IRRELEVANT = [
  'Runtime',
  'Handler',
  'CodeUri',
  'InlineCode',
  'Code',
  'ImageUri',
  'ImageConfig',
  'PackageType',
  'Policies',
  'Role',
  'RolePath',
  'Environment',
  'Layers',
  'Architectures',
  'Description',
  'Tags',
  'FunctionName',
  'Tracing',
  'TracingConfig',
  'VpcConfig',
  'LoggingConfig',
  'KmsKeyArn',
  'PermissionsBoundary',
  'AutoPublishCodeSha256',
  'AutoPublishAliasAllProperties',
  'DeploymentPreference',
  'EphemeralStorage',
  'FileSystemConfigs',
  'AssumeRolePolicyDocument',
  'CodeSigningConfigArn',
  'Connectors',
  'RuntimeManagementConfig',
  'PropagateTags',
  'SourceKmsKeyArn',
  'FunctionUrlConfig',
]
const MAPPING_IRRELEVANT = ['KmsKeyArn', 'MetricsConfig', 'Tags']
const STREAM_EVENT = [
  'Stream',
  'StartingPosition',
  'BatchSize',
  'MaximumBatchingWindowInSeconds',
  'BisectBatchOnFunctionError',
  'MaximumRetryAttempts',
  'MaximumRecordAgeInSeconds',
  'ParallelizationFactor',
  'DestinationConfig',
  'FunctionResponseTypes',
]

const RULE_EVENT_IRRELEVANT = [
  'Pattern',
  'EventBusName',
  'Input',
  'InputPath',
  'InputTransformer',
  'RuleName',
  'State',
  'Target',
]
const TARGET_RETRY =
  "not supported: EventBridge retries delivery to its target on its own terms; only Lambda's async retries are simulated"

const MANAGED_INSTANCES =
  'not supported: on Lambda Managed Instances an execution environment runs several invocations at once on EC2 capacity; the simulation runs one invocation per environment'

const UNEXPRESSIBLE: Readonly<Record<string, string>> = {
  CapacityProviderConfig: MANAGED_INSTANCES,
  Enabled: 'read but not simulated: the mapping is disabled, so it invokes nothing; the scenario plays it enabled',
  SqsSubscription:
    'not supported: with SqsSubscription, SNS delivers to a queue that Lambda polls, which this importer does not rebuild (the scenario shows a direct SNS invoke)',
  RetryPolicy: TARGET_RETRY,
  DeadLetterConfig: TARGET_RETRY,
  FilterCriteria:
    'not supported: the scenario format cannot hold filter patterns; every workload record matches (workload matchesFilter marks records by hand)',
  TumblingWindowInSeconds: 'not supported: the scenario format has no tumbling windows',
  StartingPositionTimestamp: 'not supported: AT_TIMESTAMP is not a starting position of the scenario format',
  SnapStart: 'not supported: SnapStart restores are not simulated (cold starts run Init)',
  DelaySeconds: 'not supported: the scenario format has no delivery delay',
  MemorySize: 'read but not simulated: the scenario format has no memory size (handler time is function.durationMs)',
  Qualifier: 'read but not simulated: the configuration is applied to the function whatever the qualifier',
}

/** Properties read, and those known to be irrelevant, per kind of property holder. */
export const PROPERTIES: Readonly<Record<string, { read: readonly string[]; irrelevant: readonly string[] }>> = {
  'AWS::Serverless::Function': {
    read: [
      'Timeout',
      'ReservedConcurrentExecutions',
      'ProvisionedConcurrencyConfig',
      'AutoPublishAlias',
      'DeadLetterQueue',
      'EventInvokeConfig',
      'Events',
      'RecursiveLoop',
    ],
    irrelevant: FUNCTION_IRRELEVANT,
  },
  'AWS::Lambda::Function': {
    read: ['Timeout', 'ReservedConcurrentExecutions', 'DeadLetterConfig', 'RecursiveLoop'],
    irrelevant: FUNCTION_IRRELEVANT,
  },
  'AWS::Lambda::EventSourceMapping': {
    read: [
      'FunctionName',
      'EventSourceArn',
      'BatchSize',
      'MaximumBatchingWindowInSeconds',
      'ScalingConfig',
      'FunctionResponseTypes',
      'BisectBatchOnFunctionError',
      'MaximumRetryAttempts',
      'MaximumRecordAgeInSeconds',
      'ParallelizationFactor',
      'StartingPosition',
      'DestinationConfig',
      'ProvisionedPollerConfig',
    ],
    irrelevant: MAPPING_IRRELEVANT,
  },
  SQS: {
    read: [
      'Queue',
      'BatchSize',
      'MaximumBatchingWindowInSeconds',
      'ScalingConfig',
      'FunctionResponseTypes',
      'ProvisionedPollerConfig',
    ],
    irrelevant: MAPPING_IRRELEVANT,
  },
  Kinesis: { read: STREAM_EVENT, irrelevant: MAPPING_IRRELEVANT },
  Api: {
    read: ['TimeoutInMillis'],
    irrelevant: ['Path', 'Method', 'RestApiId', 'Auth', 'RequestModel', 'RequestParameters', 'ResponseTransferMode'],
  },
  HttpApi: {
    read: ['TimeoutInMillis'],
    irrelevant: ['Path', 'Method', 'ApiId', 'Auth', 'PayloadFormatVersion', 'RouteSettings'],
  },
  S3: { read: [], irrelevant: ['Bucket', 'Events', 'Filter'] },
  SNS: { read: [], irrelevant: ['Topic', 'FilterPolicy', 'FilterPolicyScope', 'Region'] },
  EventBridgeRule: { read: [], irrelevant: RULE_EVENT_IRRELEVANT },
  CloudWatchEvent: { read: [], irrelevant: RULE_EVENT_IRRELEVANT },
  Schedule: { read: [], irrelevant: ['Schedule', 'Name', 'Description', 'Enabled', 'Input', 'State'] },
  ScheduleV2: {
    read: [],
    irrelevant: [
      'ScheduleExpression',
      'ScheduleExpressionTimezone',
      'FlexibleTimeWindow',
      'Name',
      'Description',
      'State',
      'StartDate',
      'EndDate',
      'GroupName',
      'Input',
      'KmsKeyArn',
      'OmitName',
      'PermissionsBoundary',
      'RoleArn',
    ],
  },
  /** The Target of an AWS::Scheduler::Schedule that invokes a function of the template. */
  SchedulerTarget: { read: ['Arn'], irrelevant: ['RoleArn', 'Input'] },
  DynamoDB: { read: STREAM_EVENT, irrelevant: MAPPING_IRRELEVANT },
  'AWS::Lambda::EventInvokeConfig': {
    read: ['FunctionName', 'MaximumRetryAttempts', 'MaximumEventAgeInSeconds', 'DestinationConfig'],
    irrelevant: [],
  },
  'AWS::SQS::Queue': {
    read: ['VisibilityTimeout', 'RedrivePolicy', 'FifoQueue', 'MessageRetentionPeriod'],
    irrelevant: [
      'QueueName',
      'KmsMasterKeyId',
      'KmsDataKeyReusePeriodSeconds',
      'SqsManagedSseEnabled',
      'Tags',
      'ReceiveMessageWaitTimeSeconds',
      'ContentBasedDeduplication',
      'DeduplicationScope',
      'FifoThroughputLimit',
      'MaximumMessageSize',
      'RedriveAllowPolicy',
    ],
  },
  'AWS::Kinesis::Stream': {
    read: ['ShardCount', 'RetentionPeriodHours', 'StreamModeDetails'],
    irrelevant: ['Name', 'StreamEncryption', 'Tags', 'DesiredShardLevelMetrics'],
  },
}

/** Unsupported properties of one holder: `[property, reason]` for each one neither read nor irrelevant. */
export function unreadProperties(kind: string, props: Readonly<Record<string, unknown>>): [string, string][] {
  const known = PROPERTIES[kind]
  if (!known) return []
  return (
    Object.keys(props)
      .filter((p) => !known.read.includes(p) && !known.irrelevant.includes(p))
      // An enabled mapping is what every scenario plays; only a disabled one needs saying.
      .filter((p) => p !== 'Enabled' || props[p] === false || props[p] === 'false')
      .map((p) => [p, UNEXPRESSIBLE[p] ?? 'not supported: the importer does not read this property'])
  )
}
