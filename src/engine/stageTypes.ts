import type { Model } from './scenario/types'
import type { TokenStage } from './types'
import type { EventNo } from './ids'

/**
 * What the stage shows at one instant: a view-ready description computed purely from SimState
 * (see stage.ts). The view draws exactly this and decides nothing.
 */

/** Id of the execution-environments node, which every model has. */
export const ENVS_NODE = 'envs'

/** Most ids a lane lists one by one. */
export const LANE_IDS = 64

export type NodeKind =
  'caller' | 'source' | 'invoke' | 'queue' | 'poller' | 'shard' | 'environments' | 'destination' | 'dlq' | 'discard'

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
  /**
   * Lanes drawn as rows inside the node (FIFO message groups, a shard's lanes), in order; empty
   * when the node draws its tokens as one grid. Lane ids list tokens and holds at this node.
   */
  readonly lanes: readonly StageLane[]
}

/** One ordered lane of a node: a FIFO message group, or a shard (lane) of a stream. */
export interface StageLane {
  readonly id: string
  /** Short name drawn at the lane's start ("A", "lane 2"); empty when the node's label says it. */
  readonly label: string
  /** The same in at most three characters ("L2", "A"), for narrow nodes. */
  readonly short: string
  /** Token / hold ids in lane order: the lane's head first (at most LANE_IDS; the rest are counted in `rest`). */
  readonly tokens: readonly string[]
  /** Lane members left off `tokens` (a stage draws far fewer; a long lane stays cheap to describe). */
  readonly rest: number
  /** Records already behind the checkpoint (streams), drawn as a count before it; null: no checkpoint. */
  readonly behind: number | null
  /** The lane cannot move past its head (a failing batch waits for its retry, a FIFO group is held). */
  readonly blocked: boolean
  /** How many of `tokens` the blocked marker comes after (the batch or message holding the lane). */
  readonly blockedAfter: number
}

/** How an answer went, for its look (colour and words). */
export type ReplyTone = 'ok' | 'error' | 'throttle' | 'timeout' | 'accepted'

/** The answer a caller or source got for one event (sync: 200 / 429 / 504; async: 202). */
export interface StageReply {
  readonly token: string
  /** Status code as drawn on the chip ("200", "429"). */
  readonly code: string
  /** The whole answer in words ("429 TooManyRequestsException, Reason ReservedFunction…"). */
  readonly text: string
  /** The same, shorter ("429 ReservedFunctionConcurrentInvocationLimitExceeded", "200 OK"). */
  readonly short: string
  readonly tone: ReplyTone
  /** When the answer reached the caller / source. */
  readonly at: number
  /** The step that gave it (the answer band shows only the answers of the beat on screen). */
  readonly step: number
}

/**
 * Something a node still holds for a token drawn elsewhere: a caller holding the connection of a
 * request that runs (sync), a queue keeping a received message hidden while it is in flight (SQS),
 * a stream keeping a record that runs until the checkpoint passes it.
 */
export interface StageHold {
  readonly node: string
  readonly token: string
  /** Short text drawn on the hold (the token's label). */
  readonly label: string
  readonly since: number
  /** When the hold ends if nothing else happens (caller timeout, visibility timeout), if known. */
  readonly until: number | null
  /** Draw a connection line from the hold to the token (the caller waits on an open request). */
  readonly line: boolean
  /** The held token is the record that makes its batch fail. */
  readonly poison: boolean
}

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
  readonly group: string | null
  /** SQS: ApproximateReceiveCount so far (null in other models, or before the first receive). */
  readonly receives: number | null
  /** The answer its caller / source got, when it got one (sync, async). */
  readonly reply: StageReply | null
  /** The record that makes its batch fail (listed first in its lane and marked). */
  readonly poison: boolean
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

/**
 * The event source mapping's pollers at this instant (fact sheet §4.2 SQS scaling and provisioned
 * mode, §4.3 parallelization), derived from the model state: the stage draws one actor per poller.
 */
export interface StagePollers {
  /** Pollers the mapping runs now. */
  readonly count: number
  /** Of them, holding a batch (its window open, its invoke throttled, or running). */
  readonly busy: number
  /** One entry per poller that receives records at this instant: the node it reaches into. */
  readonly reach: readonly string[]
}

export interface StageModel {
  readonly model: Model
  readonly now: number
  readonly nodes: readonly StageNode[]
  readonly edges: readonly (readonly [string, string])[]
  readonly tokens: readonly StageToken[]
  readonly envs: readonly StageEnv[]
  readonly gauge: StageGauge
  /**
   * The latest answers to the caller / source given at or after `selectStage`'s `answersFrom` step
   * (the store passes the first step of the beat on screen), newest first (at most three).
   */
  readonly replies: readonly StageReply[]
  /** Every answer so far, counted by code and tone ("200 ×8", "429 ×3"), most common first. */
  readonly tally: readonly { readonly code: string; readonly tone: ReplyTone; readonly count: number }[]
  readonly holds: readonly StageHold[]
  /** The mapping's pollers (poll-based models), else null. */
  readonly pollers: StagePollers | null
  /** Who holds a token in this state while it waits, in words ("SQS hides this message; …"). */
  readonly holders: Readonly<Partial<Record<TokenStage, string>>>
}

/** The part of the stage a model contributes: its nodes, edges, and where each live token is. */
export interface ModelStage {
  readonly nodes: readonly StageNode[]
  readonly edges: readonly (readonly [string, string])[]
  /** Node id for a token that is not running (running tokens sit in the environments node). */
  readonly nodeOf: (ev: EventNo) => string
  /** When the token's current wait ends (retry time, visibility timeout), if the model knows. */
  readonly untilOf?: (ev: EventNo) => number | null
  /** The answer the event's caller / source got (its latest), if any. */
  readonly replyOf?: (ev: EventNo) => Omit<StageReply, 'token'> | null
  /**
   * `${code}:${tone}` of what `replyOf` gives, or null when it gives none, without building it:
   * the stage tallies the answers of every event, and a 100,000-event run cannot afford a reply
   * object (and its words) per event per frame. With it, `replyStepOf` (the reply's `step`).
   */
  readonly replyKeyOf?: (ev: EventNo) => string | null
  readonly replyStepOf?: (ev: EventNo) => number
  /** SQS receive count. */
  readonly receivesOf?: (ev: EventNo) => number | null
  /** Whether the event is the record holding its lane (poison). */
  readonly poisonOf?: (ev: EventNo) => boolean
  /** Holds, with event indices (stage.ts names them). */
  readonly holds?: readonly (Omit<StageHold, 'token' | 'label' | 'poison'> & { readonly ev: EventNo })[]
  readonly pollers?: StagePollers
  readonly holders?: Readonly<Partial<Record<TokenStage, string>>>
  /** Lanes per node id, with event indices (stage.ts names them). */
  readonly lanes?: Readonly<
    Record<string, readonly (Omit<StageLane, 'tokens' | 'rest'> & { readonly events: readonly EventNo[] })[]>
  >
}
