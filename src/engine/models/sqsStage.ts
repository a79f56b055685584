import { failsItself } from '../stagePoison'
import { pat, pget } from '../paged'
import { nth, eventAt } from '../must'
import { eventNo, type EventNo } from '../ids'
import { ENVS_NODE, type ModelStage, type StageHold, type StageLane, type StageNode } from '../stageTypes'
import type { SimState } from '../types'
import { heldGroups } from './sqsFifo'
import { mappingCap, provisionedPollers, sqsPollers } from './sqsPoller'
import { sqsOf, visibleAgainAt } from './sqsQueue'
import { GONE, INVISIBLE, type SqsModelState } from './sqsTypes'
import { stageNode } from './stageNode'

type Hold = Omit<StageHold, 'token' | 'label' | 'poison'> & { ev: EventNo }
type Lane = Omit<StageLane, 'tokens' | 'rest'> & { events: EventNo[] }

/**
 * A received message stays in the queue, hidden, until it is deleted or its visibility timeout
 * passes (fact sheet §4.2): while it is in a batch or running, the queue holds its ghost.
 */
function inFlight(s: SimState, st: SqsModelState): Hold[] {
  const holds: Hold[] = []
  for (let k = 0; k < st.msg.n; k++) {
    const i = eventNo(k)
    if (pget(st.msg, i) !== INVISIBLE || eventAt(s, i).stage === 'invisible') continue
    holds.push({ ev: i, node: 'queue', since: pat(st.rxAt, i), until: visibleAgainAt(s, i), line: false })
  }
  return holds
}

/** FIFO: one lane per message group with messages in the queue, in send order; a held group is blocked. */
function groupLanes(st: SqsModelState): Lane[] {
  const lanes: Lane[] = []
  for (const g of st.groups) {
    const events: EventNo[] = []
    for (let k = g.head; k < g.q.length; k++) if (pget(st.msg, nth(g.q, k)) !== GONE) events.push(nth(g.q, k))
    if (events.length === 0) continue
    let hidden = 0
    while (hidden < events.length && pget(st.msg, nth(events, hidden)) === INVISIBLE) hidden++
    lanes.push({
      id: g.id,
      label: g.id,
      short: g.id.length <= 3 ? g.id : `${g.id.slice(0, 2)}…`,
      events,
      behind: null,
      blocked: g.held > 0,
      blockedAfter: hidden,
    })
  }
  return lanes
}

/**
 * SQS stage: producer → queue → event source mapping (pollers) → environments → sinks: deleted
 * (processed), the queue's DLQ (only with a redrive policy), expired (retention) and filtered out.
 * Hidden (invisible) messages stay drawn at the queue, with the time they reappear.
 */
export function sqsStage(s: SimState): ModelStage {
  const sqs = s.scenario.sqs
  const st = s.sqs ? sqsOf(s) : null
  const fifo = s.scenario.model === 'sqs-fifo'
  const node = stageNode
  let queueDetail = `visible ${st?.visible ?? 0} · in flight ${st?.invisible ?? 0}`
  if (fifo && st) {
    const held = heldGroups(s, 3)
    if (held.count > 0)
      queueDetail += ` · held group${held.count === 1 ? '' : 's'} ${held.names.join(', ')}${held.count > held.names.length ? ` +${held.count - held.names.length}` : ''}`
  }
  const window = sqs.maximumBatchingWindowInSeconds > 0 ? `window ${sqs.maximumBatchingWindowInSeconds} s` : 'no window'
  const limit = st ? `${st.busy} of ${st.limit} batches` : ''
  const pp = s.sqs ? provisionedPollers(s) : null
  const mode = pp ? ` · provisioned ${pp.min}–${pp.max} pollers` : ''
  const pollerDetail = `${limit} (max ${s.sqs ? mappingCap(s) : 1000})${mode} · batch size ${sqs.batchSize} · ${window}${sqs.reportBatchItemFailures ? ' · ReportBatchItemFailures' : ''}`
  const nodes: StageNode[] = [
    node('producer', 'source', 'Producer', fifo ? 'SendMessage with MessageGroupId' : 'SendMessage', 0),
    node(
      'queue',
      'queue',
      fifo ? 'SQS FIFO queue' : 'SQS queue',
      `${queueDetail} · visibility timeout ${sqs.visibilityTimeout} s`,
      1,
    ),
    node('poller', 'poller', 'Event source mapping', pollerDetail, 2),
  ]
  const edges: [string, string][] = [
    ['producer', 'queue'],
    ['queue', 'poller'],
    ['poller', ENVS_NODE],
  ]
  // The environments node is added by stage.ts at column 3; sinks go to its right.
  let row = 0
  nodes.push(node('done', 'destination', 'Deleted (processed)', `${st?.deleted ?? 0} deleted`, 4, row++))
  edges.push([ENVS_NODE, 'done'])
  if (sqs.maxReceiveCount !== null) {
    nodes.push(
      node(
        'dlq',
        'dlq',
        'Queue DLQ (redrive)',
        `after ${sqs.maxReceiveCount} receive${sqs.maxReceiveCount === 1 ? '' : 's'}`,
        4,
        row++,
      ),
    )
    edges.push(['queue', 'dlq'])
  }
  const filters = s.scenario.workload.some((e) => !e.matchesFilter) || (st?.filtered ?? 0) > 0
  if ((st?.expired ?? 0) > 0 || sqs.messageRetentionPeriod < 345600) {
    nodes.push(
      node(
        'discard',
        'discard',
        'Expired (retention)',
        `messageRetentionPeriod ${sqs.messageRetentionPeriod} s`,
        4,
        row++,
      ),
    )
    edges.push(['queue', 'discard'])
  }
  if (filters) {
    nodes.push(node('filtered', 'discard', 'Filtered out', 'deleted without invoking', 4, row++))
    edges.push(['poller', 'filtered'])
  }
  // Read once: nodeOf runs for every event of the run (syncStage.ts).
  const events = s.events
  return {
    nodes,
    edges,
    holds: st ? inFlight(s, st) : [],
    ...(st && { pollers: sqsPollers(s) }),
    // A ghost: the batch that received it failed or gave up; SQS keeps it hidden (fact sheet §4.2).
    holders: { invisible: 'SQS hides this message; Lambda no longer has it' },
    lanes: st && fifo ? { queue: groupLanes(st) } : {},
    receivesOf: (i) => (st && (pget(st.rc, i) ?? 0) > 0 ? pat(st.rc, i) : null),
    poisonOf: (i) => st !== null && pget(st.msg, i) !== GONE && failsItself(eventAt(s, i)),
    nodeOf: (i) => {
      const ev = nth(events, i)
      switch (ev.stage) {
        case 'arriving':
          return 'producer'
        case 'queued':
        case 'invisible':
          return 'queue'
        case 'succeeded':
          return 'done'
        case 'filtered':
          return 'filtered'
        case 'failed':
          return ev.deliveries[ev.deliveries.length - 1]?.to === 'dlq' ? 'dlq' : 'discard'
        default:
          return 'poller'
      }
    },
    untilOf: (i) => {
      const ev = eventAt(s, i)
      if (!st) return null
      if (ev.stage === 'invisible') return visibleAgainAt(s, i)
      if (ev.stage === 'batching' || ev.stage === 'waiting') {
        const b = st.batches[pget(st.owner, i) ?? -1]
        return b?.until ?? visibleAgainAt(s, i)
      }
      return null
    },
  }
}
