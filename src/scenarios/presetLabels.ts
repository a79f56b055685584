/**
 * The words on each preset's chip. A chip sits in a strip that already names the model or source,
 * so it says only what sets the preset apart; the full title stays the chip's accessible name and
 * tooltip. Kept beside the presets, not in the scenario files: the file format has no such field.
 */
export const PRESET_LABELS: Readonly<Record<string, string>> = {
  'sync-basics': 'Five requests, one fails',
  'sync-burst-scaling': 'Burst scaling',
  'sync-caller-timeout': 'Caller gives up at 29 s',
  'sync-function-timeout': 'Function timeout',
  'sync-provisioned': 'Provisioned + spillover',
  'sync-throttled': 'Reserved 2: 429',
  'async-retries': 'Two retries',
  'async-no-retries': 'No retries',
  'async-on-success': 'Destinations',
  'async-reserved-zero': 'Reserved 0',
  'async-throttled-backoff': 'Throttled, backoff',
  'async-timeout-retry': 'Timeout is an error',
  'async-duplicate-delivery': 'At least once',
  'async-dlq-write-fails': 'DLQ write fails',
  'sqs-batch-failure': 'Batch fails',
  'sqs-batching-window': 'Batching window',
  'sqs-maximum-concurrency': 'MaximumConcurrency',
  'sqs-partial-batch': 'Partial batch response',
  'sqs-provisioned-mode': 'Provisioned mode',
  'sqs-recursive-loop': 'Recursive loop',
  'sqs-redrive-dlq': 'Redrive to DLQ',
  'sqs-reserved-concurrency-dlq': 'Reserved concurrency trap',
  'sqs-scaling': 'Scaling',
  'sqs-visibility-too-short': 'Visibility too short',
  'sqs-fifo-blocked-group': 'Blocked group',
  'sqs-fifo-group-concurrency': 'Groups cap concurrency',
  'kinesis-bisect-poison': 'Bisect on error',
  'kinesis-parallelization': 'ParallelizationFactor',
  'kinesis-partial-batch': 'Partial batch response',
  'kinesis-poison-blocks-shard': 'Defaults: shard blocked',
  'dynamodb-stream-retries': 'Retries, then on-failure',
}

/**
 * A chip's words: the label above, else the part of the title before its colon when that says
 * enough, else the title.
 */
export function presetLabel(id: string, title: string): string {
  const label = PRESET_LABELS[id]
  if (label !== undefined) return label
  const head = title.split(':')[0]?.trim() ?? title
  return head !== title && head.split(/\s+/).length >= 2 ? head : title
}
