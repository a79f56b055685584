import type { DocRef } from './types'

/** Fact-sheet sections (LAMBDA_SEMANTICS.md) and the AWS pages they cite, for captions. */
const AWS = 'https://docs.aws.amazon.com/lambda/latest/dg/'

export const DOCS = {
  syncInvoke: { section: '§1.2', url: `${AWS}invocation-sync.html` },
  functionError: { section: '§1.3', url: `${AWS}invocation-retries.html` },
  throttle: { section: '§1.4', url: `${AWS}API_Invoke.html` },
  callerTimeout: { section: '§1.5', url: `${AWS}invocation-sync.html` },
  lifecycle: { section: '§2.1', url: `${AWS}lambda-runtime-environment.html` },
  concurrency: { section: '§2.2', url: `${AWS}lambda-concurrency.html` },
  scaling: { section: '§2.2', url: `${AWS}scaling-behavior.html` },
  reserved: { section: '§2.2', url: `${AWS}configuration-concurrency.html` },
  provisioned: { section: '§2.2', url: `${AWS}provisioned-concurrency.html` },
  asyncAccept: { section: '§3.2', url: `${AWS}invocation-async.html` },
  asyncRetry: { section: '§3.3', url: `${AWS}invocation-async-error-handling.html` },
  asyncConfig: { section: '§3.4', url: `${AWS}invocation-async-configuring.html` },
  destinations: { section: '§3.5', url: `${AWS}invocation-async-retain-records.html` },
  dlq: { section: '§3.6', url: `${AWS}invocation-async-retain-records.html` },
  esm: { section: '§4.1', url: `${AWS}invocation-eventsourcemapping.html` },
  sqs: { section: '§4.2', url: `${AWS}with-sqs.html` },
  sqsErrors: { section: '§4.2', url: `${AWS}services-sqs-errorhandling.html` },
  sqsScaling: { section: '§4.2', url: `${AWS}services-sqs-scaling.html` },
  sqsConfigure: { section: '§4.2', url: `${AWS}services-sqs-configure.html` },
  sqsVisibility: {
    section: '§4.2',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
  },
  sqsDlq: {
    section: '§4.2',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
  },
  streams: { section: '§4.3', url: `${AWS}with-kinesis.html` },
  streamErrors: { section: '§4.3', url: `${AWS}kinesis-on-failure-destination.html` },
  streamPartial: { section: '§4.3', url: `${AWS}services-kinesis-batchfailurereporting.html` },
  dynamodb: { section: '§4.3', url: `${AWS}with-ddb.html` },
  recursion: { section: '§4.2', url: `${AWS}invocation-recursion.html` },
  filtering: { section: '§4.5', url: `${AWS}invocation-eventfiltering.html` },
  metrics: { section: '§5', url: `${AWS}monitoring-metrics-types.html` },
} as const satisfies Record<string, DocRef>
