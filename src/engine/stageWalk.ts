import { ENVS_NODE, type ModelStage, type ReplyTone, type StageReply, type StageToken } from './stageTypes'
import { eventNo, type EventNo } from './ids'
import type { EventRecord } from './types'

/**
 * The stage selector's walk over every event (selectStage in stage.ts), and what it may skip.
 *
 * A run of 100,000 events walked every record at every step, though all but a few hundred are
 * finished and only counted. A finished record never changes again and is shared by every later
 * state of the run (clone.ts), so the walk keeps, per block of events that are all finished, what
 * counting them gave: how many end at each node, their answers' tally, their three latest answers.
 * The summary is used again while every record of the block is the same object; otherwise the
 * block is walked and summed anew. The summaries are a value the caller keeps and passes back
 * (StageMemo): nothing here holds state between calls.
 */

export interface TallyEntry {
  readonly key: string
  readonly code: string
  readonly tone: ReplyTone
  readonly count: number
}

/** What counting one block of finished events gives. */
export interface BlockSum {
  /** The block's records as they were summed: the summary holds while each is the same object. */
  readonly records: readonly (EventRecord | undefined)[]
  readonly counts: readonly (readonly [node: string, count: number])[]
  /** Answers by key, in the order the walk (newest first) meets them. */
  readonly tally: readonly TallyEntry[]
  /** The block's three latest answers (latest step first, ties: the later event first). */
  readonly replies: readonly StageReply[]
}

/** Summaries of blocks of `size` events, by block number (`size` a power of two). */
export interface StageMemo {
  readonly size: number
  readonly blocks: readonly (BlockSum | undefined)[]
}

export const STAGE_BLOCK = 1024

export function stageMemo(size = STAGE_BLOCK): StageMemo {
  return { size, blocks: [] }
}

export function isDone(ev: EventRecord): boolean {
  const st = ev.stage
  return st === 'succeeded' || st === 'failed' || st === 'throttled' || st === 'filtered'
}

/**
 * The short text on a token: its number, prefixed with the id's initial when the run mixes id
 * prefixes (order-1 and bad-1 must not both read "1"); hand-sent events read "y1", "y2"...
 */
export function labelOf(ev: EventRecord, mixed: boolean): string {
  const dash = ev.id.lastIndexOf('-')
  if (dash < 0) return ev.id
  return mixed ? `${ev.id.charAt(0)}${ev.id.slice(dash + 1)}` : ev.id.slice(dash + 1)
}

/** A try throttled at this very instant: drawn as throttled for this step, though it already waits for its retry. */
function throttledNow(now: number, ev: EventRecord): boolean {
  const a = ev.attempts[ev.attempts.length - 1]
  return a !== undefined && a.result === 'throttled' && a.atMs === now && !isDone(ev)
}

/** Counts and answers of finished events that are counted, not listed: the walk's and a block's. */
interface Counted {
  readonly answersFrom: number
  readonly replies: StageReply[]
  readonly tally: Map<string, { code: string; tone: ReplyTone; count: number }>
  readonly finishedCount: Map<string, number>
}

/** What the walk over the events reads and fills (one shape, so the walk's code stays optimized). */
export interface Walk extends Counted {
  readonly part: ModelStage
  readonly shown: ReadonlyMap<number, string>
  readonly runningEnv: ReadonlyMap<number, string>
  readonly runningUntil: ReadonlyMap<number, number>
  readonly maxFinished: number
  readonly now: number
  readonly mixed: boolean
  readonly fifo: boolean
  readonly tokens: StageToken[]
  finishedListed: number
}

function tallyReply(part: ModelStage, c: Counted, key: string, i: EventNo, r: Omit<StageReply, 'token'> | null): void {
  const t = c.tally.get(key)
  if (t) {
    t.count++
    return
  }
  // The model's key names its reply's code and tone (stageReplies.test.ts holds them to it).
  const first = r ?? part.replyOf?.(i)
  if (first) c.tally.set(key, { code: first.code, tone: first.tone, count: 1 })
}

/** Keeps the three latest replies, newest (latest step) first (ties: the later event first). */
function keepLatest(list: StageReply[], r: StageReply): void {
  let k = list.findIndex((x) => x.step < r.step)
  if (k < 0) k = list.length
  if (k >= 3) return
  list.splice(k, 0, r)
  if (list.length > 3) list.pop()
}

/** An answer given at or after `answersFrom` that would enter the three latest. */
function mayKeep(c: Counted, step: number): boolean {
  const third = c.replies[2]
  return step >= c.answersFrom && (third === undefined || third.step < step)
}

/** A reply of the model as a stage reply (its own object: the stage's replies are never shared with a summary). */
function withToken(r: Omit<StageReply, 'token'>, token: string): StageReply {
  return { ...r, token }
}

/** A finished event past the listed ones: counted on its node, its answer tallied, kept if among the latest. */
function countFinished(part: ModelStage, c: Counted, i: EventNo, ev: EventRecord, node: string): void {
  c.finishedCount.set(node, (c.finishedCount.get(node) ?? 0) + 1)
  const { replyOf, replyKeyOf: keyOf, replyStepOf: stepOf } = part
  if (keyOf && stepOf) {
    // The answer is tallied by its key, built only if it is among the latest.
    const key = keyOf(i)
    if (key === null) return
    tallyReply(part, c, key, i, null)
    if (mayKeep(c, stepOf(i))) {
      const r = replyOf?.(i)
      if (r) keepLatest(c.replies, withToken(r, ev.id))
    }
    return
  }
  const r = replyOf ? replyOf(i) : null
  if (!r) return
  tallyReply(part, c, r.code + ':' + r.tone, i, r)
  if (mayKeep(c, r.step)) keepLatest(c.replies, withToken(r, ev.id))
}

/** One event, listed as a token or counted on its node. */
function visit(w: Walk, k: number, ev: EventRecord): void {
  const { part, shown, runningEnv, replies } = w
  const i = eventNo(k)
  const done = isDone(ev)
  const failedIn = shown.get(i)
  const env = runningEnv.get(i)
  const running = failedIn === undefined && ev.stage === 'running' && env !== undefined
  const node = running || failedIn !== undefined ? ENVS_NODE : part.nodeOf(i)
  if (done && w.finishedListed >= w.maxFinished) {
    countFinished(part, w, i, ev, node)
    return
  }
  const r = part.replyOf ? part.replyOf(i) : null
  if (r) {
    tallyReply(part, w, r.code + ':' + r.tone, i, r)
    // Only an answer that would enter the three latest is copied (keepLatest decides where).
    if (mayKeep(w, r.step)) keepLatest(replies, withToken(r, ev.id))
  }
  if (done) w.finishedListed++
  const state = failedIn !== undefined ? 'failed' : throttledNow(w.now, ev) ? 'throttled' : ev.stage
  w.tokens.push({
    id: ev.id,
    state,
    node,
    env: running ? (env ?? null) : (failedIn ?? null),
    since: failedIn !== undefined ? w.now : ev.since,
    until: running ? (w.runningUntil.get(i) ?? null) : failedIn !== undefined ? null : (part.untilOf?.(i) ?? null),
    attempts: ev.attempts.length,
    batch: running || failedIn !== undefined ? (ev.attempts[ev.attempts.length - 1]?.batch ?? null) : null,
    label: labelOf(ev, w.mixed),
    group: w.fifo ? ev.groupId : null,
    receives: part.receivesOf?.(i) ?? null,
    reply: r ? withToken(r, ev.id) : null,
    poison: part.poisonOf?.(i) ?? false,
  })
}

/** The summary of block `b` if it still holds for these records. */
function holds(sum: BlockSum | undefined, events: readonly (EventRecord | undefined)[], from: number): boolean {
  if (!sum) return false
  const recs = sum.records
  for (let j = 0; j < recs.length; j++) if (recs[j] !== events[from + j]) return false
  return true
}

/** Counts block `[from, from + size)`, or null when one of its events is not finished. */
function summarize(w: Walk, events: readonly (EventRecord | undefined)[], from: number, size: number): BlockSum | null {
  for (let k = from; k < from + size; k++) {
    const ev = events[k]
    if (ev !== undefined && !isDone(ev)) return null
  }
  const c: Counted = { answersFrom: -Infinity, replies: [], tally: new Map(), finishedCount: new Map() }
  for (let k = from + size - 1; k >= from; k--) {
    const ev = events[k]
    if (ev !== undefined) countFinished(w.part, c, eventNo(k), ev, w.part.nodeOf(eventNo(k)))
  }
  return {
    records: events.slice(from, from + size),
    counts: Array.from(c.finishedCount),
    tally: Array.from(c.tally, ([key, t]) => ({ key, ...t })),
    replies: c.replies,
  }
}

/** Adds a block's summary to the walk, as counting its events one by one would. */
function addSum(w: Walk, sum: BlockSum): void {
  for (const [node, n] of sum.counts) w.finishedCount.set(node, (w.finishedCount.get(node) ?? 0) + n)
  for (const t of sum.tally) {
    const have = w.tally.get(t.key)
    if (have) have.count += t.count
    else w.tally.set(t.key, { code: t.code, tone: t.tone, count: t.count })
  }
  for (const r of sum.replies) if (mayKeep(w, r.step)) keepLatest(w.replies, { ...r })
}

/**
 * Blocks holding an event drawn failed in its environment: walked event by event, since that
 * event is drawn there though it may be finished (an SQS message that expired while its batch ran).
 */
function blocksShown(shown: ReadonlyMap<number, string>, size: number): Set<number> {
  const out = new Set<number>()
  for (const i of shown.keys()) out.add(Math.floor(i / size))
  return out
}

/**
 * Every event, newest first: the live ones and the latest finished ones listed as tokens, the
 * other finished ones counted on their node (a block at a time where `memo` has it), every answer
 * tallied. Returns the memo with the blocks summed by this walk (the given one if none).
 * Apart from selectStage, whose state argument comes in many hidden classes: V8 threw this loop's
 * optimized code away at each call (a 100,000-event run spent 20 ms here instead of 4).
 */
export function walkEvents(events: readonly (EventRecord | undefined)[], w: Walk, memo: StageMemo): StageMemo {
  const size = memo.size
  const skip = blocksShown(w.shown, size)
  let blocks: (BlockSum | undefined)[] | null = null
  let k = events.length - 1
  while (k >= 0) {
    // At the top of a whole block, once the finished tokens to list are listed.
    if (w.finishedListed >= w.maxFinished && (k + 1) % size === 0 && !skip.has((k + 1) / size - 1)) {
      const b = (k + 1) / size - 1
      const from = k + 1 - size
      let sum = (blocks ?? memo.blocks)[b]
      if (!holds(sum, events, from)) {
        sum = summarize(w, events, from, size) ?? undefined
        if (sum) (blocks ??= memo.blocks.slice())[b] = sum
      }
      if (sum) {
        addSum(w, sum)
        k = from - 1
        continue
      }
    }
    const ev = events[k]
    if (ev !== undefined) visit(w, k, ev)
    k--
  }
  return blocks ? { size, blocks } : memo
}
