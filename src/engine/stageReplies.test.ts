import { describe, expect, it } from 'vitest'
import { scenario } from './__tests__/harness'
import { eventNo } from './ids'
import { MODEL_RULES } from './models/registry'
import { advance, createSim } from './sim'
import { selectStage } from './stage'
import type { SimState } from './types'

/**
 * The stage tallies every event's answer by `replyKeyOf` and builds a reply only for the few it
 * lists (a 100,000-event run cannot build one per event per frame). These hold the shortcut to
 * what `replyOf` says, for each answer a model gives (§1.2-§1.4 sync: 200, 200 + error, 429, 504; §3.2 async: 202).
 */
function statesOf(s0: SimState, every: number): SimState[] {
  const out: SimState[] = [s0]
  let s = s0
  for (let k = 0; k < 400; k++) {
    const r = advance(s, { steps: every, collect: false })
    if (r.state.step === s.step) break
    s = r.state
    out.push(s)
  }
  return out
}

const fn = { initDurationMs: 100, durationMs: { min: 200, max: 900 }, errorRate: 0.3 }
const CASES: readonly { id: string; raw: Record<string, unknown> }[] = [
  { id: 'sync: 200 and 200 + error', raw: { model: 'sync', function: fn, workload: [{ count: 30, everyMs: 40 }] } },
  {
    id: 'sync: 429 and the caller retries',
    raw: {
      model: 'sync',
      function: { ...fn, reservedConcurrentExecutions: 2 },
      workload: [{ count: 30, everyMs: 20 }],
      sync: { caller: 'sdk', clientMaxAttempts: 3, clientBackoffMs: 100 },
    },
  },
  {
    id: 'sync: 504, the caller gives up',
    raw: {
      model: 'sync',
      function: { ...fn, durationMs: { min: 500, max: 3000 } },
      workload: [{ count: 20, everyMs: 50 }],
      sync: { caller: 'sdk', callerTimeoutMs: 1000, clientMaxAttempts: 2, clientBackoffMs: 0 },
    },
  },
  { id: 'async: 202', raw: { model: 'async', function: fn, workload: [{ count: 30, everyMs: 30 }] } },
]
const answering = CASES.map((c) => ({ id: c.id, scenario: scenario(c.raw) }))

describe('the stage tallies answers without building them', () => {
  it('the cases give every answer', () => {
    const keys = new Set<string>()
    for (const p of answering)
      for (const s of statesOf(createSim(p.scenario), 1))
        for (const t of selectStage(s, Number.MAX_SAFE_INTEGER).tally) keys.add(`${t.code}:${t.tone}`)
    expect([...keys].sort()).toEqual(['200:error', '200:ok', '202:accepted', '429:throttle', '504:timeout'])
  })

  for (const p of answering) {
    it(`${p.id}: each event's reply key and step are its reply's, at every state`, () => {
      for (const s of statesOf(createSim(p.scenario), 3)) {
        const part = MODEL_RULES[p.scenario.model].stage!(s)
        for (let k = 0; k < s.events.length; k++) {
          const r = part.replyOf!(eventNo(k))
          expect(part.replyKeyOf!(eventNo(k))).toBe(r ? `${r.code}:${r.tone}` : null)
          if (r) expect(part.replyStepOf!(eventNo(k))).toBe(r.step)
        }
      }
    })

    it(`${p.id}: the tally and the latest answers are the same listed or counted`, () => {
      for (const s of statesOf(createSim(p.scenario), 5)) {
        const all = selectStage(s, Number.MAX_SAFE_INTEGER)
        const counted = selectStage(s, 0)
        expect(counted.tally).toEqual(all.tally)
        expect(counted.replies).toEqual(all.replies)
        const from = Math.max(0, s.step - 4)
        expect(selectStage(s, 0, from).replies).toEqual(selectStage(s, Number.MAX_SAFE_INTEGER, from).replies)
      }
    })
  }
})
