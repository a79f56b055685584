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
 * a metrics-only run, and its report data go into a few flat number arrays (plain data, so the state
 * stays serializable). reportText.ts writes them with templates; report.ts `buildReport` unpacks them.
 *
 * Only what the report shows is kept, and only shapes this file knows: an event whose record holds
 * anything else (a batch, a model's extra attempt field, a delivery with a record or condition, an
 * id not made from its workload entry) keeps its record, so the report is the same either way.
 */
export interface PackedEvents {
  /** Per event number: its offset in `ev`, or -1 (its record is in `s.events`). */
  at: number[]
  /** Per packed event, EV_FIELDS numbers: entry, id number, outcome, first attempt, attempts, first delivery, deliveries. */
  ev: number[]
  /** Per attempt, ATT_FIELDS numbers: atMs, endMs (-1: null), result * 4 + coldStart (0 false, 1 true, 2 absent), environment (-1: none), reason (-1: none). */
  att: number[]
  /** Per delivery, DEL_FIELDS numbers: target * 4 + functionError (0 none, 1 Handled, 2 Unhandled), atMs, status (-1: none), reason (-1: none). */
  del: number[]
  /** Reasons, by number (a handful: the throttle Reasons, CallerTimeout). */
  strings: string[]
}

export const EV_FIELDS = 7
export const ATT_FIELDS = 5
export const DEL_FIELDS = 4
/** At most this many distinct reasons; past it events keep their records. */
const MAX_STRINGS = 64

export const OUTCOMES: readonly Outcome[] = ['succeeded', 'failed', 'throttled', 'filtered', 'pending']
export const RESULTS: readonly AttemptResult[] = ['success', 'error', 'timeout', 'throttled', 'running']
export const TARGETS: readonly DeliveryTarget[] = ['caller', 'onSuccess', 'onFailure', 'dlq', 'discarded']
export const FUNCTION_ERRORS: readonly (string | undefined)[] = [undefined, 'Handled', 'Unhandled']

export function emptyPacked(): PackedEvents {
  return { at: [], ev: [], att: [], del: [], strings: [] }
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

/** Attempt fields in the order the report lists them: any other defined field keeps the record. */
function packAttempt(s: SimState, p: PackedEvents, a: Attempt, out: number[]): boolean {
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
      return false
  }
  const endMs = a.endMs
  if (!isTime(a.atMs) || (endMs !== null && !isTime(endMs))) return false
  const result = RESULTS.indexOf(a.result)
  const cold = a.coldStart === undefined ? 2 : a.coldStart === true ? 1 : a.coldStart === false ? 0 : -1
  if (result < 0 || cold < 0) return false
  const env = a.environment === undefined ? -1 : envNo(s, a.environment)
  const reason = a.reason === undefined ? -1 : stringNo(p, a.reason)
  if (env === -2 || reason === -2) return false
  out.push(a.atMs, endMs === null ? -1 : endMs, result * 4 + cold, env, reason)
  return true
}

/** Delivery keys in the order `deliver` (core.ts) makes them; anything else keeps the record. */
const DELIVERY_KEYS = ['to', 'atMs', 'status', 'functionError', 'reason']

function packDelivery(p: PackedEvents, d: Delivery, out: number[]): boolean {
  let last = -1
  for (const key in d) {
    if ((d as unknown as Record<string, unknown>)[key] === undefined) continue
    const i = DELIVERY_KEYS.indexOf(key)
    if (i <= last) return false
    last = i
  }
  const to = TARGETS.indexOf(d.to)
  const fe = FUNCTION_ERRORS.indexOf(d.functionError)
  const status = d.status
  if (to < 0 || fe < 0 || !isTime(d.atMs) || (status !== undefined && !isTime(status))) return false
  const reason = d.reason === undefined ? -1 : stringNo(p, d.reason)
  if (reason === -2) return false
  out.push(to * 4 + fe, d.atMs, status === undefined ? -1 : status, reason)
  return true
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
  if (num < 0 || outcome < 0) return false
  const att = p.att.length
  const del = p.del.length
  const attempts = ev.attempts
  const deliveries = ev.deliveries
  let ok = true
  for (let i = 0; ok && i < attempts.length; i++) ok = packAttempt(s, p, nth(attempts, i), p.att)
  for (let i = 0; ok && i < deliveries.length; i++) ok = packDelivery(p, nth(deliveries, i), p.del)
  if (!ok) {
    p.att.length = att
    p.del.length = del
    return false
  }
  const at = p.at
  while (at.length <= n) at.push(-1)
  at[n] = p.ev.length
  p.ev.push(ev.entry, num, outcome, att, attempts.length, del, deliveries.length)
  return true
}

/** A packed event's offset in `p.ev`, or -1 when event `n` keeps its record. */
export function packedAt(s: SimState, n: number): number {
  const p = s.packed
  return p === null ? -1 : (p.at[n] ?? -1)
}

/** The report's view of a packed event (report.ts `buildReport`): the fields and order reportAttempt gives. */
export function unpack(s: SimState, k: number): ReportEvent {
  const p = s.packed
  if (p === null) throw new Error('unpack: the run packed no events')
  const ev = p.ev
  const entry = nth(ev, k)
  const attempts: Record<string, unknown>[] = []
  const a0 = nth(ev, k + 3)
  for (let i = 0; i < nth(ev, k + 4); i++) {
    const j = a0 + i * ATT_FIELDS
    const end = nth(p.att, j + 1)
    const code = nth(p.att, j + 2)
    const out: Record<string, unknown> = {
      atMs: nth(p.att, j),
      endMs: end === -1 ? null : end,
      result: nth(RESULTS, code >> 2),
    }
    if ((code & 3) !== 2) out.coldStart = (code & 3) === 1
    const env = nth(p.att, j + 3)
    if (env !== -1) out.environment = nth(s.envs, env).id
    const reason = nth(p.att, j + 4)
    if (reason !== -1) out.reason = nth(p.strings, reason)
    attempts.push(out)
  }
  const deliveries: Delivery[] = []
  const d0 = nth(ev, k + 5)
  for (let i = 0; i < nth(ev, k + 6); i++) {
    const j = d0 + i * DEL_FIELDS
    const code = nth(p.del, j)
    const out: Record<string, unknown> = { to: nth(TARGETS, code >> 2), atMs: nth(p.del, j + 1) }
    const status = nth(p.del, j + 2)
    if (status !== -1) out.status = status
    const fe = FUNCTION_ERRORS[code & 3]
    if (fe !== undefined) out.functionError = fe
    const reason = nth(p.del, j + 3)
    if (reason !== -1) out.reason = nth(p.strings, reason)
    deliveries.push(out as unknown as Delivery)
  }
  return {
    id: `${idPrefix(s, entry) ?? ''}-${nth(ev, k + 1)}`,
    outcome: nth(OUTCOMES, nth(ev, k + 2)),
    attempts: attempts as unknown as ReportAttempt[],
    deliveries,
  }
}
