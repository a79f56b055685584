/** Shipped Kinesis / DynamoDB Streams presets (raw scenario files, validated by the presets test). */
export const STREAM_PRESETS: readonly unknown[] = []
