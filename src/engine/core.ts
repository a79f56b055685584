import { internalError } from './must'
import { edit } from './clone'
import { heapPush } from './heap'
import { pack } from './packed'
import type { EventNo } from './ids'
import type { Fact } from './facts'
import type {
  Attempt,
  Delivery,
  DocRef,
  EventRecord,
  Occurrence,
  OccurrenceKind,
  PayloadOf,
  TokenStage,
  Transition,
  TransitionType,
  Work,
} from './types'
import { isHousekeeping } from './types'

/**
 * What a released event's slot holds in a metrics-only run: one frozen record for all of them, so
 * a model that wrongly touched an event after releasing it fails loudly instead of corrupting data.
 */
export const RELEASED: EventRecord = Object.freeze({
  id: '(released)',
  n: -1,
  entry: -1,
  arrivedAt: 0,
  fail: 'never',
  durationMs: null,
  groupId: '',
  partitionKey: '',
  matchesFilter: true,
  ran: 0,
  outcome: 'pending',
  stage: 'arriving',
  since: 0,
  attempts: Object.freeze([]) as unknown as EventRecord['attempts'],
  deliveries: Object.freeze([]) as unknown as EventRecord['deliveries'],
}) as EventRecord

/**
 * A model is done with event `n` for good (nothing scheduled will read or change it). In a
 * metrics-only run (`keepEvents` false) its record is dropped; in a packed run (`s.packed`) its
 * report data are packed (packed.ts) and the record dropped; otherwise nothing happens.
 */
export function release(w: Work, n: EventNo): void {
  const s = w.s
  if (!s.keepEvents) s.events[n] = RELEASED
  // The custom element's build defines __LEM_ELEMENT__ (vite.element.config.ts): it never packs
  // (only `npm run sim`'s full report does), so packed.ts stays out of its budgeted bytes.
  else if (!(typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__) && s.packed !== null && pack(s, s.packed, n))
    s.events[n] = RELEASED
}

/** A whole number of milliseconds as a small integer when it fits (see schedule). */
export function small(ms: number): number {
  const t = ms | 0
  return t === ms ? t : ms
}

/**
 * Schedules an occurrence on the owned state. Never in the past: `at` is clamped to now. `atArrival`
 * marks a first try that belongs to its arrival (an async event's first try): it runs after the
 * millisecond's arrivals and before every other occurrence of it (spec "Ordering and time").
 */
export const schedule: <K extends OccurrenceKind>(w: Work, kind: K, at: number, ...payload: PayloadOf<K>) => void =
  scheduleAt

// Positional parameters, not a rest array: this runs once per occurrence (millions in a bulk run).
function scheduleAt(w: Work, kind: OccurrenceKind, at: number, a = 0, b = 0, atArrival = false): void {
  const s = w.s
  const time = at < s.now ? s.now : at
  // Times are whole milliseconds; kept as small integers when they fit, V8 stores them unboxed. One
  // boxed time (a float from the RNG's arithmetic) turns every time field of that shape into a
  // boxed number: 4 extra heap objects per event, a tenth of a million-event run's memory.
  heapPush(s.queue, {
    at: small(time),
    seq: s.seq++,
    pri: kind === 'arrival' ? 0 : kind === 'settle' ? -1 : atArrival ? 1 : 2,
    kind,
    a,
    b,
  } as Occurrence)
  if (!isHousekeeping(kind)) s.work++
}

/**
 * Records a transition when the caller asked for the log (skipped in headless bulk runs). Every
 * transition carries its fact: rules call `tell` (through a captions module's `sayX`), not this.
 */
function emit(
  w: Work,
  type: TransitionType,
  ref: DocRef,
  text: string,
  extra: Pick<Transition, 'events' | 'env' | 'batch'> | undefined,
  fact: Fact,
): void {
  if (!w.log) return
  const to = w.lastTo ?? undefined
  w.lastTo = null
  // Captions may open with a name such as "the SDK client"; ids (evt-1) keep their case.
  const sentence = /^(the|a|an) /.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text
  w.log.push({
    at: w.s.now,
    step: w.s.step,
    type,
    ref,
    text: sentence,
    ...extra,
    ...(to ? { to } : {}),
    fact,
  })
}

/**
 * Records a fact with its caption when the caller asked for the log. Build the fact only inside
 * `if (w.log)` (bulk runs make no facts and no captions).
 */
export function tell(w: Work, fact: Fact, extra?: Pick<Transition, 'events' | 'env' | 'batch'>): void {
  if (!w.log) return
  const narrate = w.narrate ?? internalError('a work that logs has no narrator')
  const c = narrate(fact, w.s.scenario)
  emit(w, c.type, c.ref, c.text, extra, fact)
}

/** True when transitions are being collected, so callers can skip building caption text. */
export function logging(w: Work): boolean {
  return w.log !== null
}

export function touch(w: Work): void {
  w.s.lastActivityAt = w.s.now
}

/** Moves event `n`'s token (for the view). */
export function setStage(w: Work, n: EventNo, stage: TokenStage): void {
  const ev = edit(w, n)
  ev.stage = stage
  ev.since = w.s.now
}

/**
 * Adds a delivery to the event's record and counts it in the metrics it feeds. `count` is false
 * for the other records of one destination message (a discarded stream batch sends one message).
 */
export function deliver(w: Work, n: EventNo, d: Omit<Delivery, 'atMs'>, count = true): void {
  const m = w.s.metrics
  const ev = edit(w, n)
  if (w.log) w.lastTo = d.to
  const record: Delivery = Object.assign({ to: d.to, atMs: w.s.now }, d)
  if (ev.deliveries.length === 0) ev.deliveries = [record]
  else ev.deliveries.push(record)
  if (!count) return touch(w)
  if (d.to === 'onFailure') m.OnFailureDeliveries++
  else if (d.to === 'onSuccess') m.OnSuccessDeliveries++
  else if (d.to === 'dlq') m.DeadLetterMessages++
  touch(w)
}

/**
 * Appends an attempt. The first one replaces the empty array with an exact-size one: a push onto
 * `[]` reserves room for 17 elements, which over a million events is most of the engine's memory.
 */
export function addAttempt(w: Work, n: EventNo, attempt: Attempt): void {
  const ev = edit(w, n)
  if (ev.attempts.length === 0) ev.attempts = [attempt]
  else ev.attempts.push(attempt)
}
