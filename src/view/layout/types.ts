import type { StageEnv, StageHold, StageLane, StageNode, StagePollers, StageReply, StageToken } from '../../engine'

/**
 * What the stage layout returns, in SVG user units (see metrics.ts). Horizontal (wide screens):
 * the pipeline (source, Invoke API / queue / shards, poller) runs left to right into the
 * environments column; the sinks (destinations, DLQ, discarded) sit in a row under it. Vertical
 * (phones): the same order top to bottom, sinks two by two at the end.
 */
export type Orientation = 'horizontal' | 'vertical'

export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

export interface NodeLayout extends Box {
  readonly node: StageNode
  readonly labelLines: readonly string[]
  readonly detailLines: readonly string[]
  /** Tokens listed on the node but not drawn (the "+K" counter), plus the node's own count. */
  readonly hidden: number
  /** Centre of the grid cell where "+K" is drawn (the cell after the last drawn token). */
  readonly more: Point | null
}

export interface EnvLayout extends Box {
  readonly env: StageEnv
  /** Tokens inside the environment not drawn (shown as "+K" in the last cell). */
  readonly hidden: number
  readonly more: Point | null
  /** Outline drawn around the tokens of the environment's batch, when it runs one. */
  readonly batchBox: Box | null
  /** Baseline of the batch line ("batch-3 · 8 records"), when the card shows one. */
  readonly batchLine: Point | null
  /** The batch line's text, shortened to fit the card. */
  readonly batchText: string | null
}

export interface TokenLayout {
  readonly token: StageToken
  readonly x: number
  readonly y: number
}

export interface EdgeLayout {
  readonly from: string
  readonly to: string
  readonly d: string
}

/** Something a node still holds for a token drawn elsewhere (see StageHold), and where that token is. */
export interface HoldLayout {
  readonly hold: StageHold
  readonly x: number
  readonly y: number
  /** The token's place when the hold draws a line to it and the token is drawn. */
  readonly target: Point | null
  /** The line ends at the environments' top edge above the token (phones), not at the token. */
  readonly toEdge: boolean
}

/** A lane row inside a node: where it starts, its markers and its "+K". */
export interface LaneLayout extends Box {
  readonly lane: StageLane
  readonly node: string
  /** The lane's name, shortened to fit its cell ("" when none). */
  readonly labelText: string
  /** "✓ 12": records behind the checkpoint, drawn before the checkpoint bar at `checkpointX`. */
  readonly behindText: string | null
  readonly checkpointX: number | null
  /** The blocked marker's x (a bar after the lane's head), when blocked, and its row's top. */
  readonly blockedX: number | null
  readonly blockedY: number
  readonly hidden: number
  readonly more: Point | null
}

/** The latest answer to the caller / source, in the band over the pipeline. */
export interface ReplyLayout extends Box {
  readonly reply: StageReply
  readonly lines: readonly string[]
}

export interface GaugeLayout extends Box {
  /** The sub text ("account limit 1000") goes on a second line when the first would not fit. */
  readonly twoLines: boolean
}

/** The mapping's pollers strip (layout/pollers.ts): words, glyphs and the arms reaching into a source. */
export interface PollersLayout {
  readonly pollers: StagePollers
  readonly box: Box
  /** Start of the count's baseline. */
  readonly text: Point
  readonly glyphs: readonly (Point & { readonly state: 'reach' | 'busy' | 'idle' })[]
  /** Paths from a reaching poller into the node it polls (an arrow head at their end). */
  readonly arms: readonly string[]
}

export interface StageLayout {
  readonly width: number
  readonly height: number
  readonly nodes: readonly NodeLayout[]
  readonly envs: readonly EnvLayout[]
  /** Environments not drawn because there is no room for them. */
  readonly envsHidden: number
  /** Running events inside the environments not drawn. */
  readonly envsHiddenTokens: number
  /** Where the "+K more environments" line goes (inside the environments node), when some are hidden. */
  readonly envsNote: Point | null
  /** That line's text, shortened to fit the node. */
  readonly envsNoteText: string
  readonly tokens: readonly TokenLayout[]
  readonly edges: readonly EdgeLayout[]
  readonly gauge: GaugeLayout
  readonly holds: readonly HoldLayout[]
  readonly lanes: readonly LaneLayout[]
  /** Band for the latest answer (sync, async); the box is there even before the first answer. */
  readonly replyBand: Box | null
  readonly reply: ReplyLayout | null
  readonly pollers: PollersLayout | null
}

/** A node's box while the stage is being laid out, with the token rows it was given. */
export interface Placed {
  readonly node: StageNode
  readonly box: Box
  readonly rows: number
}

/** A hold's place before its connection line is known (see holds.ts). */
export type HoldPlace = Omit<HoldLayout, 'target' | 'toEdge'>
