import { describe, expect, it } from 'vitest'
import { TOKEN_STYLE } from './tokenStyle'
import { STATE_WORDS } from './tokenText'

describe('the token style table (issue 13: the view owns every look)', () => {
  it('outcomes differ by shape, not colour alone: running, waiting, succeeded and failed are four outlines', () => {
    const shapes = (['running', 'waiting', 'succeeded', 'failed'] as const).map((s) => TOKEN_STYLE[s].shape)
    expect(new Set(shapes).size).toBe(4)
    expect(TOKEN_STYLE.throttled.shape).toBe(TOKEN_STYLE.failed.shape)
  })

  it('the legend and the accessible names read the same words as the table', () => {
    for (const [state, style] of Object.entries(TOKEN_STYLE)) {
      expect(STATE_WORDS[state as keyof typeof STATE_WORDS]).toBe(style.words)
      expect(style.words.length).toBeGreaterThan(0)
    }
  })
})
