import type { AsyncDestination, AsyncSource } from '../scenario/types'

/** Display names of asynchronous sources (stage labels and captions). */
export const SOURCE_LABELS: Record<AsyncSource, string> = {
  s3: 'Amazon S3',
  sns: 'Amazon SNS',
  eventbridge: 'Amazon EventBridge',
  sdk: 'SDK client',
}

/** Display names of destination / DLQ targets. */
export const TARGET_LABELS: Record<AsyncDestination, string> = {
  sqs: 'SQS queue',
  sns: 'SNS topic',
  eventbridge: 'EventBridge bus',
  lambda: 'Lambda function',
  s3: 'S3 bucket',
}
