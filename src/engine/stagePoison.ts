import type { EventRecord } from './types'

/**
 * The record itself has made an attempt fail and is not through with failing (`fail: "always"`,
 * or `fail: N` not used up yet): the poison record a stage marks, not a victim of errorRate or
 * of its batch.
 */
export function failsItself(ev: EventRecord): boolean {
  if (ev.fail === 'never' || (typeof ev.fail === 'number' && ev.ran > ev.fail)) return false
  return ev.attempts.some((a) => a.result === 'error' || a.result === 'timeout')
}
