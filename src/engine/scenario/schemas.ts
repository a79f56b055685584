/**
 * Field-by-field schemas of the scenario blocks, with the ranges of docs/SCENARIO.md. Rules that
 * compare two fields or depend on the model live in rules.ts.
 */
import {
  bool,
  choice,
  duration,
  durationOrNull,
  fail,
  int,
  intOrMinusOne,
  intOrNull,
  numberRule,
  real,
  text,
  textOrNull,
} from './fields'
import type { NumberRule, Schema } from './fields'
import type {
  AccountConfig,
  AsyncConfig,
  AsyncDestination,
  AsyncSource,
  FunctionConfig,
  RecursiveLoop,
  SqsConfig,
  StartingPosition,
  StreamConfig,
  SyncCaller,
  Scenario,
  SyncConfig,
  WorkloadEntry,
} from './types'

const DAY_MS = 86400000
const RECURSIVE_LOOP: readonly RecursiveLoop[] = ['Terminate', 'Allow']

export const ACCOUNT_SCHEMA: Schema<AccountConfig> = {
  concurrencyLimit: int(1, 100000, 'account ConcurrentExecutions quota'),
  scalingRatePer10s: int(1, 10000, 'new execution environments per 10 s'),
}

/**
 * The function block's bounds depend on the account: AWS keeps 100 of the account's concurrency
 * unreserved. `maxUnreserved` is max(0, concurrencyLimit − 100).
 */
export function functionSchema(maxUnreserved: number): Schema<FunctionConfig> {
  const kept = `${maxUnreserved} is account.concurrencyLimit minus the 100 AWS keeps unreserved`
  return {
    timeout: int(1, 900, 'seconds; AWS Timeout'),
    reservedConcurrentExecutions: intOrNull(0, maxUnreserved, 'unreserved', kept),
    provisionedConcurrentExecutions: int(0, maxUnreserved, kept),
    initDurationMs: int(0, 600000, 'milliseconds of Init'),
    durationMs: duration,
    errorRate: real(0, 1, 'chance that an invocation throws'),
    idleEnvironmentTtlMs: int(0, DAY_MS, 'milliseconds'),
    recursiveLoop: choice(RECURSIVE_LOOP),
  }
}

export const WORKLOAD_ENTRY_SCHEMA: Schema<WorkloadEntry> = {
  atMs: int(0, DAY_MS, 'milliseconds'),
  count: int(1, 100000, 'events in this entry'),
  everyMs: int(0, DAY_MS, 'milliseconds between events'),
  idPrefix: text({ min: 1, max: 64, pattern: /^[A-Za-z0-9_.-]+$/, patternNote: "letters, digits, '_', '.' and '-'" }),
  fail,
  durationMs: durationOrNull,
  groupId: text({ min: 1, max: 128 }),
  partitionKey: textOrNull({ min: 1, max: 256 }, 'the event id'),
  matchesFilter: bool,
}

export const SYNC_CALLERS: readonly SyncCaller[] = ['api-gateway', 'alb', 'function-url', 'sdk']

export const SYNC_SCHEMA: Schema<SyncConfig> = {
  caller: choice(SYNC_CALLERS),
  callerTimeoutMs: intOrNull(50, 900000, 'the caller waits for the function', 'milliseconds per attempt'),
  clientMaxAttempts: int(1, 10, "the caller's attempts in all"),
  clientBackoffMs: int(0, 900000, 'milliseconds between attempts'),
}

const ASYNC_SOURCES: readonly AsyncSource[] = ['s3', 'sns', 'eventbridge', 'sdk']
const ON_SUCCESS: readonly (Exclude<AsyncDestination, 's3'> | null)[] = [null, 'sqs', 'sns', 'eventbridge', 'lambda']
const ON_FAILURE: readonly (AsyncDestination | null)[] = [null, 'sqs', 'sns', 'eventbridge', 'lambda', 's3']

export const ASYNC_SCHEMA: Schema<AsyncConfig> = {
  source: choice(ASYNC_SOURCES),
  maximumRetryAttempts: int(0, 2, 'retries after a function error'),
  maximumEventAgeInSeconds: int(60, 21600, 'seconds'),
  onSuccess: choice(ON_SUCCESS, (value) =>
    value === 's3'
      ? 'cannot be "s3": AWS accepts an S3 bucket as an on-failure destination only; use null, "sqs", "sns", "eventbridge" or "lambda"'
      : undefined,
  ),
  onFailure: choice(ON_FAILURE),
  deadLetterQueue: choice<'sqs' | 'sns' | null>([null, 'sqs', 'sns']),
  duplicateDeliveryRate: real(0, 1, 'chance that an event is delivered a second time'),
  deadLetterQueueWriteFails: bool,
}

export const SQS_SCHEMA: Schema<SqsConfig> = {
  batchSize: int(1, 10000, 'records per batch; at most 10 for sqs-fifo'),
  messageRetentionPeriod: int(60, 1209600, 'seconds'),
  maximumBatchingWindowInSeconds: int(0, 300, 'seconds'),
  visibilityTimeout: int(0, 43200, 'seconds'),
  maxReceiveCount: intOrNull(1, 1000, 'no redrive', 'receives before the message moves to the DLQ'),
  reportBatchItemFailures: bool,
  maximumConcurrency: intOrNull(2, 1000, 'no limit', 'concurrent batches'),
  minimumPollers: intOrNull(
    2,
    200,
    'standard mode, or 2 when maximumPollers is set',
    'ProvisionedPollerConfig MinimumPollers',
  ),
  maximumPollers: intOrNull(
    2,
    2000,
    'standard mode, or 200 when minimumPollers is set',
    'ProvisionedPollerConfig MaximumPollers',
  ),
  functionSendsToSameQueue: bool,
}

const STARTING_POSITIONS: readonly StartingPosition[] = ['TRIM_HORIZON', 'LATEST']

export const STREAM_SCHEMA: Schema<StreamConfig> = {
  shards: int(1, 64),
  batchSize: int(1, 10000, 'records per batch'),
  maximumBatchingWindowInSeconds: int(0, 300, 'seconds'),
  startingPosition: choice(STARTING_POSITIONS),
  parallelizationFactor: int(1, 10, 'concurrent batches per shard'),
  maximumRetryAttempts: intOrMinusOne(0, 10000),
  maximumRecordAgeInSeconds: intOrMinusOne(60, 604800, 'seconds'),
  bisectBatchOnFunctionError: bool,
  reportBatchItemFailures: bool,
  onFailure: choice<'sqs' | 'sns' | 's3' | null>([null, 'sqs', 'sns', 's3']),
  retentionPeriodHours: int(24, 8760, 'hours; 24 for dynamodb'),
}

/**
 * The numeric rule of a scenario field ("function.timeout") under this scenario's account (the
 * reserved-concurrency bound depends on it), or null when the field is not a plain number.
 */
export function numberRuleAt(scenario: Scenario, path: string): NumberRule | null {
  const [block = '', key, ...rest] = path.split('.')
  if (key === undefined || rest.length > 0) return null
  const schemas: Record<string, object> = {
    account: ACCOUNT_SCHEMA,
    function: functionSchema(Math.max(0, scenario.account.concurrencyLimit - 100)),
    sync: SYNC_SCHEMA,
    async: ASYNC_SCHEMA,
    sqs: SQS_SCHEMA,
    stream: STREAM_SCHEMA,
  }
  const schema = schemas[block]
  return schema && Object.hasOwn(schema, key) ? numberRule((schema as Record<string, unknown>)[key]) : null
}
