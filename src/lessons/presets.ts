/**
 * Each lesson's preset, without the lessons themselves: an embed with `lesson` draws the lesson's
 * stage in its first frame (and the server frame) while the guide is still loading. Checked against
 * the catalogue by lessons.test.ts.
 */
export const LESSON_PRESETS: Readonly<Record<string, string>> = {
  'start-here': 'sync-basics',
  'sync-throttling': 'sync-throttled',
  'sync-caller-timeout': 'sync-caller-timeout',
  'provisioned-concurrency': 'sync-provisioned',
  'async-retries': 'async-retries',
  'async-event-age': 'async-retries',
  'async-destinations': 'async-on-success',
  'sqs-batching': 'sqs-batching-window',
  'sqs-visibility': 'sqs-visibility-too-short',
  'sqs-partial-batch': 'sqs-partial-batch',
  'sqs-reserved-trap': 'sqs-reserved-concurrency-dlq',
  'fifo-groups': 'sqs-fifo-blocked-group',
  'stream-poison': 'kinesis-poison-blocks-shard',
  'stream-bisect': 'kinesis-bisect-poison',
}
