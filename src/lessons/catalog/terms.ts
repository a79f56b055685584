import type { Term } from '../format'

/** AWS terms, each explained once where a lesson first uses it. */
export const T = {
  environment: {
    term: 'execution environment',
    means:
      'A small isolated runtime Lambda creates for your function; it handles one request at a time and may be reused for later ones.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
  },
  coldStart: {
    term: 'cold start',
    means: 'A request that finds no idle environment waits while Lambda creates one and runs your Init code first.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
  },
  sync: {
    term: 'synchronous invocation',
    means: 'The caller (API Gateway, an SDK) calls Invoke and waits for the function to answer.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html',
  },
  functionError: {
    term: 'X-Amz-Function-Error',
    means: 'The response header that says the function itself failed, while the HTTP status stays 200.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html',
  },
  reserved: {
    term: 'reserved concurrency',
    means: 'A cap on how many environments this function may use at once (and a share of the account kept for it).',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  },
  throttle: {
    term: 'throttle (429)',
    means: 'Lambda refuses a request when no concurrency is left: TooManyRequestsException, with a Reason.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html',
  },
  provisioned: {
    term: 'provisioned concurrency',
    means: 'Environments Lambda initialises before any request, so those requests never pay a cold start.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html',
  },
  async: {
    term: 'asynchronous invocation',
    means: 'Lambda puts the event on its own internal queue, answers 202 at once, and runs the function later.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html',
  },
  retryAttempts: {
    term: 'MaximumRetryAttempts',
    means: 'How many more times Lambda tries an asynchronous event after a function error (0 to 2, default 2).',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
  },
  eventAge: {
    term: 'MaximumEventAgeInSeconds',
    means: 'How long Lambda keeps an asynchronous event in its queue before giving up on it (60 s to 6 h).',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
  },
  destination: {
    term: 'destination',
    means:
      'Where Lambda sends a record of the outcome: on success or on failure (SQS, SNS, Lambda or EventBridge; S3 for failures only).',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html',
  },
  esm: {
    term: 'event source mapping',
    means: 'A Lambda resource that polls a queue or stream for you and invokes the function with batches of records.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
  },
  batchWindow: {
    term: 'MaximumBatchingWindowInSeconds',
    means: 'How long the poller may wait to fill a batch before it invokes the function.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
  },
  visibility: {
    term: 'visibility timeout',
    means: 'How long SQS hides a message after a poller receives it; if it is not deleted by then, it comes back.',
    docUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
  },
  partial: {
    term: 'partial batch response',
    means: 'With ReportBatchItemFailures the handler lists only the failed messages; Lambda deletes the rest.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html',
  },
  redrive: {
    term: 'redrive policy (maxReceiveCount)',
    means: "The queue's rule: after a message is received this many times, SQS moves it to the dead-letter queue.",
    docUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
  },
  maxConcurrency: {
    term: 'MaximumConcurrency',
    means: 'A cap on how many batches an SQS event source mapping runs at once, set on the mapping.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html',
  },
  fifoGroup: {
    term: 'message group',
    means: 'In a FIFO queue, messages with the same MessageGroupId are delivered in order, one batch at a time.',
    docUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html',
  },
  shard: {
    term: 'shard',
    means: 'A Kinesis stream is split into shards; records of one partition key go to one shard, in order.',
    docUrl: 'https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html',
  },
  bisect: {
    term: 'BisectBatchOnFunctionError',
    means: 'On a failed batch, Lambda splits it in two and retries each half, to corner the failing record.',
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html',
  },
} satisfies Record<string, Term>
