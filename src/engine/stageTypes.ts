import type { Model } from './scenario/types'
import type { TokenStage } from './types'

/**
 * What the stage shows at one instant: a view-ready description computed purely from SimState
 * (see stage.ts). The view draws exactly this and decides nothing.
 */

/** Id of the execution-environments node, which every model has. */
export const ENVS_NODE = 'envs'

export type NodeKind = 'caller' | 'source' | 'invoke' | 'queue' | 'poller' | 'shard' | 'environments' | 'destination' | 'dlq' | 'discard'

export interface StageNode {
  readonly id: string
  readonly kind: NodeKind
  readonly label: string
  /** A short second line (e.g. "depth 3 · in flight 10", "checkpoint 41"). */
  readonly detail: string
  /** Left-to-right column (0 = where events come from). */
  readonly column: number
  /** Row within the column (shards, several destinations). */
  readonly row: number
  /** Tokens sitting at this node, in queue order (ids). */
  readonly tokens: readonly string[]
  /** Tokens that ended here and are not listed individually any more. */
  readonly count: number
}

export type TokenShape = 'circle' | 'square' | 'diamond' | 'triangle'

export interface StageToken {
  /** The event id used in the report. */
  readonly id: string
  readonly state: TokenStage
  /** Node id where the token is; for a running token the environments node. */
  readonly node: string
  /** Environment id while running. */
  readonly env: string | null
  readonly since: number
  /** When the current stage is due to end (running: handler end; waiting: retry time), if known. */
  readonly until: number | null
  /** Attempts so far (throttled tries included). */
  readonly attempts: number
  readonly batch: string | null
  /** Short text drawn on the token. */
  readonly label: string
  /** Shape by state, so colour is never the only signal. */
  readonly shape: TokenShape
  readonly group: string | null
}

export interface StageEnv {
  readonly id: string
  readonly state: 'init' | 'busy' | 'idle' | 'reclaimed'
  readonly provisioned: boolean
  readonly tokens: readonly string[]
  readonly batch: string | null
  readonly since: number
  /** Cold start: when Init ends and the handler starts. */
  readonly initUntil: number | null
  /** When the current invocation ends. */
  readonly busyUntil: number | null
  readonly served: number
}

export interface StageGauge {
  readonly busy: number
  /** The function's cap: reserved concurrency when set, else the account limit. */
  readonly cap: number
  readonly reserved: number | null
  readonly account: number
  readonly provisioned: number
}

export interface StageModel {
  readonly model: Model
  readonly now: number
  readonly nodes: readonly StageNode[]
  readonly edges: readonly (readonly [string, string])[]
  readonly tokens: readonly StageToken[]
  readonly envs: readonly StageEnv[]
  readonly gauge: StageGauge
}

/** The part of the stage a model contributes: its nodes, edges, and where each live token is. */
export interface ModelStage {
  readonly nodes: readonly StageNode[]
  readonly edges: readonly (readonly [string, string])[]
  /** Node id for a token that is not running (running tokens sit in the environments node). */
  readonly nodeOf: (ev: number) => string
  /** When the token's current wait ends (retry time, visibility timeout), if the model knows. */
  readonly untilOf?: (ev: number) => number | null
}
