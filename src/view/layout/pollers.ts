import type { StageModel, StageNode } from '../../engine'
import { NODE_PAD, POLLER } from './metrics'
import type { Box, PollersLayout } from './types'

/** Height the pollers strip takes at the foot of a node: only the mapping's node, when the engine has pollers. */
export function stripOf(stage: StageModel, node: StageNode): number {
  return stage.pollers && node.kind === 'poller' ? POLLER.strip : 0
}

/**
 * The mapping's pollers as actors (engine: `stage.pollers`): the count in words, one glyph per
 * poller while they fit (those reaching first, then those holding a batch, then idle ones), and an
 * arm from the first poller reaching into each source node it polls at this instant.
 */
export function placePollers(
  stage: StageModel,
  boxes: Readonly<Record<string, Box>>,
  horizontal: boolean,
): PollersLayout | null {
  const p = stage.pollers
  const box = boxes.poller
  if (!p || !box) return null
  const x = box.x + NODE_PAD
  const top = box.y + box.h - NODE_PAD - POLLER.strip
  const cols = Math.max(1, Math.floor((box.w - 2 * NODE_PAD) / POLLER.pitch))
  const shown = Math.min(p.count, cols * POLLER.rows)
  const glyphs = Array.from({ length: shown }, (_, k) => ({
    x: x + (k % cols) * POLLER.pitch + POLLER.glyph / 2,
    y: top + POLLER.firstRow + Math.floor(k / cols) * POLLER.pitch,
    state: k < p.reach.length ? 'reach' : k < p.busy ? 'busy' : 'idle',
  })) as PollersLayout['glyphs']
  const arms: string[] = []
  p.reach.forEach((id, k) => {
    const from = glyphs[k]
    const to = boxes[id]
    if (!from || !to || p.reach.indexOf(id) !== k) return
    // Up (or down) inside the mapping's left edge, where no arrow runs, to the source's height; then,
    // wide, straight across the gap into the source's box beside (parallel to the arrows there, never
    // across one); phones: on up into the box above.
    const a = box.x + POLLER.armX
    const b = Math.min(horizontal ? Math.max(from.y, to.y + POLLER.reachIn) : Infinity, to.y + to.h - POLLER.reachIn)
    const c = to.x + to.w - POLLER.reachIn
    arms.push(`M ${from.x - POLLER.glyph / 2} ${from.y} H ${a} V ${b}${horizontal ? ` H ${c}` : ''}`)
  })
  return {
    pollers: p,
    box: { x: box.x, y: top, w: box.w, h: POLLER.strip },
    text: { x, y: top + POLLER.text },
    glyphs,
    arms,
  }
}
