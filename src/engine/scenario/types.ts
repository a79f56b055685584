/**
 * Scenario format v1 (docs/SCENARIO.md). These are the *normalized* types: every optional field of
 * the file has been filled with its AWS default by `parseScenario`, so the engine never guesses.
 * Names follow AWS's API parameters; simulation-only knobs are milliseconds and end in `Ms`.
 */

export type Model = 'sync' | 'async' | 'sqs' | 'sqs-fifo' | 'kinesis' | 'dynamodb'
export const MODELS: readonly Model[] = ['sync', 'async', 'sqs', 'sqs-fifo', 'kinesis', 'dynamodb']

/** A fixed handler time, or a range drawn (whole milliseconds) from the seeded RNG per invocation. */
export type DurationSpec = number | { readonly min: number; readonly max: number }

/** "never": errorRate applies; "always": every attempt throws; N: the first N attempts that ran throw. */
export type FailSpec = 'never' | 'always' | number

export interface AccountConfig {
  readonly concurrencyLimit: number
  readonly scalingRatePer10s: number
}

export interface FunctionConfig {
  /** Seconds, 1..900. */
  readonly timeout: number
  readonly reservedConcurrentExecutions: number | null
  readonly provisionedConcurrentExecutions: number
  readonly initDurationMs: number
  readonly durationMs: DurationSpec
  readonly errorRate: number
  readonly idleEnvironmentTtlMs: number
  /** RecursiveLoop (PutFunctionRecursionConfig): Terminate stops a recursive loop after 16 invocations. */
  readonly recursiveLoop: RecursiveLoop
}

export interface WorkloadEntry {
  readonly atMs: number
  readonly count: number
  readonly everyMs: number
  readonly idPrefix: string
  readonly fail: FailSpec
  readonly durationMs: DurationSpec | null
  readonly groupId: string
  /** null: the event id is the key. */
  readonly partitionKey: string | null
  readonly matchesFilter: boolean
}

export type SyncCaller = 'api-gateway' | 'alb' | 'function-url' | 'sdk'
export interface SyncConfig {
  readonly caller: SyncCaller
  /** Per attempt; null = the caller waits for the function. */
  readonly callerTimeoutMs: number | null
  readonly clientMaxAttempts: number
  readonly clientBackoffMs: number
}

export type AsyncSource = 's3' | 'sns' | 'eventbridge' | 'sdk'
export type AsyncDestination = 'sqs' | 'sns' | 'eventbridge' | 'lambda' | 's3'
export interface AsyncConfig {
  readonly source: AsyncSource
  readonly maximumRetryAttempts: number
  readonly maximumEventAgeInSeconds: number
  readonly onSuccess: Exclude<AsyncDestination, 's3'> | null
  readonly onFailure: AsyncDestination | null
  readonly deadLetterQueue: 'sqs' | 'sns' | null
  /** Extension: chance (0..1) that the eventually consistent queue delivers an event twice. */
  readonly duplicateDeliveryRate: number
  /** Extension: writing to the DLQ fails (missing permissions, size): the event is deleted (§3.6). */
  readonly deadLetterQueueWriteFails: boolean
}

export type RecursiveLoop = 'Terminate' | 'Allow'

export interface SqsConfig {
  readonly batchSize: number
  readonly messageRetentionPeriod: number
  readonly maximumBatchingWindowInSeconds: number
  readonly visibilityTimeout: number
  readonly maxReceiveCount: number | null
  readonly reportBatchItemFailures: boolean
  readonly maximumConcurrency: number | null
  /**
   * Extension: provisioned mode (ProvisionedPollerConfig MinimumPollers); null with maximumPollers
   * null = standard mode.
   */
  readonly minimumPollers: number | null
  /** Extension: provisioned mode (ProvisionedPollerConfig MaximumPollers). */
  readonly maximumPollers: number | null
  /** Extension: the handler sends each message it processes back to the same queue (a recursive loop). */
  readonly functionSendsToSameQueue: boolean
}

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST'
export interface StreamConfig {
  readonly shards: number
  readonly batchSize: number
  readonly maximumBatchingWindowInSeconds: number
  readonly startingPosition: StartingPosition
  readonly parallelizationFactor: number
  readonly maximumRetryAttempts: number
  readonly maximumRecordAgeInSeconds: number
  readonly bisectBatchOnFunctionError: boolean
  readonly reportBatchItemFailures: boolean
  readonly onFailure: 'sqs' | 'sns' | 's3' | null
  readonly retentionPeriodHours: number
}

/** A fully defaulted, validated scenario. Plain data: JSON round-trips it unchanged. */
export interface Scenario {
  readonly version: 1
  readonly id: string | null
  readonly title: string
  readonly description: string
  /** Extension: the AWS documentation page the scenario teaches from (https), or null. */
  readonly docUrl: string | null
  readonly model: Model
  readonly seed: number
  readonly stopAtMs: number | null
  readonly account: AccountConfig
  readonly function: FunctionConfig
  readonly workload: readonly WorkloadEntry[]
  readonly sync: SyncConfig
  readonly async: AsyncConfig
  readonly sqs: SqsConfig
  readonly stream: StreamConfig
}

/** One problem found in a scenario file: the field path, the value seen and what is allowed. */
export interface ScenarioIssue {
  readonly path: string
  readonly value: string
  readonly message: string
}

export type ParseResult =
  { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] }
