import { describe, expect, it } from 'vitest'
import { logicalWidth, minHorizontalWidth } from './columns'
import { visibleEnvs } from './cards'
import { CARD_TEXT_X, NODE_PAD, SMALL_BOLD_CHAR, VERTICAL_BELOW } from './metrics'
import { layoutStage } from './stage'
import { stageAt } from './test-helpers'

describe('environment cards', () => {
  it('keeps live environments before reclaimed ones when there are too many', () => {
    const envs = stageAt(60).envs
    expect(visibleEnvs(envs, 5)).toHaveLength(Math.min(5, envs.length))
    const shown = visibleEnvs(envs, 5)
    const live = envs.filter((e) => e.state !== 'reclaimed').length
    expect(shown.filter((e) => e.state !== 'reclaimed')).toHaveLength(Math.min(5, live))
  })

  it('draws at most the visible tokens, counts the rest, and places running ones in their environment', () => {
    const stage = stageAt(60)
    const l = layoutStage(stage)
    const drawn = new Set(l.tokens.map((t) => t.token.id))
    expect(drawn.size).toBe(l.tokens.length)
    const hiddenOnNodes = l.nodes.reduce((s, n) => s + n.hidden - n.node.count, 0)
    const hiddenInEnvs = l.envs.reduce((s, e) => s + e.hidden, 0)
    const undrawnEnvTokens = stage.tokens.filter(
      (t) => t.env !== null && !l.envs.some((e) => e.env.id === t.env),
    ).length
    expect(undrawnEnvTokens).toBe(l.envsHiddenTokens)
    expect(l.tokens.length + hiddenOnNodes + hiddenInEnvs + undrawnEnvTokens).toBe(stage.tokens.length)
    for (const t of l.tokens.filter((x) => x.token.env !== null)) {
      const box = l.envs.find((e) => e.env.id === t.token.env)!
      expect(t.x).toBeGreaterThan(box.x)
      expect(t.x).toBeLessThan(box.x + box.w)
    }
    expect(l.envs.length + l.envsHidden).toBe(stage.envs.length)
  })

  it('a busy SQS run (5,000 messages a second) keeps every environment line inside its box', () => {
    const raw = {
      model: 'sqs',
      function: { durationMs: { min: 100, max: 300 } },
      sqs: { batchSize: 10 },
      workload: [0, 1, 2, 3, 4].map(() => ({ atMs: 0, count: 2000, everyMs: 1 })),
    }
    const stage = stageAt(4000, raw)
    for (const px of [1280, 1000, 390]) {
      const orientation = px < VERTICAL_BELOW ? 'vertical' : 'horizontal'
      const layout = layoutStage(stage, orientation, logicalWidth(px, orientation, minHorizontalWidth(stage)))
      expect(layout.envs.filter((e) => e.batchText !== null).length).toBeGreaterThan(0)
      for (const e of layout.envs)
        if (e.batchText) expect(e.batchText.length * SMALL_BOLD_CHAR).toBeLessThanOrEqual(e.w - 2 * CARD_TEXT_X)
      const envs = layout.nodes.find((n) => n.node.kind === 'environments')!
      expect(layout.envsNote).not.toBeNull()
      expect(layout.envsNoteText.length * SMALL_BOLD_CHAR).toBeLessThanOrEqual(envs.w - 2 * NODE_PAD)
    }
  })
})
