import { eventAt, nth } from '../must'
import { paged, pget } from '../paged'
import { ENVS_NODE, type ModelStage, type StageNode } from '../stageTypes'
import type { SimState } from '../types'
import { SOURCE_LABELS, TARGET_LABELS } from './asyncLabels'
import { stageNode } from './stageNode'

/** Node where a failed event's token ends: on-failure, else the DLQ, else the discard node. */
export function failNode(s: SimState): string {
  const a = s.scenario.async
  if (a.onFailure !== null) return 'onFailure'
  if (a.deadLetterQueue !== null && !a.deadLetterQueueWriteFails) return 'dlq'
  return 'discard'
}

/**
 * Async stage: source → Invoke API (202 at once) → Lambda's internal event queue → environments →
 * destinations. Only configured destinations are drawn; without any on-failure target a discard
 * node shows where dropped events go, and without an on-success destination a sink shows
 * processed events.
 */
export function asyncStage(s: SimState): ModelStage {
  const a = s.scenario.async
  const st = s.async
  const node = stageNode
  const retries = a.maximumRetryAttempts === 1 ? '1 retry' : `${a.maximumRetryAttempts} retries`
  const queued = st?.queued ?? 0
  const waiting = st?.waiting ?? 0
  const nodes: StageNode[] = [
    node('source', 'source', SOURCE_LABELS[a.source], 'InvocationType=Event', 0),
    node('invoke', 'invoke', 'Lambda Invoke API', 'Event: 202 Accepted', 1),
    node(
      'queue',
      'queue',
      'Internal event queue',
      `depth ${queued + waiting} · ${waiting} waiting to retry · ${retries}, max age ${a.maximumEventAgeInSeconds} s`,
      2,
    ),
  ]
  // The environments node is added by stage.ts at column 3; destinations go to its right.
  const dest = 4
  let row = 0
  const edges: [string, string][] = [
    ['source', 'invoke'],
    ['invoke', 'queue'],
    ['queue', ENVS_NODE],
  ]
  const okNode = a.onSuccess !== null ? 'onSuccess' : 'done'
  if (a.onSuccess !== null)
    nodes.push(node('onSuccess', 'destination', 'On-success destination', TARGET_LABELS[a.onSuccess], dest, row++))
  else nodes.push(node('done', 'destination', 'Processed', 'no on-success destination', dest, row++))
  edges.push([ENVS_NODE, okNode])
  if (a.onFailure !== null) {
    nodes.push(node('onFailure', 'destination', 'On-failure destination', TARGET_LABELS[a.onFailure], dest, row++))
    edges.push([ENVS_NODE, 'onFailure'], ['queue', 'onFailure'])
  }
  if (a.deadLetterQueue !== null) {
    const detail = a.deadLetterQueueWriteFails
      ? `${TARGET_LABELS[a.deadLetterQueue]} · writes fail`
      : TARGET_LABELS[a.deadLetterQueue]
    nodes.push(node('dlq', 'dlq', 'Dead-letter queue', detail, dest, row++))
    edges.push([ENVS_NODE, 'dlq'], ['queue', 'dlq'])
  }
  if (a.onFailure === null && (a.deadLetterQueue === null || a.deadLetterQueueWriteFails)) {
    nodes.push(
      node(
        'discard',
        'discard',
        'Discarded',
        a.deadLetterQueue === null ? 'no on-failure destination or DLQ' : 'the DLQ write failed',
        dest,
        row++,
      ),
    )
    edges.push([ENVS_NODE, 'discard'], ['queue', 'discard'])
  }
  const failed = failNode(s)
  // Read once: the per-event functions below run for every event of the run (syncStage.ts).
  const events = s.events
  const accepted = st?.acceptedStep ?? paged<number>()
  return {
    nodes,
    edges,
    // A retry's wait is Lambda's alone: the source got its 202 when the event was queued (fact sheet §3.2).
    holders: { waiting: `Lambda holds this event; ${SOURCE_LABELS[a.source]} already had its 202` },
    nodeOf: (i) => {
      const ev = nth(events, i)
      if (ev.stage === 'succeeded') return okNode
      if (ev.stage === 'failed') return failed
      if (ev.stage === 'arriving') return 'source'
      return 'queue'
    },
    // Lambda answers 202 as soon as the event is queued (fact sheet §3.2).
    replyOf: (i) => {
      const ev = eventAt(s, i)
      return ev.stage === 'arriving'
        ? null
        : {
            code: '202',
            text: '202 Accepted: the event is queued',
            short: '202 Accepted',
            tone: 'accepted',
            at: ev.arrivedAt,
            step: st ? (pget(st.acceptedStep, i) ?? -1) : -1,
          }
    },
    replyKeyOf: (i) => (nth(events, i).stage === 'arriving' ? null : '202:accepted'),
    replyStepOf: (i) => pget(accepted, i) ?? -1,
    untilOf: (i) => {
      const ev = eventAt(s, i)
      if (ev.stage !== 'waiting' || !st) return null
      const at = pget(st.nextAt, i)
      return at === undefined || at < 0 ? null : at
    },
  }
}
