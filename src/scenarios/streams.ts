import dynamodbRetries from './presets/dynamodb-stream-retries.json'
import bisectPoison from './presets/kinesis-bisect-poison.json'
import parallelization from './presets/kinesis-parallelization.json'
import partialBatch from './presets/kinesis-partial-batch.json'
import poisonBlocks from './presets/kinesis-poison-blocks-shard.json'

/** Shipped Kinesis / DynamoDB Streams presets (raw scenario files, validated by the presets test). */
export const STREAM_PRESETS: readonly unknown[] = [
  bisectPoison,
  poisonBlocks,
  partialBatch,
  parallelization,
  dynamodbRetries,
]
