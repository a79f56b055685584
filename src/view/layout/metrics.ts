/**
 * Every number of the stage drawing, in SVG user units: the layout (src/view/layout) and the
 * components that draw it (NodeBox, EnvCard, Gauge, ...) read them here, so a box and the words
 * drawn in it can never drift apart. One user unit is one CSS pixel when the stage is drawn at its
 * natural size (see `logicalWidth`), so font sizes here are sizes on screen: never under 16 px for
 * words. The font sizes themselves live in stage.css; the ones the layout measures with are
 * repeated here (LABEL_SIZE, DETAIL_SIZE).
 */

// ---- tokens and their grid ---------------------------------------------------------------------
/** Token radius: a token is 36 units wide (diamonds 40). */
export const TOKEN_R = 18
/** Grid pitch of tokens: a token and a 10-unit gap. */
export const PITCH = 46
/**
 * Rows of a grid whose tokens wear a countdown are this far apart: the readout under a token (to
 * BOTTOM_SLOT + 20) clears the "!" and "×N" above the token below it (from -31.5).
 */
export const TIMED_PITCH = 64
/** Countdown ring around a waiting token, just outside its outline. */
export const TIMER_R = 21.5
/** Keyboard focus ring around a token. */
export const FOCUS_R = 24
/** A 16 px line's baseline sits this far below the centre it is drawn at (tokens, pills, lane rows). */
export const TEXT_BASELINE = 6
/** A triangle's middle is lower, so its label sits lower too. */
export const TRIANGLE_BASELINE = 8
// ---- a token's badges: fixed slots that never overlap (layout/badges.ts) -----------------------
// Every text on a token is 16 units, so at the readable floor (READABLE_SCALE 0.75) it is still 12 px
// on screen. The slots are stacked on their text's em box (what getBBox measures), not on the
// glyphs: the top row (poison "!" left, receive count "×N" right) ends above the label's box, the
// bottom slot (the answer chip, or the countdown readout when there is no chip) starts below it.
/** Font size of a token's label and of every badge on it (stage.css repeats it). */
export const BADGE_FONT = 16
/** The em box of a 16-unit line around its baseline in Chromium's system font: this far above, this far below. */
export const BADGE_ASCENT = 16.2
export const BADGE_DESCENT = 3.7
/** Width of one bold 16-unit character of token text (a digit is 10.8). */
export const BADGE_CHAR = 10.8
/** The widest label; longer ones ("…345") are narrowed to it (SVG textLength) rather than shrunk. */
export const LABEL_FIT = 32
/**
 * The top row fits one grid cell (PITCH wide: -23 to 23), so it stays clear of the next token's:
 * the poison "!" in a disc on the left (-23 to -7), the receive count "×N" in a pill from -6, as
 * wide as its text ("×2" ends at 23; a two-digit count runs on to the right).
 */
export const POISON_MARK = { x: -15, y: -21, r: 8, baseline: 5.5 } as const
export const RECEIVES_MARK = { x: -6, y: -21.5, h: 20, pad: 2, baseline: 5.5 } as const
/** Where the bottom slot starts, below the label's box (a triangle's label sits 2 lower). */
export const BOTTOM_SLOT = 12.5
/** Bottom: the answer chip ("429"), as wide as its code. */
export const REPLY_BADGE = { y: BOTTOM_SLOT, h: 20, pad: 4, baseline: BOTTOM_SLOT + BADGE_ASCENT } as const
/** Bottom, when there is no chip: the countdown readout. */
export const COUNTDOWN_BASELINE = BOTTOM_SLOT + BADGE_ASCENT
/**
 * The countdown ring leaves this many degrees open either side of its bottom, where the bottom
 * slot's box crosses it: the ring is never drawn under the readout or the chip.
 */
export const RING_GAP_DEG = 64

// ---- the stage and its columns -----------------------------------------------------------------
/** Margin around the drawing. */
export const STAGE_PAD = 12
/** Padding inside a node box (its words start this far from its left edge). */
export const NODE_PAD = 12
/** Horizontal gap between pipeline columns (the arrows live there). */
export const COL_GAP = 36
/** Gap between stacked boxes (wide screens; phones are tighter so more of the pipeline fits). */
export const ROW_GAP = { horizontal: 20, vertical: 14 } as const
/** Phones: a lane on the left for arrows that skip boxes. */
export const SKIP_LANE_W = 18
/** The environments column gets twice the weight of any other column. */
export const ENV_WEIGHT = 2
/** Width the horizontal layout needs per weight unit to keep labels readable at 1:1. */
export const MIN_UNIT = 176
/** Beyond this logical width the stage is scaled up instead (projectors, presentation mode). */
export const MAX_LOGICAL = 1360
/** Phones lay out between these widths; beyond them the drawing is scaled. */
export const MIN_VERTICAL = 340
export const MAX_VERTICAL = 560
/** Width laid out at when the caller names none (horizontal: at least the stage's minimum). */
export const DEFAULT_WIDTH = { horizontal: 1000, vertical: 390 } as const
/** Below this width (CSS px) the stage is laid out top to bottom (embed.css's container queries repeat it). */
export const VERTICAL_BELOW = 700
/** A stage is never drawn shorter than this. */
export const MIN_STAGE_H = 200

// ---- node boxes --------------------------------------------------------------------------------
/** Node label (bold) and detail lines: font size and line pitch. */
const LABEL_SIZE = 18
export const LABEL_LINE = 22
export const DETAIL_SIZE = 16
export const DETAIL_LINE = 20
/** Space above a node's first line and under its last, before its tokens. */
export const NODE_TEXT_TOP = 12
export const NODE_TEXT_BOTTOM = 10
/** Baseline of a node's first label line, from its top. */
export const NODE_LABEL_Y = NODE_TEXT_TOP + LABEL_SIZE
/** Label lines at most, then "…"; details wrap further (a queue's "visibility timeout 10 s" is the point). */
export const LABEL_LINES = 3
export const DETAIL_LINES = 5
/** The token grid starts this much above the end of the node's words (the first row tucks under them). */
export const GRID_RISE = 4
/** Token rows of a pipeline node on wide screens, by how many boxes share its column (1, 2, 3+). */
export const PIPE_ROWS = [3, 2, 1] as const
/** Phones size a node to what it holds, up to this many rows. */
export const MAX_ROWS_V = 2
/** Lanes drawn as rows of a node; more are counted on the node's "+K". */
export const MAX_LANE_ROWS = 3
/** One token row per sink (a long DLQ shows "+K"): the stage fits the screen beside its controls. */
export const SINK_ROWS = 1
/** Room between a sink's words and its row of tokens for the badges above them (RECEIVES_MARK reaches 31.5 up; the row tucks GRID_RISE under the words). */
export const SINK_BADGE_ROOM = 13
/** Phones put the sinks two by two; wide screens make a sink at least half the environments column. */
export const SINKS_PER_ROW_V = 2
export const SINKS_UNDER_ENVS = 2
/** Gap between two sinks side by side on phones. */
export const SINK_GAP_V = 12
export const NODE_RX = 14

// ---- glyph widths (generous averages for the sans at these sizes), for fitting words ---------------
export const LABEL_CHAR = 11
export const DETAIL_CHAR = 8.9
/** 16 px bold: batch line, "+K more environments", lane names and "✓ 12". */
export const SMALL_BOLD_CHAR = 9.8
export const GAUGE_CHAR = 10.6
export const GAUGE_SUB_CHAR = 9
export const REPLY_CHAR = 9.4

// ---- the gauge and the answer band -------------------------------------------------------------
/** Gauge box plus the gap under it, with its sub text on one line or on two. */
export const GAUGE_H = { one: 48, two: 70 } as const
/** Gap under the gauge and under the answer band. */
export const BAND_GAP = 12
/** Space between the gauge's main and sub text when they share a line. */
export const GAUGE_TEXT_SLACK = 12
/** Added to the gauge's main text when the function is at its cap. */
export const GAUGE_FULL = ' · full'
/** Gauge drawing: first baseline, second line's pitch, the bar (at the box's bottom) and the provisioned mark. */
export const GAUGE_BASELINE = 15
export const GAUGE_SUB_LINE = 22
export const GAUGE_BAR_H = 12
export const GAUGE_MIN_FILL = 6
export const GAUGE_PC_OVER = 4
/** Answer band on phones (up to three 16 px lines: a 429's Reason is one long word), under the gauge. */
export const REPLY_BAND_V = 74
/** Answer text: inset from the band's left and right, line pitch, vertical padding, baseline shift. */
export const REPLY_TEXT_X = 12
export const REPLY_LINE = 20
export const REPLY_V_PAD = 10
/** Fewest characters a reply line is wrapped to, however narrow the band. */
export const REPLY_MIN_CHARS = 4
/** A band up to this tall is a pill (fully rounded); taller ones get REPLY_RX corners. */
export const REPLY_PILL_MAX_H = 36
export const REPLY_RX = 14

// ---- environment cards -------------------------------------------------------------------------
/** 150 puts two cards side by side in the environments column at the minimum unit (a shorter stage). */
export const CARD_MIN_W = { horizontal: 150, vertical: 136 } as const
export const CARD_GAP = 12
/** Card rows before "+K more environments" (cards beyond MAX_ENVS are never drawn). */
export const MAX_CARD_ROWS = 3
export const MAX_ENVS = 24
/** Card: id and state lines above the tokens (a batch line adds BATCH_LINE), progress / served line under. */
export const CARD_TOP = 58
export const CARD_BOTTOM = 30
export const BATCH_LINE = 20
/** Token rows in a card: one, or two when some card holds more than one row's worth. */
export const CARD_TOKEN_ROWS = 2
/** The card's words start this far from its left edge; its token grid is inset by CARD_GRID_PAD. */
export const CARD_TEXT_X = 10
export const CARD_GRID_PAD = 8
/** Baselines in a card: id, state and batch lines from its top; served line from its bottom. */
export const CARD_ID_Y = 24
export const CARD_STATE_Y = 47
export const CARD_BATCH_Y = 68
export const CARD_SERVED_BOTTOM = 10
/** The progress bar's top, from the card's bottom, and its height. */
export const CARD_PROGRESS_BOTTOM = 18
export const PROGRESS_H = 8
/** Outline around the tokens of the card's batch. */
export const BATCH_BOX_PAD = 3
/** Cards narrower than this (two side by side) say the long state in fewer words. */
export const CARD_NARROW = 176
export const CARD_RX = 10
export const BATCH_BOX_RX = 12
/** Room for the "+K more environments" line, and its baseline above the node's bottom. */
export const ENVS_NOTE = 26
export const ENVS_NOTE_BOTTOM = 12

// ---- lanes (FIFO groups, shards) ----------------------------------------------------------------
/** Width of the blocked marker between two cells of a lane. */
export const BLOCK_W = 14
/** Lane names this short are shown whole; longer ones use the lane's short name. */
export const LANE_NAME_CHARS = 6
/** Padding after a lane's name and after its "✓ N". */
export const LANE_TEXT_PAD = 10
/** Room kept for the checkpoint bar when "✓ N" does not fit. */
export const CHECKPOINT_W = 8
/** The checkpoint bar stands this far left of the lane's first cell. */
export const CHECKPOINT_INSET = 3
/** Lane band drawing: outset around the row, text inset and baseline shift, bar inset. */
export const LANE_BAND_OUT = 4
export const LANE_BAND_IN = 2
export const LANE_TEXT_X = 4
export const LANE_BAR_INSET = 6
export const LANE_RX = 10
/** "✓ N" ends this far left of the checkpoint bar. */
export const CHECKPOINT_TEXT_GAP = 6

// ---- arrows ------------------------------------------------------------------------------------
/** An arrow stops this short of the box it points to (room for its head). */
export const ARROW_GAP = 6
/** Arrow heads, in multiples of the arrow's stroke width (the marker draws a 10-unit triangle into that). */
export const ARROW_HEAD = 7
/** Corner radius of routed arrows. */
export const CORNER_R = 10
/** A side-by-side arrow leaves a box at most half this far below its top. */
export const EDGE_Y_MAX = 80
/** Wide screens: an arrow between columns at most this far below a box's top, this far above its bottom. */
export const EDGE_Y_TOP = 36
export const EDGE_Y_BOTTOM = 12
/** Arrows into the sinks: gap between the pipeline and the sinks, its bus lanes' top and spacing. */
export const BUS_GAP = 30
export const BUS_TOP = 12
export const BUS_STEP = { horizontal: 8, vertical: 6 } as const
/** From the environments: leave at least this far inside their box; the bus runs this far above the sink. */
export const ENV_EDGE_INSET = 20
export const ENV_BUS_ABOVE = 14
/** Phones, arrows through the left lane: its x offsets (three lanes 5 apart), and heights from the boxes. */
export const SKIP_LANE_X = 2
export const SKIP_LANE_STEP = 5
export const SKIP_LANES = 3
export const SKIP_FROM_Y = 24
export const SKIP_BUS_ABOVE = 10
export const SKIP_Y = 30

// ---- holds and marks ---------------------------------------------------------------------------
/** Most connection lines drawn at once (the rest of the holds show without their line). */
export const MAX_LINES = 12
/** A connection line leaves its hold this far outside its outline and stops this far from the token's. */
export const LINE_FROM = 2
export const LINE_TO = 4
/** "+K" pill: height, narrowest width, and width per character plus padding. */
export const MORE_H = 30
export const MORE_MIN_W = 40
export const MORE_CHAR = 10
export const MORE_PAD = 12
/** The legend's icons (CSS px), and its marks drawn in a box ±LEGEND_MARK.box around their centre. */
export const LEGEND_ICON = 22
export const LEGEND_MARK = { box: 12, holdR: 10, blockedHalf: 9, checkpointHalf: 10 } as const

// ---- the mapping's pollers ---------------------------------------------------------------------
/**
 * The pollers strip at the foot of the event source mapping's box: one token row high, its count
 * in words (16 px bold, baseline `text` below its top), then up to `rows` rows of poller glyphs
 * (`glyph` wide at `pitch`). A reaching poller's arm ends `reachIn` inside its source's box, in a
 * hand of radius `hand`; it climbs `armX` inside the mapping's left edge, where no arrow runs.
 */
export const POLLER = {
  strip: PITCH,
  text: 14,
  firstRow: 25,
  rows: 2,
  glyph: 12,
  pitch: 15,
  reachIn: 8,
  hand: 4,
  armX: 5,
} as const
