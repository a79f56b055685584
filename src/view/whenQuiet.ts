import { browserClock as clock } from '../store/clock'

/**
 * Changes closer together than this (ms) are measured once they stop: at thousands of events a
 * second the caption changes every frame, and each measurement forces a layout (BENCHMARKS.md,
 * "Frame rate while playing").
 */
export const QUIET_MS = 250

type Cleanup = (() => void) | undefined

/**
 * For a layout effect that measures: runs `watch` at once when the last change (`changedAt`, kept
 * by the caller in a ref) was QUIET_MS or more ago, as on every step a reader takes; otherwise
 * `meanwhile` now and `watch` once the changes have stopped for QUIET_MS. Returns the cleanup.
 */
export function whenQuiet(changedAt: { current: number }, watch: () => Cleanup, meanwhile?: () => void): () => void {
  const last = changedAt.current
  changedAt.current = clock.now()
  if (changedAt.current - last >= QUIET_MS) {
    const unwatch = watch()
    return () => unwatch?.()
  }
  meanwhile?.()
  let unwatch: Cleanup
  const cancel = clock.after(QUIET_MS, () => (unwatch = watch()))
  return () => {
    cancel()
    unwatch?.()
  }
}
