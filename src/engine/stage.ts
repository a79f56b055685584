import { concurrencyCap } from './environments'
import { entry, eventAt, envAt } from './must'
import type { EventNo } from './ids'
import { MODEL_RULES } from './models/registry'
import {
  ENVS_NODE,
  LANE_IDS,
  type StageEnv,
  type StageHold,
  type StageLane,
  type StageModel,
  type StageNode,
} from './stageTypes'
import { failedRecords } from './invoke'
import { labelOf, stageMemo, walkEvents, type StageMemo, type Walk } from './stageWalk'
import type { Env, Invocation, SimState } from './types'

/**
 * Pure selector from SimState to what the stage draws (stageTypes.ts). The model contributes its
 * nodes and where its tokens are; this adds the environments, the gauge and the token list.
 */

function mixedPrefixes(s: SimState): boolean {
  const prefixes = new Set(s.scenario.workload.map((e) => e.idPrefix))
  return prefixes.size > 1 || s.manual.length > 0
}

/** Records of the settling invocation that failed, drawn red in its environment (sim.ts 'settle'). */
function failedShown(s: SimState): Map<number, string> {
  const out = new Map<number, string>()
  const inv = s.settling
  if (inv) for (const i of failedRecords(inv)) out.set(i, envAt(s, inv.env).id)
  return out
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
  return selectStageMemo(s, stageMemo(), maxFinished, answersFrom).stage
}

/**
 * selectStage with the summaries of finished blocks of events a previous call returned (stageWalk.ts):
 * the same stage, without walking again the finished events whose records have not changed. Pass
 * back the memo it returns; any memo gives the same stage (a stale summary is summed anew).
 */
export function selectStageMemo(
  s: SimState,
  memo: StageMemo,
  maxFinished = 40,
  answersFrom = 0,
): { stage: StageModel; memo: StageMemo } {
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
    finishedListed: 0,
  }
  const next = walkEvents(s.events, w, memo)
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
  const stage: StageModel = {
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
  return { stage, memo: next }
}
