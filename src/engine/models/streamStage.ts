import { failsItself } from '../stagePoison'
import { peach, pget } from '../paged'
import { eventAt, internalError, nth } from '../must'
import type { EventNo } from '../ids'
import {
  ENVS_NODE,
  type ModelStage,
  type StageHold,
  type StageLane,
  type StageNode,
  type StagePollers,
} from '../stageTypes'
import type { SimState } from '../types'
import { shardCheckpoint, unread } from './streamShards'
import type { Lane as StreamLane, StreamModelState } from './streamTypes'
import { stageNode } from './stageNode'

type Hold = Omit<StageHold, 'token' | 'label' | 'poison'> & { ev: EventNo }

/** The lane's head batch has failed and is being retried: nothing behind it moves (fact sheet §4.3). */
function blockedLane(l: StreamLane): boolean {
  return l.fails > 0 && (l.parts[0]?.length ?? 0) > 0
}
type Lane = Omit<StageLane, 'tokens' | 'rest'> & { events: EventNo[] }

/**
 * Each shard lane in order from its checkpoint (fact sheet §4.3): the batch in hand (the poison
 * record first), the batches after it, then the unread records; records done are counted behind
 * the checkpoint. A failing batch blocks the lane until it succeeds, expires or is given up.
 */
function shardLanes(
  s: SimState,
  m: StreamModelState,
  poison: (i: EventNo) => boolean,
): { lanes: Record<string, Lane[]>; holds: Hold[] } {
  const behind = m.lanes.map(() => 0)
  // Every record of the run: read page by page, without a checked lookup per record.
  const records = s.events
  peach(m.laneOf, (lane, k) => {
    const st = records[k]?.stage
    // Done records, whatever their end (processed, filtered, given up on): the checkpoint is past them.
    if (st === 'succeeded' || st === 'filtered' || st === 'failed') behind[lane] = (behind[lane] ?? 0) + 1
  })
  const lanes: Record<string, Lane[]> = {}
  const holds: Hold[] = []
  for (const l of m.lanes) {
    const held = l.parts.flat()
    const first = l.parts[0] ?? []
    const events = [...first.filter(poison), ...first.filter((i) => !poison(i)), ...held.slice(first.length)]
    for (let k = l.head; k < l.q.length; k++) events.push(nth(l.q, k))
    const inv = s.invocations[l.inv]
    if (inv)
      for (const i of inv.events)
        holds.push({ ev: i, node: `shard-${l.shard + 1}`, since: inv.startAt, until: null, line: false })
    const blocked = blockedLane(l)
    ;(lanes[`shard-${l.shard + 1}`] ??= []).push({
      id: `lane-${l.n}`,
      label: m.factor > 1 ? `lane ${l.index + 1}` : '',
      short: m.factor > 1 ? `L${l.index + 1}` : '',
      events,
      behind: nth(behind, l.n),
      blocked,
      blockedAfter: blocked ? first.length : 0,
    })
  }
  return { lanes, holds }
}

/**
 * The mapping's pollers (fact sheet §4.3 "Parallelization", §4.1 "one iterator per shard"): one per
 * lane, shards × ParallelizationFactor, each with at most one batch in flight; fixed for the run.
 * A lane reaches into its shard when its batch's invocation starts at this very millisecond.
 */
export function streamPollers(s: SimState, m: StreamModelState): StagePollers {
  const count = m.lanes.length
  const busy = m.lanes.filter((l) => l.state !== 'idle').length
  const reach = m.lanes.filter((l) => s.invocations[l.inv]?.startAt === s.now).map((l) => `shard-${l.shard + 1}`)
  return { count, busy, reach }
}

/**
 * Streams stage: producer → shards → event source mapping (poller) → environments; records given
 * up on go to the on-failure destination or the discard sink. Queued and waiting records sit at
 * their shard (in sequence order); records already processed (or filtered) stay in the stream, so
 * they are drawn at their shard too, behind the checkpoint.
 */
export function streamStage(s: SimState): ModelStage {
  const m = s.stream ?? internalError('no stream model state')
  const c = s.scenario.stream
  const dynamo = s.scenario.model === 'dynamodb'
  const node = stageNode
  const nodes: StageNode[] = [
    node(
      'producer',
      'source',
      dynamo ? 'DynamoDB table' : 'Producer',
      dynamo ? 'item changes → stream records' : 'PutRecord (partition key)',
      0,
    ),
  ]
  const edges: [string, string][] = []
  for (let k = 0; k < m.shards; k++) {
    let waiting = 0
    for (let j = 0; j < m.factor; j++) waiting += unread(nth(m.lanes, k * m.factor + j))
    const id = `shard-${k + 1}`
    nodes.push(node(id, 'shard', `Shard ${k + 1}`, `checkpoint ${shardCheckpoint(m, k)} · unread ${waiting}`, 1, k))
    edges.push(['producer', id], [id, 'poller'])
  }
  const retries = c.maximumRetryAttempts === -1 ? 'retries until expiry' : `${c.maximumRetryAttempts} retries`
  const parts = [`batch ${c.batchSize}`]
  if (c.maximumBatchingWindowInSeconds > 0) parts.push(`window ${c.maximumBatchingWindowInSeconds} s`)
  parts.push(`parallelization ${c.parallelizationFactor}`, retries)
  if (c.maximumRecordAgeInSeconds !== -1) parts.push(`max age ${c.maximumRecordAgeInSeconds} s`)
  parts.push(c.bisectBatchOnFunctionError ? 'bisect on' : 'bisect off')
  if (c.reportBatchItemFailures) parts.push('partial batch responses')
  nodes.push(node('poller', 'poller', 'Event source mapping', parts.join(' · '), 2))
  edges.push(['poller', ENVS_NODE])
  if (c.onFailure !== null) {
    nodes.push(
      node(
        'onFailure',
        'destination',
        `On-failure destination (${c.onFailure.toUpperCase()})`,
        'batch metadata only',
        4,
        0,
      ),
    )
    edges.push(['poller', 'onFailure'])
  }
  nodes.push(node('discard', 'discard', 'Discarded', 'records given up on', 4, c.onFailure !== null ? 1 : 0))
  edges.push(['poller', 'discard'])
  // One name per shard, not one string made per event.
  const shardNames: string[] = []
  const shardNode = (i: number): string => {
    const k = pget(m.shardOf, i) ?? 0
    return (shardNames[k] ??= `shard-${k + 1}`)
  }
  const blockedBatch = new Set(m.lanes.flatMap((l) => (blockedLane(l) ? (l.parts[0] ?? []) : [])))
  const poison = (i: EventNo): boolean => blockedBatch.has(i) && failsItself(eventAt(s, i))
  const { lanes, holds } = shardLanes(s, m, poison)
  // Read once: nodeOf runs for every event of the run (syncStage.ts).
  const events = s.events
  return {
    nodes,
    edges,
    lanes,
    holds,
    pollers: streamPollers(s, m),
    poisonOf: poison,
    nodeOf: (i) => {
      const ev = nth(events, i)
      if (ev.stage === 'failed') {
        const last = ev.deliveries[ev.deliveries.length - 1]
        return last?.to === 'onFailure' ? 'onFailure' : 'discard'
      }
      if (ev.stage === 'arriving') return 'producer'
      return shardNode(i)
    },
    untilOf: (i) => {
      const ev = eventAt(s, i)
      if (ev.stage !== 'waiting') return null
      const l = m.lanes[pget(m.laneOf, i) ?? -1]
      return l && l.until >= 0 ? l.until : null
    },
  }
}
