import type { StageEnv, StageModel, StageToken } from '../../engine'
import { gridCols, slot, visibleCount } from './grid'
import {
  BATCH_BOX_PAD,
  BATCH_LINE,
  CARD_BATCH_Y,
  CARD_BOTTOM,
  CARD_GAP,
  CARD_GRID_PAD,
  CARD_MIN_W,
  CARD_TEXT_X,
  CARD_TOKEN_ROWS,
  CARD_TOP,
  ENVS_NOTE,
  ENVS_NOTE_BOTTOM,
  MAX_CARD_ROWS,
  MAX_ENVS,
  NODE_PAD,
  PITCH,
} from './metrics'
import { batchLabel, hiddenEnvsLabel } from './text'
import type { Box, EnvLayout, Orientation, Point, TokenLayout } from './types'

/** Envs shown: every live one first in engine order, then the most recently reclaimed, up to `max`. */
export function visibleEnvs(envs: readonly StageEnv[], max = MAX_ENVS): StageEnv[] {
  const live = envs.filter((e) => e.state !== 'reclaimed')
  const gone = envs.filter((e) => e.state === 'reclaimed')
  const keep = new Set([
    ...live.slice(0, max),
    ...gone.slice(Math.max(0, gone.length - Math.max(0, max - live.length))),
  ])
  return envs.filter((e) => keep.has(e))
}

/** The environment cards' grid inside the environments node: its size, and the cards it shows. */
interface CardGrid {
  readonly cols: number
  readonly cardW: number
  readonly cardH: number
  /** Where the token grid starts below a card's top (lower when cards carry a batch line). */
  readonly cardTop: number
  readonly batchLines: boolean
  /** Token columns and rows inside a card. */
  readonly tcols: number
  readonly trows: number
  readonly shown: readonly StageEnv[]
  /** Environments not drawn, and the running events inside them. */
  readonly hidden: number
  readonly hiddenTokens: number
  /** Height of the environments node: its words (`head`), the cards and the "+K more" line. */
  readonly boxH: number
}

/** Cards as wide as the column allows (at least CARD_MIN_W), at most MAX_CARD_ROWS rows of them. */
export function cardGrid(
  stage: StageModel,
  envW: number,
  orientation: Orientation,
  tokensOf: Readonly<Record<string, StageToken[]>>,
  head: number,
): CardGrid {
  const cols = Math.max(1, Math.floor((envW - 2 * NODE_PAD + CARD_GAP) / (CARD_MIN_W[orientation] + CARD_GAP)))
  const cardW = (envW - 2 * NODE_PAD - CARD_GAP * (cols - 1)) / cols
  const shown = visibleEnvs(stage.envs, Math.min(MAX_ENVS, cols * MAX_CARD_ROWS))
  const tcols = gridCols(cardW - 2 * CARD_GRID_PAD)
  const trows = shown.some((e) => (tokensOf[e.id]?.length ?? 0) > tcols) ? CARD_TOKEN_ROWS : 1
  // Batch models get a third text line on every card (batch id and size), so cards stay aligned.
  const batchLines = shown.some((e) => e.batch !== null)
  const cardTop = CARD_TOP + (batchLines ? BATCH_LINE : 0)
  const cardH = cardTop + trows * PITCH + CARD_BOTTOM
  const rows = Math.max(1, Math.ceil(shown.length / cols))
  const shownIds = new Set(shown.map((e) => e.id))
  const hidden = stage.envs.length - shown.length
  const hiddenTokens = stage.tokens.filter((t) => t.env !== null && !shownIds.has(t.env)).length
  // The cards start under the environments' own words (they need not line up with token rows).
  const boxH = head + rows * (cardH + CARD_GAP) - CARD_GAP + NODE_PAD + (hidden > 0 ? ENVS_NOTE : 0)
  return { cols, cardW, cardH, cardTop, batchLines, tcols, trows, shown, hidden, hiddenTokens, boxH }
}

/** The cards inside the environments node `box` (words `head` tall), each with its tokens. */
export function placeCards(
  grid: CardGrid,
  box: Box,
  head: number,
  tokensOf: Readonly<Record<string, StageToken[]>>,
): { envs: EnvLayout[]; tokens: TokenLayout[] } {
  const { cols, cardW, cardH, cardTop, tcols, trows } = grid
  const envs: EnvLayout[] = []
  const tokens: TokenLayout[] = []
  grid.shown.forEach((env, i) => {
    const ex = box.x + NODE_PAD + (i % cols) * (cardW + CARD_GAP)
    const ey = box.y + head + Math.floor(i / cols) * (cardH + CARD_GAP)
    const inside = tokensOf[env.id] ?? []
    const shown = visibleCount(inside.length, tcols, trows)
    const gx = ex + (cardW - tcols * PITCH) / 2
    const gy = ey + cardTop
    inside.slice(0, shown).forEach((t, k) => tokens.push({ token: t, ...slot(gx, gy, tcols, k) }))
    const hidden = inside.length - shown
    const usedRows = Math.max(1, Math.ceil((shown + (hidden > 0 ? 1 : 0)) / tcols))
    const usedCols = Math.min(tcols, shown + (hidden > 0 ? 1 : 0))
    const batchBox =
      env.batch !== null && inside.length > 0
        ? {
            x: gx - BATCH_BOX_PAD,
            y: gy - BATCH_BOX_PAD,
            w: usedCols * PITCH + 2 * BATCH_BOX_PAD,
            h: usedRows * PITCH + 2 * BATCH_BOX_PAD,
          }
        : null
    const batchLine = grid.batchLines && env.batch !== null ? { x: ex + CARD_TEXT_X, y: ey + CARD_BATCH_Y } : null
    const batchText =
      batchLine && env.batch !== null ? batchLabel(env.batch, inside.length, cardW - 2 * CARD_TEXT_X) : null
    const more = hidden > 0 ? slot(gx, gy, tcols, shown) : null
    envs.push({ env, x: ex, y: ey, w: cardW, h: cardH, hidden, more, batchBox, batchLine, batchText })
  })
  return { envs, tokens }
}

/** The "+K more environments" line at the bottom of the environments node, when some are not drawn. */
export function envsNote(grid: CardGrid, box: Box | undefined): { envsNote: Point | null; envsNoteText: string } {
  const some = box !== undefined && grid.hidden > 0
  return {
    envsNote: some ? { x: box.x + NODE_PAD, y: box.y + box.h - ENVS_NOTE_BOTTOM } : null,
    envsNoteText: some ? hiddenEnvsLabel(grid.hidden, grid.hiddenTokens, box.w - 2 * NODE_PAD) : '',
  }
}
