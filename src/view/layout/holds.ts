import { ARROW_GAP, MAX_LINES } from './metrics'
import type { Box, HoldLayout, HoldPlace, Point, TokenLayout } from './types'

/**
 * Connection lines go from a hold to its token, wherever that token is drawn (at most MAX_LINES).
 * On phones the environments are stacked under the pipeline (`stackedEnvs`), so a line stops at
 * their top edge (above the token it leads to) instead of crossing the cards on its way down.
 */
export function linkHolds(
  places: readonly HoldPlace[],
  tokens: readonly TokenLayout[],
  stackedEnvs: Box | undefined,
): HoldLayout[] {
  const at: Record<string, Point> = {}
  for (const t of tokens) at[t.token.id] = t
  let lines = 0
  const edgeY = stackedEnvs ? stackedEnvs.y - ARROW_GAP : null
  return places.map((h) => {
    const to = h.hold.line && lines < MAX_LINES ? at[h.hold.token] : undefined
    if (to) lines++
    return { ...h, target: to ? { x: to.x, y: edgeY ?? to.y } : null, toEdge: to !== undefined && edgeY !== null }
  })
}
