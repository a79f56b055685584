import { edit } from '../clone'
import { pat, pget, pset } from '../paged'
import { internalError } from '../must'
import type { EventNo } from '../ids'
import { setStage } from '../core'
import type { EventRecord, SimState, TokenStage, Work } from '../types'
import type { AsyncModelState } from './asyncTypes'

/** Constants and small helpers shared by the asynchronous model's files. */

export const RETRY_DELAYS_MS = [60000, 120000] as const
export const BACKOFF_START_MS = 1000
export const BACKOFF_MAX_MS = 300000
export { FUNCTION_ARN } from '../records'

export function st(s: SimState): AsyncModelState {
  return s.async ?? internalError('no async model state')
}

export function ids(ev: EventRecord): { events: string[] } {
  return { events: [ev.id] }
}

/** Moves the main chain of an event to a stage; the token follows unless a duplicate still runs. */
export function chainTo(w: Work, n: EventNo, stage: TokenStage): void {
  const a = st(w.s)
  const old = pget(a.chain, n)
  if (old === 'queued') a.queued--
  else if (old === 'waiting') a.waiting--
  if (stage === 'queued') a.queued++
  else if (stage === 'waiting') a.waiting++
  pset(a.chain, n, stage)
  const ev = edit(w, n)
  if (pat(a.dupInv, n) >= 0 && stage !== 'running') return
  if (ev.stage !== stage) setStage(w, ev.n, stage)
}
