/**
 * The AWS defaults of scenario format v1 (docs/SCENARIO.md): what every omitted field becomes.
 * Frozen because they are shared: `parseScenario` copies them into each scenario it returns.
 */
import type {
  AccountConfig,
  AsyncConfig,
  FunctionConfig,
  SqsConfig,
  StreamConfig,
  SyncCaller,
  SyncConfig,
  WorkloadEntry,
} from './types'

export const SCENARIO_VERSION = 1
export const DEFAULT_SEED = 1
export const DEFAULT_TITLE = 'Untitled scenario'
export const DEFAULT_DESCRIPTION = ''

export const DEFAULT_ACCOUNT: AccountConfig = Object.freeze({
  concurrencyLimit: 1000,
  scalingRatePer10s: 1000,
})

export const DEFAULT_FUNCTION: FunctionConfig = Object.freeze({
  timeout: 3,
  reservedConcurrentExecutions: null,
  provisionedConcurrentExecutions: 0,
  initDurationMs: 300,
  durationMs: 120,
  errorRate: 0,
  idleEnvironmentTtlMs: 600000,
  recursiveLoop: 'Terminate',
})

export const DEFAULT_WORKLOAD_ENTRY: WorkloadEntry = Object.freeze({
  atMs: 0,
  count: 1,
  everyMs: 0,
  idPrefix: 'evt',
  fail: 'never',
  durationMs: null,
  groupId: 'default',
  partitionKey: null,
  matchesFilter: true,
})

/**
 * How long each caller waits for one attempt: API Gateway's integration timeout, the ALB idle
 * timeout; a function URL and the SDK wait for the function (null).
 */
export const CALLER_TIMEOUT_MS_DEFAULTS: Readonly<Record<SyncCaller, number | null>> = Object.freeze({
  'api-gateway': 29000,
  alb: 60000,
  'function-url': null,
  sdk: null,
})

export function defaultCallerTimeoutMs(caller: SyncCaller): number | null {
  return CALLER_TIMEOUT_MS_DEFAULTS[caller]
}

export const DEFAULT_SYNC: SyncConfig = Object.freeze({
  caller: 'api-gateway',
  callerTimeoutMs: CALLER_TIMEOUT_MS_DEFAULTS['api-gateway'],
  clientMaxAttempts: 1,
  clientBackoffMs: 100,
})

export const DEFAULT_ASYNC: AsyncConfig = Object.freeze({
  source: 's3',
  maximumRetryAttempts: 2,
  maximumEventAgeInSeconds: 21600,
  onSuccess: null,
  onFailure: null,
  deadLetterQueue: null,
  duplicateDeliveryRate: 0,
  deadLetterQueueWriteFails: false,
})

export const DEFAULT_SQS: SqsConfig = Object.freeze({
  batchSize: 10,
  messageRetentionPeriod: 345600,
  maximumBatchingWindowInSeconds: 0,
  visibilityTimeout: 30,
  maxReceiveCount: null,
  reportBatchItemFailures: false,
  maximumConcurrency: null,
  minimumPollers: null,
  maximumPollers: null,
  functionSendsToSameQueue: false,
})

export const DEFAULT_STREAM: StreamConfig = Object.freeze({
  shards: 1,
  batchSize: 100,
  maximumBatchingWindowInSeconds: 0,
  startingPosition: 'TRIM_HORIZON',
  parallelizationFactor: 1,
  maximumRetryAttempts: -1,
  maximumRecordAgeInSeconds: -1,
  bisectBatchOnFunctionError: false,
  reportBatchItemFailures: false,
  onFailure: null,
  retentionPeriodHours: 24,
})

/** Size limits that keep a scenario (and the run it describes) within what a browser tab can hold. */
export const SCENARIO_LIMITS = Object.freeze({
  maxTextBytes: 5 * 1024 * 1024,
  maxWorkloadEntries: 10000,
  maxTotalEvents: 1000000,
  /** Beyond this many problems the rest are summarised in one issue: nobody reads more. */
  maxIssues: 1000,
})

const DEFAULT_BLOCKS: Readonly<Record<string, object>> = {
  account: DEFAULT_ACCOUNT,
  function: DEFAULT_FUNCTION,
  sync: DEFAULT_SYNC,
  async: DEFAULT_ASYNC,
  sqs: DEFAULT_SQS,
  stream: DEFAULT_STREAM,
}

/** The default of a scenario field ("sqs.batchSize" → 10), or undefined for a path with none. */
export function defaultAt(path: string): unknown {
  const [block = '', key, ...rest] = path.split('.')
  const values = DEFAULT_BLOCKS[block]
  if (!values || key === undefined || rest.length > 0 || !Object.hasOwn(values, key)) return undefined
  return (values as Record<string, unknown>)[key]
}
