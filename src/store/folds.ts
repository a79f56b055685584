import type { Transition, TransitionType } from '../engine'
import { beatOf, endAt, firstEndAtOrAfter } from './beats'
import type { BeatIndex } from './beats'
import { beatKey } from './foldKey'
import { foldText, headline, mergeTally, tallyOf } from './foldText'
import type { Tally } from './foldText'

/**
 * Folds: consecutive beats (beats.ts) that repeat what happened just before are shown and played
 * as one beat, so a day of identical retries is one beat of the story, not 4,300.
 * - Two beats are the same when their transitions are, ids and numbers aside (foldKey.ts).
 * - A beat is new when no beat of the last WINDOW kinds was the same. New beats are shown; a
 *   stretch of beats that are not new (the same batch failing and being retried again and again;
 *   batches ending while pollers scale) folds into one when it holds MIN_STRETCH beats or more
 *   and its worst thing (foldText.ts headline) happens MIN_TIMES times or more.
 * - Of a run of same beats the first is shown and the rest fold, from MIN_SAME beats when they are
 *   about the same events (one message redelivered) or MIN_STRETCH when about different ones.
 * So a short story keeps each of its beats, and a fold never hides a beat unlike those before it.
 * A fold is decided once something new follows (or the run ends); until then its beats are
 * "undecided" and a beat move computes ahead. Single steps (fine steps) still reach every step
 * inside a fold. Pure functions over an append-only index fed as the run is computed ahead.
 */

/** Fewest beats a fold holds: about the same events, about different ones (and a stretch). */
export const MIN_SAME = 3
export const MIN_STRETCH = 12
/** Fewest times a stretch's headline happens (a stretch folds repetitions, not one of each). */
export const MIN_TIMES = 4
/** Kinds of beat remembered when telling whether a beat is new. */
export const WINDOW = 32

export interface Fold {
  /** First and last beat (beats.ts indices) shown as one. */
  readonly first: number
  readonly last: number
  /** Beats folded away by the folds before this one. */
  readonly before: number
  readonly text: string
}

/** A run of same beats, or a stretch of beats that are not new, not decided yet. */
interface Open {
  /** The key of its last beat. */
  readonly key: string
  readonly first: number
  readonly last: number
  /** What its first beat did, and the beats after it (null while it is one beat). */
  readonly head: Tally
  readonly rest: Tally | null
  /** Headlines of the kinds of beat it holds (its words). */
  readonly heads: readonly TransitionType[]
}

export interface FoldIndex {
  /** Decided folds, ascending. */
  readonly folds: readonly Fold[]
  /** Beats before this index are decided (folded or not for good). */
  readonly decided: number
  /** The next beat to feed. */
  readonly fed: number
  /** Keys of the last WINDOW kinds of beat, most recent last. */
  readonly recent: readonly string[]
  /** The run of same beats being shown (its first beat was new). */
  readonly run: Open | null
  /** The stretch of beats that are not new. */
  readonly stretch: Open | null
  readonly closed: boolean
}

export const EMPTY_FOLDS: FoldIndex = {
  folds: [],
  decided: 1,
  fed: 1,
  recent: [],
  run: null,
  stretch: null,
  closed: false,
}

const removedBy = (f: Fold | undefined): number => (f ? f.before + f.last - f.first : 0)
const total = (o: Open): Tally => (o.rest ? mergeTally(o.head, o.rest) : o.head)
const enough = (t: Tally, beats: number) => beats >= (t.subject === null ? MIN_STRETCH : MIN_SAME)

/** Decided folds being added to: copied on the first addition only (most feeds add none). */
interface Out {
  list: readonly Fold[]
  copied: boolean
}

function addFold(out: Out, first: number, last: number, tally: Tally, heads: readonly TransitionType[]): void {
  const list = out.copied ? (out.list as Fold[]) : out.list.slice()
  list.push({ first, last, before: removedBy(list[list.length - 1]), text: foldText(tally, heads) })
  out.list = list
  out.copied = true
}

/** A run that was shown ends: its repeats after the first beat fold when there are enough. */
function endRun(folds: Out, r: Open | null): void {
  if (r?.rest && enough(r.rest, r.last - r.first)) addFold(folds, r.first + 1, r.last, r.rest, r.heads)
}

/** A stretch ends (something new follows): it folds when long enough, else its beats stay shown. */
function endStretch(folds: Out, st: Open | null): void {
  if (!st || st.last - st.first + 1 < MIN_STRETCH) return
  const t = total(st)
  const head = headline(t)
  if (head && (t.by[head]?.n ?? 0) >= MIN_TIMES) addFold(folds, st.first, st.last, t, st.heads)
}

function open(key: string, i: number, t: Tally, head: TransitionType): Open {
  return { key, first: i, last: i, head: t, rest: null, heads: [head] }
}

function grow(o: Open, key: string, i: number, t: Tally, head: TransitionType): Open {
  const heads = o.heads.includes(head) ? o.heads : [...o.heads, head]
  return { ...o, key, last: i, rest: o.rest ? mergeTally(o.rest, t) : t, heads }
}

/** Feeds the transitions of the next beats (beats `fed`, `fed + 1` …, in order). */
export function feedFolds(f: FoldIndex, beats: readonly (readonly Transition[])[]): FoldIndex {
  if (f.closed || beats.length === 0) return f
  const folds: Out = { list: f.folds, copied: false }
  let { recent, run, stretch } = f
  let i = f.fed
  for (const ts of beats) {
    const key = beatKey(ts)
    const t = tallyOf(ts)
    const head = headline(t) ?? 'command'
    if (run && run.key === key) run = grow(run, key, i, t, head)
    else if (recent.includes(key)) {
      // Not new: it joins the stretch (a run that was shown ends first).
      endRun(folds, run)
      run = null
      stretch = stretch ? grow(stretch, key, i, t, head) : open(key, i, t, head)
    } else {
      endRun(folds, run)
      endStretch(folds, stretch)
      stretch = null
      run = open(key, i, t, head)
    }
    if (recent[recent.length - 1] !== key) recent = [...recent.filter((k) => k !== key).slice(1 - WINDOW), key]
    i++
  }
  const decided = stretch ? stretch.first : run ? run.first + 1 : i
  return { ...f, folds: folds.list, recent, run, stretch, fed: i, decided }
}

/** The run is finished: everything left is decided. */
export function closeFolds(f: FoldIndex): FoldIndex {
  if (f.closed) return f
  const folds: Out = { list: f.folds, copied: false }
  endRun(folds, f.run)
  endStretch(folds, f.stretch)
  return { ...f, folds: folds.list, run: null, stretch: null, decided: f.fed, closed: true }
}

/**
 * The index cut back to the first `count` beats (a command forks the run: beats.cutBeats): folds
 * reaching the cut are dropped and folding starts again after it (a command is a change).
 */
export function cutFolds(f: FoldIndex, count: number): FoldIndex {
  const folds = f.folds.filter((x) => x.last < count - 1)
  return { ...EMPTY_FOLDS, folds, decided: Math.max(1, count), fed: Math.max(1, count) }
}

/** The decided fold holding beat `i`, or undefined. */
export function foldOf(f: FoldIndex, i: number): Fold | undefined {
  let lo = 0
  let hi = f.folds.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((f.folds[mid]?.last ?? i) < i) lo = mid + 1
    else hi = mid
  }
  const fold = f.folds[lo]
  return fold && fold.first <= i ? fold : undefined
}

/** The fold the cursor at `step` is inside (its beat is folded), or undefined. */
export function foldAtStep(b: BeatIndex, f: FoldIndex, step: number): Fold | undefined {
  return step === 0 ? undefined : foldOf(f, beatOf(b, step))
}

/**
 * The end of the next shown beat after `step` (a fold ends at its last beat), or null when it is
 * not known yet: the beat after is not computed, or may still fold.
 */
export function nextShownEnd(b: BeatIndex, f: FoldIndex, step: number): number | null {
  const i = firstEndAtOrAfter(b, step + 1)
  if (i >= b.count || (i >= f.decided && !f.closed)) return null
  return endAt(b, foldOf(f, i)?.last ?? i)
}

/** The end of the shown beat before the one `step` is in (0 at the start). */
export function prevShownEnd(b: BeatIndex, f: FoldIndex, step: number): number {
  const i = firstEndAtOrAfter(b, step)
  const first = foldOf(f, i)?.first ?? i
  return first <= 0 ? 0 : endAt(b, Math.min(first, b.count) - 1)
}

/** The shown beat (folds counted as one) the beat index `i` is in. */
export function shownIndex(f: FoldIndex, i: number): number {
  let lo = 0
  let hi = f.folds.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((f.folds[mid]?.first ?? i + 1) <= i) lo = mid + 1
    else hi = mid
  }
  const fold = f.folds[lo - 1]
  if (!fold) return i
  return i <= fold.last ? fold.first - fold.before : i - removedBy(fold)
}

/** Beats after beat 0 once folded, when the run and its folds are finished (else null). */
export function shownTotal(b: BeatIndex, f: FoldIndex): number | null {
  return b.closed && f.closed ? b.count - 1 - removedBy(f.folds[f.folds.length - 1]) : null
}
