import batchFailure from './presets/sqs-batch-failure.json'
import batchingWindow from './presets/sqs-batching-window.json'
import maximumConcurrency from './presets/sqs-maximum-concurrency.json'
import provisionedMode from './presets/sqs-provisioned-mode.json'
import recursiveLoop from './presets/sqs-recursive-loop.json'
import reservedConcurrencyDlq from './presets/sqs-reserved-concurrency-dlq.json'
import fifoGroupConcurrency from './presets/sqs-fifo-group-concurrency.json'
import fifoBlockedGroup from './presets/sqs-fifo-blocked-group.json'
import partialBatch from './presets/sqs-partial-batch.json'
import redriveDlq from './presets/sqs-redrive-dlq.json'
import scaling from './presets/sqs-scaling.json'
import visibilityTooShort from './presets/sqs-visibility-too-short.json'

/** Shipped SQS (standard and FIFO) presets (raw scenario files, validated by the presets test). */
export const SQS_PRESETS: readonly unknown[] = [
  partialBatch,
  batchFailure,
  redriveDlq,
  fifoBlockedGroup,
  fifoGroupConcurrency,
  visibilityTooShort,
  batchingWindow,
  scaling,
  provisionedMode,
  reservedConcurrencyDlq,
  maximumConcurrency,
  recursiveLoop,
]
