/** Shipped asynchronous presets (raw scenario files, validated by the presets test). */
export const ASYNC_PRESETS: readonly unknown[] = []
