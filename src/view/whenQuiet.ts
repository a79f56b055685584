import { browserClock as clock } from '../store/clock'

/**
 * Changes closer together than this (ms) are measured once they stop: at thousands of events a
 * second the caption changes every frame, and each measurement forces a layout (BENCHMARKS.md,
 * "Frame rate while playing").
 */
export const QUIET_MS = 250

type Cleanup = (() => void) | undefined

/** What a `changedAt` ref starts at: nothing has changed yet. */
export const NEVER = Number.NEGATIVE_INFINITY

/**
 * For a layout effect that measures: runs `watch` at once when the last change (`changedAt`, kept
 * by the caller in a ref that starts at NEVER) was QUIET_MS or more ago, as on every step a reader
 * takes; otherwise `meanwhile` now and `watch` once the changes have stopped for QUIET_MS. The first
 * run (the first frame) is not a change: a step taken right after it is measured at once. Returns
 * the cleanup.
 */
export function whenQuiet(changedAt: { current: number }, watch: () => Cleanup, meanwhile?: () => void): () => void {
  const last = changedAt.current
  // After the first run the ref holds a time long past, so the next change counts as quiet.
  changedAt.current = last === NEVER ? -1e12 : clock.now()
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
