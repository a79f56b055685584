import type { TokenStage } from '../engine'

/** A token's outline: the shape tells the state even without colour. */
export type Shape = 'circle' | 'square' | 'diamond' | 'triangle'

export interface TokenStyle {
  readonly shape: Shape
  /** What the state means, for the legend and the token's accessible name. */
  readonly words: string
}

/**
 * The one table of how each token state looks. The engine says only the state; the shape and the
 * words live here, and the colour in stage.css as `.lem-token--<state>` (from the theme's `--lem-*`
 * colours), so changing a look touches this file and the stylesheet, nothing else.
 */
export const TOKEN_STYLE: Readonly<Record<TokenStage, TokenStyle>> = {
  arriving: { shape: 'circle', words: 'arriving' },
  queued: { shape: 'circle', words: 'queued' },
  batching: { shape: 'circle', words: 'in a batch' },
  running: { shape: 'circle', words: 'running' },
  waiting: { shape: 'diamond', words: 'waiting to retry' },
  // A ghost: the dashed, see-through look is the stylesheet's; the outline stays a circle.
  invisible: { shape: 'circle', words: 'hidden in flight (visibility timeout)' },
  succeeded: { shape: 'square', words: 'succeeded' },
  failed: { shape: 'triangle', words: 'failed' },
  throttled: { shape: 'triangle', words: 'throttled' },
  filtered: { shape: 'square', words: 'filtered out' },
}
