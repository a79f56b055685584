/** Shipped SQS (standard and FIFO) presets (raw scenario files, validated by the presets test). */
export const SQS_PRESETS: readonly unknown[] = []
