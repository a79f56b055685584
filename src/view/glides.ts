import type { TokenLayout } from './layout/types'

/**
 * Glides running at once. Each glide is work on every frame it runs (it was framer-motion's, when
 * animating them all at thousands of events a second dropped the stage to about 12 frames a second
 * on 2 cores; it is now a CSS transition the browser restyles each frame), and a stage full of
 * tokens in motion is hard to follow. Past this many glides in flight, further moves are drawn at once.
 */
export const MAX_GLIDES = 24

/** Above this many tokens on the stage, every move is drawn at once. */
export const MAX_ANIMATED = 300

export interface GlidePlan {
  /** The token layout this plan was made for. */
  readonly tokens: readonly TokenLayout[] | null
  /** Where each token was drawn ("x,y"). */
  readonly at: ReadonlyMap<string, string>
  /** Stage times (virtual ms) at which the glides still running started. */
  readonly started: readonly number[]
  /** Tokens that glide to their new place in this frame. */
  readonly glides: ReadonlySet<string>
}

export const NO_GLIDES: GlidePlan = { tokens: null, at: new Map(), started: [], glides: new Set() }

/**
 * Which tokens glide: the new and moved ones, while fewer than MAX_GLIDES glides are running. A
 * glide lasts `span` stage milliseconds (its wall-clock length times the speed). `budget` 0 (the
 * reader asked for reduced motion): every token is drawn in place at once. Pure.
 */
export function planGlides(
  prev: GlidePlan,
  tokens: readonly TokenLayout[],
  now: number,
  span: number,
  budget: number = MAX_GLIDES,
): GlidePlan {
  const started = prev.started.filter((t) => t <= now && now - t < span)
  const glides = new Set<string>()
  const at = new Map<string, string>()
  for (const t of tokens) {
    const where = `${t.x},${t.y}`
    at.set(t.token.id, where)
    if (prev.at.get(t.token.id) === where || tokens.length > MAX_ANIMATED || started.length >= budget) continue
    glides.add(t.token.id)
    started.push(now)
  }
  return { tokens, at, started, glides }
}
