import { STAGE_VARIANTS } from '../view/stageVariants'

/**
 * The compact docs layout (EmbedView, embed.css `.lem-embed--compact`) has a box only about 0.6 of
 * its width tall, where a vertical drawing would shrink to unreadable: the stage turns across from
 * this stage width, and never uses the wide vertical variant (index 1). Same ranges as its rules
 * in embed.css.
 */
export const COMPACT_ACROSS_FROM = 560

/** The variant the compact layout shows for a stage box `px` CSS pixels wide. */
export function compactVariantIndex(px: number): number {
  return px < COMPACT_ACROSS_FROM ? 0 : px < (STAGE_VARIANTS[3]?.from ?? Infinity) ? 2 : 3
}
