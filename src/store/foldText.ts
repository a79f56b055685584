import { seconds } from '../engine'
import type { Transition, TransitionType } from '../engine'

/** How often one type of transition happened, and to what. */
export interface Count {
  readonly n: number
  /** The event ids all of them name (in order, joined), '' when none, null when they name different ones. */
  readonly subject: string | null
  /** They are about a batch. */
  readonly batch: boolean
}

/** What some repeated beats did, counted: folds.ts words a fold from it. */
export interface Tally {
  /** Virtual times of the first and last transitions. */
  readonly from: number
  readonly to: number
  readonly by: Readonly<Partial<Record<TransitionType, Count>>>
  /** The event ids every beat names, as in Count. */
  readonly subject: string | null
}

const sameSubject = (a: string | null, b: string | null): string | null =>
  a === '' ? b : b === '' || a === b ? a : null

/**
 * What a fold says of each type, `$` the subject ("the same batch (poison-1)", "a batch"), worst
 * first: a repeated run is headlined by what went wrong in it, else by what it did.
 */
const PHRASE: Readonly<Record<TransitionType, string>> = {
  attemptFailed: '$ fails again',
  functionError: '$ fails again',
  timedOut: '$ times out again',
  callerTimedOut: 'the caller gives up on $ again',
  throttled: '$ is throttled again',
  visible: '$ is visible in the queue again',
  expired: '$ expires',
  dlq: '$ goes to the dead-letter queue or on-failure destination',
  discarded: '$ is given up',
  scaled: 'the pollers scale again',
  retried: '$ is retried again',
  retryScheduled: '$ waits for a retry again',
  deleted: '$ succeeds and is deleted',
  checkpointed: '$ succeeds and the shard moves on',
  succeeded: '$ succeeds',
  responded: '$ gets its answer',
  delivered: '$ is delivered to a destination',
  bisected: '$ is split in two again',
  filtered: '$ is filtered out',
  batchFormed: '$ goes to the function',
  coldStart: '$ starts in a new environment',
  invoked: '$ runs again',
  polled: '$ is picked up',
  arrived: '$ arrives',
  accepted: '$ is accepted',
  queued: '$ is queued',
  reclaimed: 'an idle environment is reclaimed',
  command: 'you act again',
}

const PRIORITY = Object.keys(PHRASE) as TransitionType[]

export function tallyOf(ts: readonly Transition[]): Tally {
  const by: Partial<Record<TransitionType, Count>> = {}
  let subject: string | null = ''
  for (const t of ts) {
    const ids = Array.from(new Set(t.events ?? [])).join(',')
    const c = by[t.type]
    by[t.type] = c
      ? { n: c.n + 1, subject: sameSubject(c.subject, ids), batch: c.batch || t.batch !== undefined }
      : { n: 1, subject: ids, batch: t.batch !== undefined }
    subject = sameSubject(subject, ids)
  }
  return { from: ts[0]?.at ?? 0, to: ts[ts.length - 1]?.at ?? 0, by, subject }
}

export function mergeTally(a: Tally, b: Tally): Tally {
  const by: Partial<Record<TransitionType, Count>> = { ...a.by }
  for (const [k, y] of Object.entries(b.by) as [TransitionType, Count][]) {
    const x = by[k]
    by[k] = x ? { n: x.n + y.n, subject: sameSubject(x.subject, y.subject), batch: x.batch || y.batch } : y
  }
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to), by, subject: sameSubject(a.subject, b.subject) }
}

/** The type a tally's words lead with (null for a tally of nothing). */
export function headline(t: Tally): TransitionType | null {
  return PRIORITY.find((k) => (t.by[k]?.n ?? 0) > 0) ?? null
}

function subjectOf(c: Count | undefined): string {
  const noun = c?.batch ? 'batch' : 'event'
  if (!c?.subject) return `${noun === 'batch' ? 'a' : 'an'} ${noun}`
  const ids = c.subject.split(',')
  const named = ids.length <= 2 ? ids.join(', ') : `${ids[0] ?? ''}, ${ids[1] ?? ''} and ${ids.length - 2} more`
  return `the same ${noun} (${named})`
}

const times = (n: number) => `${n.toLocaleString('en-US')} time${n === 1 ? '' : 's'}`

/**
 * A fold's words: "The same batch (poison-1) fails again: 1,430 times over 23.9 h". `heads` are the
 * headlines of the beats that repeat (one per kind of beat in the cycle); the worst leads, and a
 * second is said too when it happened a different number of times (batches end while pollers scale).
 */
export function foldText(t: Tally, heads: readonly TransitionType[]): string {
  const sorted = Array.from(new Set(heads)).sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b))
  const main = sorted[0] ?? headline(t) ?? 'command'
  const n = t.by[main]?.n ?? 0
  const clause = (k: TransitionType) => PHRASE[k].replace('$', subjectOf(t.by[k]))
  const span = t.to > t.from ? `over ${seconds(t.to - t.from)}` : 'at once'
  const first = clause(main)
  let text = `${first.charAt(0).toUpperCase()}${first.slice(1)}: ${times(n)} ${span}`
  const other = sorted.find((k) => (t.by[k]?.n ?? 0) !== n && PHRASE[k] !== PHRASE[main])
  if (other !== undefined) text += `; ${clause(other)}: ${times(t.by[other]?.n ?? 0)}`
  return `${text}.`
}
