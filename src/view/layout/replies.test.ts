import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../../engine'
import type { StageReply } from '../../engine'
import { PRESETS } from '../../scenarios'
import { REPLY_CHAR } from './metrics'
import { replyLines } from './replies'
import { both } from './test-helpers'

describe('the answer band', () => {
  it('§1.4 sync: a 429 answer and its Reason fit the answer band whole, wide and on a phone', () => {
    let s = createSim(PRESETS.find((p) => p.id === 'sync-throttled')!.scenario)
    s = advance(s, { steps: 8, collect: false }).state
    const stage = selectStage(s)
    expect(stage.replies[0]?.code).toBe('429')
    for (const l of both(stage)) {
      expect(l.reply!.lines.join(' ')).toContain('ReservedFunction')
      expect(l.reply!.lines.join('')).not.toContain('…')
    }
  })

  it('replyLines drops the token, then the long words, before it would cut anything', () => {
    const r = {
      token: 'req-12',
      text: '429 TooManyRequestsException',
      short: '429 Throttled',
      code: '429',
    } as StageReply
    expect(replyLines(r, 600, 1)).toEqual(['req-12 ← 429 TooManyRequestsException'])
    const narrow = replyLines(r, 200, 1)
    expect(narrow).toHaveLength(1)
    expect(narrow[0]!.length * REPLY_CHAR).toBeLessThanOrEqual(200)
    expect(narrow[0]).not.toContain('…')
    expect(replyLines(r, 10, 1)).toEqual(['← 429'])
  })
})
