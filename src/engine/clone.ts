import type { EventNo } from './ids'
import { nth } from './must'
import type { EventRecord, SimState, Transition, Work } from './types'

/**
 * Copy-on-write for the public API. A call used to `structuredClone` the whole state, so one step
 * of a 7,500-event run cost ~70 ms, nearly all of it copying event records that never change
 * again. Now a call copies the small mutable parts (environments, queue, counters, the model's
 * per-event number arrays) and shares every event record with its input; a record is copied the
 * first time the call writes to it (`edit`). Finished records end up shared by every state of a
 * history, which also keeps checkpoints small.
 *
 * Rules this relies on (deep-frozen inputs in the property tests catch a breach):
 * - the scenario, occurrences, invocations, deliveries and manual events are never mutated once
 *   made (they are replaced);
 * - event records are only written through `edit(w, n)`;
 * - model state is plain data whose arrays are homogeneous (see copyData).
 */

/** A fresh working context on a state this call owns (records from `base` on were made by it). */
export function work(s: SimState, log: Transition[] | null, base = s.events.length, narrate?: Work['narrate']): Work {
  return narrate ? { s, log, base, owned: new Set<EventNo>(), narrate } : { s, log, base, owned: new Set<EventNo>() }
}

/**
 * Past this many elements an array's copy gets room to grow: V8 keeps such arrays in its large-object
 * space, where a copy costs about 30 ns an element, and a call's first append to an exact-size copy
 * (the next event's entry in each per-event array) copied it a second time to make room.
 */
const LARGE = 16384
/** Free slots a large copy starts with: the appends of one engine call, most often. */
const ROOM: readonly never[] = Object.freeze(new Array<never>(1024))

/**
 * A copy of `x`, with room for ROOM.length appends when it is large: one copy where slice() and
 * the first append made two. (The copy is holey in V8's terms; every index below its length is set.)
 */
export function grown<T>(x: readonly T[]): T[] {
  if (x.length < LARGE) return x.slice()
  const c = x.concat(ROOM)
  c.length = x.length
  return c
}

/** The input state with its mutable parts copied and its event records shared. */
export function cloneState(s: SimState): SimState {
  const c = s.concurrency
  const m = s.metrics
  return {
    ...s,
    queue: s.queue.slice(),
    idOffset: s.idOffset.slice(),
    events: grown(s.events),
    envs: s.envs.map((e) => ({ ...e })),
    invocations: { ...s.invocations },
    manual: s.manual.slice(),
    concurrency: { ...c, idleOnDemand: c.idleOnDemand.slice(), idleProvisioned: c.idleProvisioned.slice() },
    metrics: { ...m, durationHist: { ...m.durationHist } },
    sync: copyData(s.sync),
    async: copyData(s.async),
    sqs: copyData(s.sqs),
    stream: copyData(s.stream),
    packed: copyData(s.packed),
  }
}

/**
 * The record of event `n`, writable by this call: copied on the first write unless this call made
 * it. Attempts are copied too (a running attempt is closed in place); deliveries are only appended.
 */
export function edit(w: Work, n: EventNo): EventRecord {
  const events = w.s.events
  const ev = nth(events, n)
  if (n >= w.base || w.owned.has(n)) return ev
  const copy: EventRecord = { ...ev, attempts: ev.attempts.map((a) => ({ ...a })), deliveries: ev.deliveries.slice() }
  events[n] = copy
  w.owned.add(n)
  return copy
}

/**
 * Deep copy of plain model data. An array whose first element is not an object is copied flat:
 * model arrays hold one kind of value each (numbers, strings, or objects of one shape).
 */
export function copyData<T>(x: T): T {
  if (typeof x !== 'object' || x === null) return x
  if (Array.isArray(x)) {
    const first: unknown = x[0]
    if (typeof first !== 'object' || first === null) return grown(x) as T
    return x.map(copyData) as T
  }
  const out: Record<string, unknown> = {}
  for (const k in x) out[k] = copyData((x as Record<string, unknown>)[k])
  return out as T
}

/** Two event records hold the same data (records are plain JSON data). */
function sameRecord(a: EventRecord, b: EventRecord): boolean {
  if (a.outcome !== b.outcome || a.stage !== b.stage || a.since !== b.since || a.ran !== b.ran) return false
  if (a.attempts.length !== b.attempts.length || a.deliveries.length !== b.deliveries.length) return false
  return sameData(a, b)
}

/**
 * Two plain JSON values are equal. Comparing two strings of JSON.stringify cost the step back near
 * the end of a 100,000-event run some 2 ms; a key missing on one side equals one set to undefined,
 * as in JSON.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  for (const k in x) if (!sameData(x[k], y[k])) return false
  for (const k in y) if (!(k in x) && y[k] !== undefined) return false
  return true
}

/**
 * At the end of a call: each record the call wrote (copied or made) that equals `from`'s record of
 * the same event becomes `from`'s object. The call owns its state's events array, so this costs
 * the records it wrote, not the run's length (shareRecords walks every record and copies the array).
 */
export function shareWritten(w: Work, from: SimState): void {
  const mine = w.s.events
  const theirs = from.events
  const share = (n: number) => {
    const a = mine[n]
    const b = theirs[n]
    if (a !== undefined && b !== undefined && a !== b && sameRecord(a, b)) mine[n] = b
  }
  for (const n of w.owned) share(n)
  for (let n = w.base; n < mine.length && n < theirs.length; n++) share(n)
}

/**
 * `state` with every event record that equals `from`'s record of the same event replaced by
 * `from`'s object. Two runs of the same history (the visualizer's playhead and the run computed
 * ahead of it) make equal but separate records; sharing them halves what a long run keeps. Pure:
 * returns `state` itself when nothing can be shared.
 */
export function shareRecords(state: SimState, from: SimState): SimState {
  const mine = state.events
  const theirs = from.events
  const n = Math.min(mine.length, theirs.length)
  let events: EventRecord[] | null = null
  for (let i = 0; i < n; i++) {
    const a = mine[i]
    const b = theirs[i]
    if (a === b || a === undefined || b === undefined || !sameRecord(a, b)) continue
    events ??= mine.slice()
    events[i] = b
  }
  return events ? { ...state, events } : state
}
