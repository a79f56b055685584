/** Progress (0..1) of something that runs from `since` to `until` at `clock` (progress bars, countdown rings). */
export function progress(clock: number, since: number, until: number | null): number {
  if (until === null || until <= since) return clock >= since ? 1 : 0
  return Math.min(1, Math.max(0, (clock - since) / (until - since)))
}
