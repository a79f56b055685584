import { ENVS_NODE, type ModelStage, type StageNode } from '../stageTypes'
import type { SimState } from '../types'
import { CALLER_LABELS } from './syncLabels'

/** Sync stage: caller → Invoke API → environments; answers come back to the caller. */
export function syncStage(s: SimState): ModelStage {
  const sync = s.scenario.sync
  const node = (id: string, kind: StageNode['kind'], label: string, detail: string, column: number): StageNode => ({ id, kind, label, detail, column, row: 0, tokens: [], count: 0 })
  const timeout = sync.callerTimeoutMs === null ? 'waits for the function' : `gives up after ${sync.callerTimeoutMs / 1000} s (504)`
  const retries = sync.clientMaxAttempts > 1 ? `, up to ${sync.clientMaxAttempts} attempts` : ', no retries'
  return {
    nodes: [
      node('caller', 'caller', CALLER_LABELS[sync.caller], `${timeout}${retries}`, 0),
      node('invoke', 'invoke', 'Lambda Invoke API', 'RequestResponse: 200 / 429', 1),
    ],
    edges: [
      ['caller', 'invoke'],
      ['invoke', ENVS_NODE],
    ],
    nodeOf: (i) => {
      const ev = s.events[i]!
      if (ev.stage === 'arriving') return 'invoke'
      return 'caller'
    },
    untilOf: (i) => {
      const ev = s.events[i]!
      if (ev.stage !== 'waiting') return null
      const last = ev.deliveries[ev.deliveries.length - 1]
      return last ? last.atMs + sync.clientBackoffMs : null
    },
  }
}
