import type { Transition, TransitionType } from './types'

/**
 * What a transition means to someone watching the stage. The store groups steps into beats (one
 * thing a person can see happen) from these kinds; the engine alone decides them.
 * - 'arrival': something enters (an event arrives, is accepted, is queued). Arrivals of one
 *   millisecond are one beat ("30 messages arrive").
 * - 'reappear': an SQS message becomes visible again. Those of one millisecond are one beat.
 * - 'change': anything else a person sees (a start, a failure, a retry, a delivery ...).
 * - 'housekeeping': nothing on the stage changes for the story (idle reclaim, poller scaling ticks);
 *   never a beat of its own.
 */
export type BeatKind = 'arrival' | 'reappear' | 'change' | 'housekeeping'

const KIND: Readonly<Record<TransitionType, BeatKind>> = {
  arrived: 'arrival',
  accepted: 'arrival',
  queued: 'arrival',
  invoked: 'change',
  coldStart: 'change',
  throttled: 'change',
  succeeded: 'change',
  functionError: 'change',
  timedOut: 'change',
  responded: 'change',
  callerTimedOut: 'change',
  retryScheduled: 'change',
  retried: 'change',
  delivered: 'change',
  dlq: 'change',
  discarded: 'change',
  expired: 'change',
  reclaimed: 'housekeeping',
  polled: 'change',
  batchFormed: 'change',
  visible: 'reappear',
  deleted: 'change',
  filtered: 'change',
  bisected: 'change',
  checkpointed: 'change',
  scaled: 'housekeeping',
  command: 'change',
  attemptFailed: 'change',
}

export function beatKindOf(type: TransitionType): BeatKind {
  return KIND[type]
}

/**
 * The kind of one step from its transitions: housekeeping when nothing visible happened (no
 * transition, or only housekeeping ones); 'arrival' / 'reappear' when that is all it did (besides
 * housekeeping); else 'change'.
 */
export function stepBeatKind(transitions: readonly Pick<Transition, 'type'>[]): BeatKind {
  let kind: BeatKind = 'housekeeping'
  for (const t of transitions) {
    const k = KIND[t.type]
    if (k === 'housekeeping' || k === kind) continue
    if (k === 'change' || kind !== 'housekeeping') return 'change'
    kind = k
  }
  return kind
}
