import {
  BADGE_ASCENT,
  BADGE_CHAR,
  BADGE_DESCENT,
  COUNTDOWN_BASELINE,
  LABEL_FIT,
  POISON_MARK,
  RECEIVES_MARK,
  REPLY_BADGE,
  RING_GAP_DEG,
  TEXT_BASELINE,
  TIMER_R,
  TRIANGLE_BASELINE,
} from './metrics'

/**
 * A token's badges in fixed slots, in the token's own units (its centre at 0,0). Pure: the same
 * numbers draw the token (Token.tsx, HoldLayer.tsx) and prove, in badges.test.ts, that no two
 * boxes cross; e2e/badges.spec.ts measures the drawn ones.
 *
 *        [!]  [×N]        top row: poison left, receive count right, above the label's box
 *        ( label )        centre
 *       [429] or 9.8 s    bottom slot: the answer chip, else the countdown (the ring is open there)
 */
export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface BadgeInput {
  /** The label as drawn (shortLabel). */
  readonly label: string
  readonly triangle: boolean
  readonly poison: boolean
  /** "×N", or null when the receive count is not shown. */
  readonly receives: string | null
  /** The answer chip's code, or null. */
  readonly reply: string | null
  /** The countdown readout's text, or null (no ring, or the chip takes the bottom slot). */
  readonly countdown: string | null
  /** Whether the token wears a countdown ring. */
  readonly ring: boolean
}

export interface BadgeSlots {
  readonly label: { readonly baseline: number; readonly fit: number | null; readonly box: Box }
  readonly poison: Box | null
  readonly receives: (Box & { readonly textX: number; readonly baseline: number }) | null
  readonly reply: (Box & { readonly baseline: number }) | null
  readonly countdown: { readonly baseline: number; readonly box: Box } | null
  /** The ring's path (an arc open at the bottom slot), or null without a ring. */
  readonly ring: string | null
}

/** Estimated width of token text (bold, 16 units): the layout's guess; the e2e test measures the real one. */
export function textWidth(text: string): number {
  return text.length * BADGE_CHAR
}

/** The em box of a line of token text centred on x at `baseline`. */
function centredBox(w: number, baseline: number): Box {
  return { x: -w / 2, y: baseline - BADGE_ASCENT, w, h: BADGE_ASCENT + BADGE_DESCENT }
}

/**
 * The countdown ring as an arc from the left end of its bottom gap, over the top, to the right
 * end: clockwise, so a stroke-dasharray on it fills in reading order.
 */
export function ringPath(r: number = TIMER_R, gapDeg: number = RING_GAP_DEG): string {
  const a = (gapDeg * Math.PI) / 180
  const x = +(r * Math.sin(a)).toFixed(2)
  const y = +(r * Math.cos(a)).toFixed(2)
  return `M ${-x} ${y} A ${r} ${r} 0 1 1 ${x} ${y}`
}

export function badgeSlots(t: BadgeInput): BadgeSlots {
  const baseline = t.triangle ? TRIANGLE_BASELINE : TEXT_BASELINE
  const natural = textWidth(t.label)
  const fit = natural > LABEL_FIT ? LABEL_FIT : null
  const label = { baseline, fit, box: centredBox(fit ?? natural, baseline) }
  const { x: px, y: py, r } = POISON_MARK
  const poison = t.poison ? { x: px - r, y: py - r, w: 2 * r, h: 2 * r } : null
  let receives: BadgeSlots['receives'] = null
  if (t.receives !== null) {
    const { x, y, h, pad, baseline: b } = RECEIVES_MARK
    receives = { x, y: y - h / 2, w: textWidth(t.receives) + 2 * pad, h, textX: x + pad, baseline: y + b }
  }
  let reply: BadgeSlots['reply'] = null
  if (t.reply !== null) {
    const w = textWidth(t.reply) + 2 * REPLY_BADGE.pad
    reply = { x: -w / 2, y: REPLY_BADGE.y, w, h: REPLY_BADGE.h, baseline: REPLY_BADGE.baseline }
  }
  const countdown =
    t.countdown !== null && reply === null
      ? { baseline: COUNTDOWN_BASELINE, box: centredBox(textWidth(t.countdown), COUNTDOWN_BASELINE) }
      : null
  return { label, poison, receives, reply, countdown, ring: t.ring ? ringPath() : null }
}

export function crosses(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}
