import type { StageModel, StageReply } from '../../engine'
import type { Frame } from './columns'
import {
  BAND_GAP,
  COL_GAP,
  REPLY_BAND_V,
  REPLY_CHAR,
  REPLY_LINE,
  REPLY_MIN_CHARS,
  REPLY_TEXT_X,
  REPLY_V_PAD,
  STAGE_PAD,
} from './metrics'
import { wrapText } from './text'
import type { Box, ReplyLayout } from './types'

/** The answer's words for the band, as long as `width` px of 16 px bold text allows in `maxLines` lines. */
export function replyLines(r: StageReply, width: number, maxLines: number): string[] {
  const chars = Math.max(REPLY_MIN_CHARS, Math.floor(width / REPLY_CHAR))
  const options = [
    `${r.token} ← ${r.text}`,
    `← ${r.text}`,
    `${r.token} ← ${r.short}`,
    `← ${r.short}`,
    `${r.token} ← ${r.code}`,
    `← ${r.code}`,
  ]
  for (const o of options) {
    const lines = wrapText(o, chars, maxLines)
    if (!lines.some((l) => l.endsWith('…'))) return lines
  }
  return [`← ${r.code}`]
}

/**
 * The band for the latest answer to the caller / source (sync, async): over the pipeline, left of
 * the gauge (wide), or under the gauge (phones). `top` is where the pipeline's boxes start.
 */
export function placeReplies(
  stage: StageModel,
  f: Frame,
  gaugeHeight: number,
): { replyBand: Box | null; reply: ReplyLayout | null; top: number } {
  const answers = stage.model === 'sync' || stage.model === 'async'
  const replyBand: Box | null = !answers
    ? null
    : f.horizontal && f.envIndex > 0
      ? { x: f.left, y: STAGE_PAD, w: f.envX - COL_GAP - f.left, h: gaugeHeight - BAND_GAP }
      : { x: f.left, y: STAGE_PAD + gaugeHeight, w: f.inner, h: REPLY_BAND_V }
  const top = STAGE_PAD + gaugeHeight + (replyBand && replyBand.y > STAGE_PAD ? REPLY_BAND_V + BAND_GAP : 0)
  const latest = stage.replies[0]
  const reply: ReplyLayout | null =
    replyBand && latest
      ? {
          ...replyBand,
          reply: latest,
          lines: replyLines(
            latest,
            replyBand.w - 2 * REPLY_TEXT_X,
            Math.max(1, Math.floor((replyBand.h - REPLY_V_PAD) / REPLY_LINE)),
          ),
        }
      : null
  return { replyBand, reply, top }
}
