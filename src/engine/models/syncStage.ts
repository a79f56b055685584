import { ENVS_NODE, type ModelStage, type StageHold, type StageNode, type StageReply } from '../stageTypes'
import { nth } from '../must'
import { paged, peach, pget } from '../paged'
import { eventNo, type EventNo } from '../ids'
import type { Delivery, EventRecord, SimState } from '../types'
import { CALLER_LABELS } from './syncLabels'

/** The caller's answer in a chip's code and words (fact sheet §1.2-§1.4). */
export function syncReply(d: Delivery, step: number): Omit<StageReply, 'token'> {
  const at = d.atMs
  if (d.status === 429)
    return {
      code: '429',
      text: `429 TooManyRequestsException · Reason ${d.reason ?? 'unknown'}`,
      short: `429 ${d.reason ?? 'TooManyRequestsException'}`,
      tone: 'throttle',
      at,
      step,
    }
  if (d.status === 504)
    return {
      code: '504',
      text: '504 the caller gave up waiting (the function may run on)',
      short: '504 the caller gave up',
      tone: 'timeout',
      at,
      step,
    }
  if (d.functionError)
    return {
      code: '200',
      text: `200 + X-Amz-Function-Error: ${d.functionError}`,
      short: `200 + Function-Error: ${d.functionError}`,
      tone: 'error',
      at,
      step,
    }
  return { code: '200', text: '200 OK: the handler’s result', short: '200 OK', tone: 'ok', at, step }
}

/** `${code}:${tone}` of syncReply(d), without building it (ModelStage.replyKeyOf). */
const replyKey = (d: Delivery): string =>
  d.status === 429 ? '429:throttle' : d.status === 504 ? '504:timeout' : d.functionError ? '200:error' : '200:ok'

/** The latest answer the caller got for this event, if any. */
function lastAnswer(events: readonly EventRecord[], i: EventNo): Delivery | null {
  const ds = nth(events, i).deliveries
  for (let k = ds.length - 1; k >= 0; k--) if (nth(ds, k).to === 'caller') return nth(ds, k)
  return null
}

/** Sync stage: caller → Invoke API → environments; answers come back to the caller. */
export function syncStage(s: SimState): ModelStage {
  const sync = s.scenario.sync
  // The caller holds a connection to every request it still waits on (until the answer or its timeout).
  const holds: (Omit<StageHold, 'token' | 'label' | 'poison'> & { ev: EventNo })[] = []
  if (s.sync)
    peach(s.sync.waitingOn, (n, i) => {
      // -1 (waiting on nothing) would be looked up as the key "-1": a string made per event.
      if (n < 0) return
      const inv = s.invocations[n]
      if (!inv) return
      const limit = sync.callerTimeoutMs === null ? inv.endAt : Math.min(inv.endAt, inv.startAt + sync.callerTimeoutMs)
      holds.push({ ev: eventNo(i), node: 'caller', since: inv.startAt, until: limit, line: true })
    })
  const open = holds.length
  // Read once: the per-event functions below run for every event of the run, and a state's
  // fields read in them are slow lookups (states come in many hidden classes).
  const events = s.events
  const answerStep = s.sync?.answerStep ?? paged<number>()
  const node = (id: string, kind: StageNode['kind'], label: string, detail: string, column: number): StageNode => ({
    id,
    kind,
    label,
    detail,
    column,
    row: 0,
    tokens: [],
    count: 0,
    lanes: [],
  })
  const timeout =
    sync.callerTimeoutMs === null ? 'waits for the function' : `gives up after ${sync.callerTimeoutMs / 1000} s (504)`
  const retries = sync.clientMaxAttempts > 1 ? `, up to ${sync.clientMaxAttempts} attempts` : ', no retries'
  return {
    nodes: [
      node('caller', 'caller', CALLER_LABELS[sync.caller], `${timeout}${retries}`, 0),
      node('invoke', 'invoke', 'Lambda Invoke API', `${open} open · RequestResponse: 200 / 429`, 1),
    ],
    edges: [
      ['caller', 'invoke'],
      ['invoke', ENVS_NODE],
    ],
    nodeOf: (i) => (nth(events, i).stage === 'arriving' ? 'invoke' : 'caller'),
    holds,
    replyOf: (i) => {
      const d = lastAnswer(events, i)
      return d ? syncReply(d, pget(answerStep, i) ?? -1) : null
    },
    replyKeyOf: (i) => {
      const d = lastAnswer(events, i)
      return d ? replyKey(d) : null
    },
    replyStepOf: (i) => pget(answerStep, i) ?? -1,
    untilOf: (i) => {
      const ev = nth(events, i)
      if (ev.stage !== 'waiting') return null
      const last = ev.deliveries[ev.deliveries.length - 1]
      return last ? last.atMs + sync.clientBackoffMs : null
    },
  }
}
