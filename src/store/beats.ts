import { stepBeatKind } from '../engine'
import type { BeatKind, Transition } from '../engine'

/**
 * Beats: what Step forward / back, Play and the clicker move by. A beat is one thing a person can
 * see happen, made of consecutive steps (occurrences): the engine says what each step means
 * (`stepBeatKind`), this groups them.
 * - A 'change' step ends a beat.
 * - 'arrival' (or 'reappear') steps of one millisecond are one beat ("30 messages arrive").
 * - Housekeeping steps (no visible transition) never make a beat: they join the next beat, and
 *   at the end of a finished run the last one.
 * Beat 0 is step 0 (the start). Each beat is known by its last step (its end); the cursor on a
 * beat's end shows that beat. Pure functions over an append-only index built as the run is
 * computed ahead (frontier.ts).
 */

/** Ends are kept in chunks, so appending copies at most one chunk (the index grows with the run). */
const CHUNK = 4096

/** Beats indexed past this many are not recorded: stepping goes by single steps beyond it. */
export const MAX_BEATS = 1 << 20

/** An open group of same-millisecond arrivals (or reappearances) not yet closed. */
interface Group {
  readonly kind: BeatKind
  readonly at: number
  readonly last: number
}

export interface BeatIndex {
  /** Last steps of the closed beats, ascending, in chunks of CHUNK; the first is 0 (beat 0). */
  readonly ends: readonly (readonly number[])[]
  readonly count: number
  /** The last step fed. */
  readonly upTo: number
  readonly group: Group | null
  /** The run is finished: every step up to `upTo` is in a closed beat. */
  readonly closed: boolean
  /** The index stopped at MAX_BEATS. */
  readonly full: boolean
}

export const EMPTY_BEATS: BeatIndex = { ends: [[0]], count: 1, upTo: 0, group: null, closed: false, full: false }

/** The end of beat `i` (below `count`). */
export function endAt(b: BeatIndex, i: number): number {
  const end = b.ends[Math.floor(i / CHUNK)]?.[i % CHUNK]
  if (end === undefined) throw new RangeError(`No beat ${i} in an index of ${b.count}`)
  return end
}

function lastEnd(b: BeatIndex): number {
  return endAt(b, b.count - 1)
}

/** Appends ends (ascending, after the last one) to the index. */
function push(b: BeatIndex, add: readonly number[]): BeatIndex {
  if (add.length === 0) return b
  const ends = b.ends.slice()
  let count = b.count
  let tail = (ends.pop() ?? []).slice()
  ends.push(tail)
  for (const e of add) {
    if (count >= MAX_BEATS) return { ...b, ends, count, full: true }
    if (tail.length === CHUNK) {
      tail = []
      ends.push(tail)
    }
    tail.push(e)
    count++
  }
  return { ...b, ends, count }
}

/**
 * Feeds the transitions of steps after `b.upTo` up to `toStep` (in step order; steps with no
 * transition are housekeeping). Transitions of steps already fed (a command at the cursor) are skipped.
 */
export function feedBeats(b: BeatIndex, transitions: readonly Transition[], toStep: number): BeatIndex {
  if (b.full || toStep <= b.upTo) return b
  const add: number[] = []
  let group = b.group
  let i = 0
  while (i < transitions.length) {
    const first = transitions[i]
    if (first === undefined) break
    const step = first.step
    let j = i
    while (j < transitions.length && transitions[j]?.step === step) j++
    if (step > b.upTo && step <= toStep) {
      const kind = stepBeatKind(transitions.slice(i, j))
      const at = first.at
      if (kind !== 'housekeeping') {
        if (group && (kind !== group.kind || at !== group.at)) {
          add.push(group.last)
          group = null
        }
        if (kind === 'change') add.push(step)
        else group = { kind, at, last: step }
      }
    }
    i = j
  }
  return { ...push(b, add), upTo: toStep, group }
}

/** The run is finished: the open group closes, and trailing housekeeping joins the last beat. */
export function closeBeats(b: BeatIndex): BeatIndex {
  if (b.closed || b.full) return b
  let out = b.group ? push(b, [b.group.last]) : b
  if (out.upTo > lastEnd(out)) {
    if (out.count === 1) out = push(out, [out.upTo])
    else {
      const ends = out.ends.slice()
      const tail = (ends.pop() ?? []).slice()
      tail[tail.length - 1] = out.upTo
      ends.push(tail)
      out = { ...out, ends }
    }
  }
  return { ...out, group: null, closed: true }
}

/** The index cut back to step `step` (a command forks the run there): `step` ends a beat. */
export function cutBeats(b: BeatIndex, step: number): BeatIndex {
  if (step === 0) return EMPTY_BEATS
  const i = firstEndAtOrAfter(b, step)
  const keep: number[] = []
  for (let k = 0; k < Math.min(i, b.count); k++) keep.push(endAt(b, k))
  const base = { ...EMPTY_BEATS, ends: [[]], count: 0 }
  return { ...push(base, step === 0 ? keep : [...keep, step]), upTo: step }
}

/** Index of the first beat whose end is >= step (== count when none is). */
export function firstEndAtOrAfter(b: BeatIndex, step: number): number {
  let lo = 0
  let hi = b.count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (endAt(b, mid) < step) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The beat a step belongs to (beat 0 is step 0); `count` when it is in the beat still open. */
export function beatOf(b: BeatIndex, step: number): number {
  return firstEndAtOrAfter(b, step)
}

/** The end of the first beat ending after `step`, or null when it is not known yet. */
export function nextBeatEnd(b: BeatIndex, step: number): number | null {
  const i = firstEndAtOrAfter(b, step + 1)
  return i < b.count ? endAt(b, i) : null
}

/** The end of the last beat ending before `step` (0 at the start). */
export function prevBeatEnd(b: BeatIndex, step: number): number {
  const i = firstEndAtOrAfter(b, step)
  return i === 0 ? 0 : endAt(b, i - 1)
}

/** Beats after beat 0, when the run is finished (null while it is still computed ahead). */
export function totalBeats(b: BeatIndex): number | null {
  return b.closed ? b.count - 1 : null
}

/** One line of a beat's caption: a transition, and how many more of its type the beat holds. */
export interface CaptionEntry {
  readonly t: Transition
  /** Other transitions of the same type in this beat, folded into this line. */
  readonly more: number
  /** Event ids of the folded transitions. */
  readonly moreEvents: readonly string[]
}

/**
 * A beat's caption: each transition, except that a type appearing `fold` times or more is one line
 * (its first transition, "and N more like it"), so "30 messages arrive" reads as one line.
 */
export function foldCaption(ts: readonly Transition[], fold = 3): CaptionEntry[] {
  const byType = new Map<string, number>()
  for (const t of ts) byType.set(t.type, (byType.get(t.type) ?? 0) + 1)
  const out: CaptionEntry[] = []
  const folded = new Map<string, { i: number; first: Transition; more: number; events: string[] }>()
  for (const t of ts) {
    if ((byType.get(t.type) ?? 0) < fold) {
      out.push({ t, more: 0, moreEvents: [] })
      continue
    }
    const f = folded.get(t.type)
    if (!f) {
      folded.set(t.type, { i: out.length, first: t, more: 0, events: [] })
      out.push({ t, more: 0, moreEvents: [] })
      continue
    }
    for (const e of t.events ?? []) f.events.push(e)
    f.more++
    out[f.i] = { t: f.first, more: f.more, moreEvents: f.events }
  }
  return out
}
