import type { EventNo } from './ids'
import { nth } from './must'
import type { ReportAttempt, ReportEvent } from './report'
import type { Attempt, AttemptResult, Delivery, DeliveryTarget, EventRecord, Outcome, SimState } from './types'
import { MANUAL_ENTRY_BASE } from './types'

/**
 * Finished events kept for the report as numbers, not objects (createSim `packEvents`, what
 * `npm run sim` uses for a full report). Keeping a million synchronous requests as records is six
 * objects each (record, id, attempts, attempt, deliveries, delivery) that outlive the young
 * generation: the collector copied and marked half a gigabyte of them, and that was most of the
 * full report's cost over a metrics-only run. Here the model releases an event it is done with, as in
 * a metrics-only run, and its report data go into one flat number array (plain data, so the state
 * stays serializable). reportText.ts writes them with templates; report.ts `buildReport` unpacks them.
 *
 * Only what the report shows is kept, and only shapes this file knows: an event whose record holds
 * anything else (a batch, a model's extra attempt field, a delivery with a record or condition, an
 * id not made from its workload entry) keeps its record, so the report is the same either way.
 */
export interface PackedEvents {
  /** Per event number: where its numbers start in `data`, or -1 (its record is in `s.events`). */
  at: number[]
  /**
   * Per packed event, in the order they were packed: 2 numbers, then 2 per attempt, then 2 per
   * delivery (as few as that, so a million events are a few tens of MB in one flat array; whole
   * numbers below 2^53, exact as doubles):
   * - the id's number (`<prefix>-<number>`), then `((entry * 8 + outcome) * 1024 + attempts) * 1024 + deliveries`;
   * - an attempt: `atMs`, then `(((end * ENV + environment) * 64 + reason) * 32) + result * 4 + coldStart`
   *   where end is endMs − atMs + 1 (0: null), environment and reason are numbers + 1 (0: none),
   *   coldStart 0 false, 1 true, 2 absent;
   * - a delivery: `atMs`, then `((status * 64 + reason) * 32) + target * 4 + functionError`, status
   *   and reason + 1 (0: none), functionError 0 none, 1 Handled, 2 Unhandled.
   */
  data: number[]
  /** Reasons, by number (a handful: the throttle Reasons, CallerTimeout). */
  strings: string[]
}

/** Radix of an attempt's environment number (+ 1): more environments than this keep their records. */
export const ENV = 1 << 20
/** An attempt's end − start + 1 below this (about 35 minutes; a handler runs at most 15). */
const MAX_END = 1 << 21
/** Radix of the attempt and delivery counts. */
export const COUNT = 1024
/** At most this many distinct reasons (+ 1 below 64); past it events keep their records. */
const MAX_STRINGS = 63
/** Entries (workload and hand-sent) below this. */
const MAX_ENTRY = 1 << 24

export const OUTCOMES: readonly Outcome[] = ['succeeded', 'failed', 'throttled', 'filtered', 'pending']
export const RESULTS: readonly AttemptResult[] = ['success', 'error', 'timeout', 'throttled', 'running']
export const TARGETS: readonly DeliveryTarget[] = ['caller', 'onSuccess', 'onFailure', 'dlq', 'discarded']
export const FUNCTION_ERRORS: readonly (string | undefined)[] = [undefined, 'Handled', 'Unhandled']

export function emptyPacked(): PackedEvents {
  return { at: [], data: [], strings: [] }
}

/** Whole, non-negative milliseconds (the sentinels -1 above are then unambiguous). */
function isTime(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && Number.isSafeInteger(v)
}

/** The id prefix event `ev` was numbered under (arrivals.ts `arrive`). */
export function idPrefix(s: SimState, entry: number): string | null {
  if (entry >= MANUAL_ENTRY_BASE) return 'you'
  const e = s.scenario.workload[entry]
  return e ? e.idPrefix : null
}

/** The number after `prefix-` in `id`, or -1 when the id is not exactly `prefix-<n>` in plain ASCII. */
function idNumber(id: string, prefix: string): number {
  const p = prefix.length
  if (id.length <= p + 1 || id.length > p + 16 || id.charCodeAt(p) !== 45 || !id.startsWith(prefix)) return -1
  // Characters JSON writes as they are (reportText.ts writes the prefix byte for byte).
  for (let i = 0; i < p; i++) {
    const c = prefix.charCodeAt(i)
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return -1
  }
  if (id.charCodeAt(p + 1) === 48) return -1
  let num = 0
  for (let i = p + 1; i < id.length; i++) {
    const c = id.charCodeAt(i)
    if (c < 48 || c > 57) return -1
    num = num * 10 + (c - 48)
  }
  return Number.isSafeInteger(num) ? num : -1
}

function stringNo(p: PackedEvents, text: unknown): number {
  if (typeof text !== 'string') return -2
  const strings = p.strings
  for (let i = 0; i < strings.length; i++) if (strings[i] === text) return i
  if (strings.length >= MAX_STRINGS) return -2
  strings.push(text)
  return strings.length - 1
}

/** The number of the environment named `id` (`env-<n+1>`, environments.ts), or -2. */
function envNo(s: SimState, id: unknown): number {
  if (typeof id !== 'string' || !id.startsWith('env-')) return -2
  const k = Number(id.slice(4)) - 1
  return s.envs[k]?.id === id ? k : -2
}

/** An attempt's second number (see PackedEvents), or -1 when it holds what this form cannot. */
function attemptCode(s: SimState, p: PackedEvents, a: Attempt): number {
  for (const key in a) {
    if (
      key !== 'atMs' &&
      key !== 'endMs' &&
      key !== 'result' &&
      key !== 'coldStart' &&
      key !== 'environment' &&
      key !== 'reason' &&
      key !== 'inv' &&
      (a as unknown as Record<string, unknown>)[key] !== undefined
    )
      return -1
  }
  const endMs = a.endMs
  if (!isTime(a.atMs) || (endMs !== null && !(isTime(endMs) && endMs >= a.atMs && endMs - a.atMs + 1 < MAX_END)))
    return -1
  const result = RESULTS.indexOf(a.result)
  const cold = a.coldStart === undefined ? 2 : a.coldStart === true ? 1 : a.coldStart === false ? 0 : -1
  if (result < 0 || cold < 0) return -1
  const env = a.environment === undefined ? -1 : envNo(s, a.environment)
  const reason = a.reason === undefined ? -1 : stringNo(p, a.reason)
  if (env === -2 || env + 1 >= ENV || reason === -2) return -1
  const end = endMs === null ? 0 : endMs - a.atMs + 1
  return ((end * ENV + env + 1) * 64 + reason + 1) * 32 + result * 4 + cold
}

/** Delivery keys in the order `deliver` (core.ts) makes them; anything else keeps the record. */
const DELIVERY_KEYS = ['to', 'atMs', 'status', 'functionError', 'reason']

/** A delivery's second number (see PackedEvents), or -1 when it holds what this form cannot. */
function deliveryCode(p: PackedEvents, d: Delivery): number {
  let last = -1
  for (const key in d) {
    if ((d as unknown as Record<string, unknown>)[key] === undefined) continue
    const i = DELIVERY_KEYS.indexOf(key)
    if (i <= last) return -1
    last = i
  }
  const to = TARGETS.indexOf(d.to)
  const fe = FUNCTION_ERRORS.indexOf(d.functionError)
  const status = d.status
  if (to < 0 || fe < 0 || !isTime(d.atMs) || (status !== undefined && !(isTime(status) && status < ENV))) return -1
  const reason = d.reason === undefined ? -1 : stringNo(p, d.reason)
  if (reason === -2) return -1
  return ((status === undefined ? 0 : status + 1) * 64 + reason + 1) * 32 + to * 4 + fe
}

/**
 * Packs finished event `n` (its model will not read or change it again); false when its record
 * holds something this form cannot (then the caller keeps the record).
 */
export function pack(s: SimState, p: PackedEvents, n: EventNo): boolean {
  const ev: EventRecord = nth(s.events, n)
  const prefix = idPrefix(s, ev.entry)
  const num = prefix === null ? -1 : idNumber(ev.id, prefix)
  const outcome = OUTCOMES.indexOf(ev.outcome)
  const attempts = ev.attempts
  const deliveries = ev.deliveries
  const na = attempts.length
  const nd = deliveries.length
  if (num < 0 || outcome < 0 || ev.entry < 0 || ev.entry >= MAX_ENTRY || na >= COUNT || nd >= COUNT) return false
  const data = p.data
  const start = data.length
  data.push(num, ((ev.entry * 8 + outcome) * COUNT + na) * COUNT + nd)
  for (let i = 0; i < na; i++) {
    const a = nth(attempts, i)
    const code = attemptCode(s, p, a)
    if (code < 0) {
      data.length = start
      return false
    }
    data.push(a.atMs, code)
  }
  for (let i = 0; i < nd; i++) {
    const d = nth(deliveries, i)
    const code = deliveryCode(p, d)
    if (code < 0) {
      data.length = start
      return false
    }
    data.push(d.atMs, code)
  }
  const at = p.at
  while (at.length <= n) at.push(-1)
  at[n] = start
  return true
}

/** A packed event's offset in `p.ev`, or -1 when event `n` keeps its record. */
export function packedAt(s: SimState, n: number): number {
  const p = s.packed
  return p === null ? -1 : (p.at[n] ?? -1)
}

/** A packed event's head (see PackedEvents): entry, outcome, attempts, deliveries. */
export function packedHead(code: number): { entry: number; outcome: number; attempts: number; deliveries: number } {
  const deliveries = code % COUNT
  const rest = (code - deliveries) / COUNT
  const attempts = rest % COUNT
  const eo = (rest - attempts) / COUNT
  return { entry: Math.floor(eo / 8), outcome: eo % 8, attempts, deliveries }
}

/** The report's view of a packed event (report.ts `buildReport`): the fields and order reportAttempt gives. */
export function unpack(s: SimState, k: number): ReportEvent {
  const p = s.packed
  if (p === null) throw new Error('unpack: the run packed no events')
  const data = p.data
  const head = packedHead(nth(data, k + 1))
  let j = k + 2
  const attempts: Record<string, unknown>[] = []
  for (let i = 0; i < head.attempts; i++, j += 2) {
    const atMs = nth(data, j)
    let code = nth(data, j + 1)
    const low = code % 32
    code = (code - low) / 32
    const reason = (code % 64) - 1
    code = (code - reason - 1) / 64
    const env = (code % ENV) - 1
    const end = (code - env - 1) / ENV
    const out: Record<string, unknown> = {
      atMs,
      endMs: end === 0 ? null : atMs + end - 1,
      result: nth(RESULTS, low >> 2),
    }
    if ((low & 3) !== 2) out.coldStart = (low & 3) === 1
    if (env !== -1) out.environment = nth(s.envs, env).id
    if (reason !== -1) out.reason = nth(p.strings, reason)
    attempts.push(out)
  }
  const deliveries: Delivery[] = []
  for (let i = 0; i < head.deliveries; i++, j += 2) {
    let code = nth(data, j + 1)
    const low = code % 32
    code = (code - low) / 32
    const reason = (code % 64) - 1
    const status = (code - reason - 1) / 64 - 1
    const out: Record<string, unknown> = { to: nth(TARGETS, low >> 2), atMs: nth(data, j) }
    if (status !== -1) out.status = status
    const fe = FUNCTION_ERRORS[low & 3]
    if (fe !== undefined) out.functionError = fe
    if (reason !== -1) out.reason = nth(p.strings, reason)
    deliveries.push(out as unknown as Delivery)
  }
  return {
    id: `${idPrefix(s, head.entry) ?? ''}-${nth(data, k)}`,
    outcome: nth(OUTCOMES, head.outcome),
    attempts: attempts as unknown as ReportAttempt[],
    deliveries,
  }
}
