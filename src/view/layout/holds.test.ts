import { describe, expect, it } from 'vitest'
import { ARROW_GAP } from './metrics'
import { both, presetAt } from './test-helpers'

describe('holds (issue 10 item 5)', () => {
  it('§1.1 sync: the caller draws a hold per open request with a line to the running token', () => {
    const stage = presetAt('sync-basics', 4)
    expect(stage.holds.length).toBeGreaterThan(0)
    const [wide, phone] = both(stage)
    expect(wide!.holds.map((h) => h.toEdge)).not.toContain(true)
    expect(phone!.holds.map((h) => h.toEdge)).not.toContain(false)
    for (const l of both(stage)) {
      expect(l.holds.map((h) => h.hold.token).sort()).toEqual(stage.holds.map((h) => h.token).sort())
      const envs = l.nodes.find((n) => n.node.kind === 'environments')!
      for (const h of l.holds) {
        const t = l.tokens.find((x) => x.token.id === h.hold.token)!
        // Wide: the line ends at the token; phones: at the environments' top edge above it.
        expect(h.target).toEqual(h.toEdge ? { x: t.x, y: envs.y - ARROW_GAP } : { x: t.x, y: t.y })
      }
    }
  })
})
