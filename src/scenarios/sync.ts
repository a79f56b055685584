/** Shipped synchronous presets (raw scenario files, validated by the presets test). */
export const SYNC_PRESETS: readonly unknown[] = []
