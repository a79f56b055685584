import { concurrencyCap } from './environments'
import { entry, eventAt, envAt } from './must'
import { eventNo, type EventNo } from './ids'
import { MODEL_RULES } from './models/registry'
import {
  ENVS_NODE,
  LANE_IDS,
  type ModelStage,
  type ReplyTone,
  type StageEnv,
  type StageHold,
  type StageLane,
  type StageModel,
  type StageNode,
  type StageReply,
  type StageToken,
} from './stageTypes'
import { failedRecords } from './invoke'
import type { Env, EventRecord, Invocation, SimState } from './types'

/**
 * Pure selector from SimState to what the stage draws (stageTypes.ts). The model contributes its
 * nodes and where its tokens are; this adds the environments, the gauge and the token list.
 */

/**
 * The short text on a token: its number, prefixed with the id's initial when the run mixes id
 * prefixes (order-1 and bad-1 must not both read "1"); hand-sent events read "y1", "y2"...
 */
function labelOf(ev: EventRecord, mixed: boolean): string {
  const dash = ev.id.lastIndexOf('-')
  if (dash < 0) return ev.id
  return mixed ? `${ev.id.charAt(0)}${ev.id.slice(dash + 1)}` : ev.id.slice(dash + 1)
}

function mixedPrefixes(s: SimState): boolean {
  const prefixes = new Set(s.scenario.workload.map((e) => e.idPrefix))
  return prefixes.size > 1 || s.manual.length > 0
}

export function isDone(ev: EventRecord): boolean {
  const st = ev.stage
  return st === 'succeeded' || st === 'failed' || st === 'throttled' || st === 'filtered'
}

/** Records of the settling invocation that failed, drawn red in its environment (sim.ts 'settle'). */
function failedShown(s: SimState): Map<number, string> {
  const out = new Map<number, string>()
  const inv = s.settling
  if (inv) for (const i of failedRecords(inv)) out.set(i, envAt(s, inv.env).id)
  return out
}

/** A try throttled at this very instant: drawn as throttled for this step, though it already waits for its retry. */
function throttledNow(now: number, ev: EventRecord): boolean {
  const a = ev.attempts[ev.attempts.length - 1]
  return a !== undefined && a.result === 'throttled' && a.atMs === now && !isDone(ev)
}

/**
 * The invocation an environment holds: the one running in it, or the failed one whose second half
 * ('settle') has not run yet. The environment stays busy until then (invoke.ts `freeEnv`).
 */
function heldBy(s: SimState, e: Env): Invocation | undefined {
  if (e.inv < 0) return undefined
  const settling = s.settling
  return s.invocations[e.inv] ?? (settling && settling.n === e.inv ? settling : undefined)
}

/** The records an environment holds; a settling batch lists its failed ones first, so none hides behind "+K". */
function heldIds(s: SimState, inv: Invocation): string[] {
  const ids = (list: readonly EventNo[]) => list.map((i) => eventAt(s, i).id)
  if (inv !== s.settling) return ids(inv.events)
  const failed = failedRecords(inv)
  return [...ids(failed), ...ids(inv.events.filter((i) => !failed.includes(i)))]
}

function envsOf(s: SimState): StageEnv[] {
  return s.envs.map((e) => {
    const inv = heldBy(s, e)
    const init = inv !== undefined && inv.cold && s.now < inv.handlerStartAt
    return {
      id: e.id,
      state: e.state === 'busy' ? (init ? 'init' : 'busy') : e.state,
      provisioned: e.provisioned,
      tokens: inv ? heldIds(s, inv) : [],
      batch: inv?.batch ?? null,
      since: inv ? inv.startAt : e.state === 'reclaimed' ? (e.reclaimedAt ?? e.idleSince) : e.idleSince,
      initUntil: inv?.cold ? inv.handlerStartAt : null,
      busyUntil: inv ? inv.endAt : null,
      served: e.served,
    }
  })
}

/**
 * The stage at the state's current time. `maxFinished` caps how many finished tokens are listed
 * one by one (the rest are counted on their node), so a long run stays cheap to draw.
 * `answersFrom` is the first step whose answers `replies` lists: the store passes the first step
 * of the beat on screen, so the answer band never shows an answer from another beat (0: every
 * answer so far). A token keeps its own answer (`reply`) and the tally counts every answer.
 */
export function selectStage(s: SimState, maxFinished = 40, answersFrom = 0): StageModel {
  const rules = MODEL_RULES[s.scenario.model]
  const part = rules?.stage?.(s) ?? { nodes: [], edges: [], nodeOf: () => ENVS_NODE }
  // Maps, not records keyed by number: this loop runs over every event of a 100,000-event run.
  const runningEnv = new Map<number, string>()
  const runningUntil = new Map<number, number>()
  // The settling invocation first: an event it failed that also runs elsewhere (an async duplicate)
  // is drawn where it runs.
  const held = s.settling ? [s.settling] : []
  for (const key of Object.keys(s.invocations)) held.push(entry(s.invocations, key))
  for (const inv of held) {
    for (const i of inv.events) {
      runningEnv.set(i, envAt(s, inv.env).id)
      runningUntil.set(i, inv.endAt)
    }
  }
  const shown = failedShown(s)
  const w: Walk = {
    part,
    shown,
    runningEnv,
    runningUntil,
    maxFinished,
    answersFrom,
    now: s.now,
    mixed: mixedPrefixes(s),
    fifo: s.scenario.model === 'sqs-fifo',
    tokens: [],
    replies: [],
    tally: new Map(),
    finishedCount: new Map(),
  }
  walkEvents(s.events, w)
  const { tokens, replies, tally, finishedCount } = w
  tokens.reverse()
  const byNode: Record<string, string[]> = {}
  // The poison record is listed first at its node, so it is never hidden behind "+K".
  for (const t of tokens) if (t.poison) (byNode[t.node] ??= []).push(t.id)
  for (const t of tokens) if (!t.poison) (byNode[t.node] ??= []).push(t.id)
  const f = s.scenario.function
  const envNode: StageNode = {
    id: ENVS_NODE,
    kind: 'environments',
    label: 'Execution environments',
    detail: `${s.concurrency.busy} busy of ${concurrencyCap(s)}`,
    column:
      Math.max(
        0,
        ...part.nodes
          .filter((n) => n.kind !== 'destination' && n.kind !== 'dlq' && n.kind !== 'discard')
          .map((n) => n.column),
      ) + 1,
    row: 0,
    tokens: [],
    count: 0,
    lanes: [],
  }
  const name = (i: EventNo) => eventAt(s, i).id
  const lanes = (id: string): StageLane[] =>
    (part.lanes?.[id] ?? []).map(({ events, ...l }) => ({
      ...l,
      tokens: events.slice(0, LANE_IDS).map(name),
      rest: Math.max(0, events.length - LANE_IDS),
    }))
  const nodes = [...part.nodes, envNode].map((n) => ({
    ...n,
    tokens: byNode[n.id] ?? [],
    count: n.count + (finishedCount.get(n.id) ?? 0),
    lanes: lanes(n.id),
  }))
  const holds: StageHold[] = (part.holds ?? []).map(({ ev, ...h }) => ({
    ...h,
    token: name(ev),
    label: labelOf(eventAt(s, ev), w.mixed),
    poison: part.poisonOf?.(ev) ?? false,
  }))
  return {
    model: s.scenario.model,
    now: s.now,
    nodes,
    edges: part.edges,
    tokens,
    envs: envsOf(s),
    gauge: {
      busy: s.concurrency.busy,
      cap: concurrencyCap(s),
      reserved: f.reservedConcurrentExecutions,
      account: s.scenario.account.concurrencyLimit,
      provisioned: f.provisionedConcurrentExecutions,
    },
    replies,
    tally: Array.from(tally.values()).sort((a, b) => b.count - a.count),
    holds,
    pollers: part.pollers ?? null,
    holders: part.holders ?? {},
  }
}

/** What the walk over the events reads and fills (one shape, so the walk's code stays optimized). */
interface Walk {
  readonly part: ModelStage
  readonly shown: ReadonlyMap<number, string>
  readonly runningEnv: ReadonlyMap<number, string>
  readonly runningUntil: ReadonlyMap<number, number>
  readonly maxFinished: number
  readonly answersFrom: number
  readonly now: number
  readonly mixed: boolean
  readonly fifo: boolean
  readonly tokens: StageToken[]
  readonly replies: StageReply[]
  readonly tally: Map<string, { code: string; tone: ReplyTone; count: number }>
  readonly finishedCount: Map<string, number>
}

function tallyReply(w: Walk, key: string, i: EventNo, r: Omit<StageReply, 'token'> | null): void {
  const t = w.tally.get(key)
  if (t) {
    t.count++
    return
  }
  // The model's key names its reply's code and tone (stageReplies.test.ts holds them to it).
  const first = r ?? w.part.replyOf?.(i)
  if (first) w.tally.set(key, { code: first.code, tone: first.tone, count: 1 })
}

/**
 * Every event, newest first: the live ones and the latest finished ones listed as tokens, the
 * other finished ones counted on their node, every answer tallied. Apart from selectStage, whose
 * state argument comes in many hidden classes: V8 threw this loop's optimized code away at each
 * call (a 100,000-event run spent 20 ms here instead of 4).
 */
function walkEvents(events: readonly EventRecord[], w: Walk): void {
  const { part, shown, runningEnv, replies } = w
  const { replyOf, replyKeyOf: keyOf, replyStepOf: stepOf } = part
  let finishedListed = 0
  for (let k = events.length - 1; k >= 0; k--) {
    const i = eventNo(k)
    const ev = events[k]
    if (ev === undefined) continue
    const done = isDone(ev)
    const failedIn = shown.get(i)
    const env = runningEnv.get(i)
    const running = failedIn === undefined && ev.stage === 'running' && env !== undefined
    const node = running || failedIn !== undefined ? ENVS_NODE : part.nodeOf(i)
    if (done && finishedListed >= w.maxFinished) {
      // Counted, not listed: the answer is tallied by its key, built only if it is among the latest.
      w.finishedCount.set(node, (w.finishedCount.get(node) ?? 0) + 1)
      if (keyOf && stepOf) {
        const key = keyOf(i)
        if (key === null) continue
        tallyReply(w, key, i, null)
        const step = stepOf(i)
        const third = replies[2]
        if (step >= w.answersFrom && (third === undefined || third.step < step)) {
          const r = replyOf?.(i)
          if (r) keepLatest(replies, { ...r, token: ev.id })
        }
        continue
      }
    }
    const r = replyOf ? replyOf(i) : null
    if (r) {
      tallyReply(w, r.code + ':' + r.tone, i, r)
      // Only an answer that would enter the three latest is copied (keepLatest decides where).
      const third = replies[2]
      if (r.step >= w.answersFrom && (third === undefined || third.step < r.step))
        keepLatest(replies, { ...r, token: ev.id })
    }
    if (done && finishedListed >= w.maxFinished) continue
    if (done) finishedListed++
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
      reply: r ? { ...r, token: ev.id } : null,
      poison: part.poisonOf?.(i) ?? false,
    })
  }
}

/** Keeps the three latest replies, newest (latest step) first (ties: the later event first). */
function keepLatest(list: StageReply[], r: StageReply): void {
  let k = list.findIndex((x) => x.step < r.step)
  if (k < 0) k = list.length
  if (k >= 3) return
  list.splice(k, 0, r)
  if (list.length > 3) list.pop()
}
