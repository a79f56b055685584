/**
 * Rules that tie two fields together. Each stays silent when one of its fields already has an issue
 * (the range message says enough), and rules tying a block to the model or to another block apply
 * only when the model reads that block (docs/SCENARIO.md, Validation).
 */
import type { Issues } from './issues'
import type { DurationSpec, FunctionConfig, Model, SqsConfig, StreamConfig, WorkloadEntry } from './types'

const FN = 'function'

export function checkFunction(issues: Issues, fn: FunctionConfig): void {
  const reserved = fn.reservedConcurrentExecutions
  const provisionedPath = `${FN}.provisionedConcurrentExecutions`
  if (reserved === null || issues.has(`${FN}.reservedConcurrentExecutions`) || issues.has(provisionedPath)) return
  if (fn.provisionedConcurrentExecutions > reserved) {
    issues.add(
      provisionedPath,
      fn.provisionedConcurrentExecutions,
      `must not exceed function.reservedConcurrentExecutions (${reserved}): provisioned environments come out of the reserved concurrency`,
    )
  }
}

/** `present`: the keys the file gave in the sqs block, to say when a failing value is a default. */
export function checkSqs(
  issues: Issues,
  model: Model | null,
  sqs: SqsConfig,
  fn: FunctionConfig,
  present: ReadonlySet<string>,
): void {
  const fifo = model === 'sqs-fifo'
  const batchPath = 'sqs.batchSize'
  const windowPath = 'sqs.maximumBatchingWindowInSeconds'
  const batchOk = !issues.has(batchPath)
  const windowOk = !issues.has(windowPath)

  if (fifo && batchOk && sqs.batchSize > 10) {
    issues.add(batchPath, sqs.batchSize, 'must be at most 10 for an sqs-fifo queue (AWS allows 1 to 10 for FIFO)')
  } else if (batchOk && windowOk && sqs.batchSize > 10 && sqs.maximumBatchingWindowInSeconds < 1) {
    // Said once, on the batch size, rather than on both fields.
    issues.add(
      batchPath,
      sqs.batchSize,
      `above 10 needs sqs.maximumBatchingWindowInSeconds of at least 1 (it is ${sqs.maximumBatchingWindowInSeconds}), as AWS requires`,
    )
  }
  if (fifo && windowOk && sqs.maximumBatchingWindowInSeconds !== 0) {
    issues.add(
      windowPath,
      sqs.maximumBatchingWindowInSeconds,
      'must be 0 for sqs-fifo: AWS does not support a batching window on FIFO queues',
    )
  }

  checkProvisionedPollers(issues, sqs)

  const visibilityPath = 'sqs.visibilityTimeout'
  const readsSqs = model === 'sqs' || fifo
  if (readsSqs && !issues.has(visibilityPath) && !issues.has(`${FN}.timeout`) && sqs.visibilityTimeout < fn.timeout) {
    const why = 'AWS rejects an SQS mapping whose visibility timeout is shorter than the function timeout'
    const message = present.has('visibilityTimeout')
      ? `must be at least function.timeout (${fn.timeout} s): ${why}`
      : `is not set and its default (30 s) is below function.timeout (${fn.timeout} s): set it to at least ${fn.timeout}; ${why}`
    issues.add(visibilityPath, sqs.visibilityTimeout, message)
  }
}

/** Provisioned mode (ProvisionedPollerConfig): its own bounds, and never with MaximumConcurrency. */
function checkProvisionedPollers(issues: Issues, sqs: SqsConfig): void {
  const minPath = 'sqs.minimumPollers'
  const maxPath = 'sqs.maximumPollers'
  const mcPath = 'sqs.maximumConcurrency'
  const minOk = !issues.has(minPath)
  const maxOk = !issues.has(maxPath)
  if (
    minOk &&
    maxOk &&
    sqs.minimumPollers !== null &&
    sqs.maximumPollers !== null &&
    sqs.minimumPollers > sqs.maximumPollers
  ) {
    issues.add(
      minPath,
      sqs.minimumPollers,
      `must not exceed sqs.maximumPollers (${sqs.maximumPollers}): the mapping scales its event pollers between the two`,
    )
  }
  const provisioned = (minOk && sqs.minimumPollers !== null) || (maxOk && sqs.maximumPollers !== null)
  if (provisioned && !issues.has(mcPath) && sqs.maximumConcurrency !== null) {
    issues.add(
      mcPath,
      sqs.maximumConcurrency,
      'cannot be combined with provisioned mode (sqs.minimumPollers / sqs.maximumPollers): AWS makes MaximumConcurrency and ProvisionedPollerConfig mutually exclusive; set one or the other',
    )
  }
}

/**
 * A handler that sends every message back to its own queue, with recursive loop detection off
 * (RecursiveLoop Allow), loops for ever: such a run needs stopAtMs to end.
 */
export function checkRecursion(
  issues: Issues,
  model: Model | null,
  fn: FunctionConfig,
  sqs: SqsConfig,
  workload: readonly WorkloadEntry[],
  stopAtMs: number | null,
): void {
  if (model !== 'sqs' && model !== 'sqs-fifo') return
  if (issues.has('stopAtMs') || issues.has('function.recursiveLoop') || issues.has('sqs.functionSendsToSameQueue'))
    return
  if (!sqs.functionSendsToSameQueue || fn.recursiveLoop !== 'Allow') return
  const why = 'sqs.functionSendsToSameQueue is true and function.recursiveLoop is "Allow"'
  if (stopAtMs === null) {
    issues.add(
      'stopAtMs',
      null,
      `is required when ${why}: nothing stops that loop, so the run would never end; set stopAtMs (or use "Terminate")`,
    )
  }
  // A 0 ms handler would loop for ever inside one millisecond, where stopAtMs cannot stop it.
  const zero = `must be at least 1 ms when ${why}: with a 0 ms handler the loop never leaves its millisecond`
  if (!issues.has('function.durationMs') && minMs(fn.durationMs) < 1)
    issues.add('function.durationMs', fn.durationMs, zero)
  // Entry indices match the file's only when no entry was skipped for an issue of its own.
  if (!issues.empty) return
  workload.forEach((e, i) => {
    const path = `workload[${i}].durationMs`
    if (e.durationMs !== null && !issues.has(path) && minMs(e.durationMs) < 1) issues.add(path, e.durationMs, zero)
  })
}

function minMs(d: DurationSpec): number {
  return typeof d === 'number' ? d : d.min
}

export function checkStream(issues: Issues, model: Model | null, stream: StreamConfig): void {
  const path = 'stream.retentionPeriodHours'
  if (model === 'dynamodb' && !issues.has(path) && stream.retentionPeriodHours !== 24) {
    issues.add(path, stream.retentionPeriodHours, 'must be 24 for dynamodb: DynamoDB Streams keep records for 24 hours')
  }
}
