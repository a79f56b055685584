import type { EventRecord } from './types'

/**
 * The record itself made its last attempt fail and will fail again (`fail: "always"`, or `fail: N`
 * not used up yet): the poison record a stage marks, not a victim of errorRate or of its batch.
 */
export function failsItself(ev: EventRecord): boolean {
  const last = ev.attempts[ev.attempts.length - 1]
  if (!last || (last.result !== 'error' && last.result !== 'timeout')) return false
  return ev.fail === 'always' || (typeof ev.fail === 'number' && ev.ran <= ev.fail)
}
