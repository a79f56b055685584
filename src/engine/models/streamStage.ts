import { ENVS_NODE, type ModelStage, type StageNode } from '../stageTypes'
import type { SimState } from '../types'
import { shardCheckpoint, unread } from './streamShards'

/**
 * Streams stage: producer → shards → event source mapping (poller) → environments; records given
 * up on go to the on-failure destination or the discard sink. Queued and waiting records sit at
 * their shard (in sequence order); records already processed (or filtered) stay in the stream, so
 * they are drawn at their shard too, behind the checkpoint.
 */
export function streamStage(s: SimState): ModelStage {
  const m = s.stream!
  const c = s.scenario.stream
  const dynamo = s.scenario.model === 'dynamodb'
  const node = (id: string, kind: StageNode['kind'], label: string, detail: string, column: number, row = 0): StageNode => ({ id, kind, label, detail, column, row, tokens: [], count: 0 })
  const nodes: StageNode[] = [node('producer', 'source', dynamo ? 'DynamoDB table' : 'Producer', dynamo ? 'item changes → stream records' : 'PutRecord (partition key)', 0)]
  const edges: [string, string][] = []
  for (let k = 0; k < m.shards; k++) {
    let waiting = 0
    for (let j = 0; j < m.factor; j++) waiting += unread(m.lanes[k * m.factor + j]!)
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
    nodes.push(node('onFailure', 'destination', `On-failure destination (${c.onFailure.toUpperCase()})`, 'batch metadata only', 4, 0))
    edges.push(['poller', 'onFailure'])
  }
  nodes.push(node('discard', 'discard', 'Discarded', 'records given up on', 4, c.onFailure !== null ? 1 : 0))
  edges.push(['poller', 'discard'])
  const shardNode = (i: number): string => `shard-${(m.shardOf[i] ?? 0) + 1}`
  return {
    nodes,
    edges,
    nodeOf: (i) => {
      const ev = s.events[i]!
      if (ev.stage === 'failed') {
        const last = ev.deliveries[ev.deliveries.length - 1]
        return last?.to === 'onFailure' ? 'onFailure' : 'discard'
      }
      if (ev.stage === 'arriving') return 'producer'
      return shardNode(i)
    },
    untilOf: (i) => {
      const ev = s.events[i]!
      if (ev.stage !== 'waiting') return null
      const l = m.lanes[m.laneOf[i] ?? -1]
      return l && l.until >= 0 ? l.until : null
    },
  }
}
