import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advance, createSim, dispatch } from '../sim'
import { selectStage, selectStageMemo } from '../stage'
import { stageMemo, type StageMemo } from '../stageWalk'
import type { SimState } from '../types'
import { prepare, rawScenario } from './arbitraries'
import { scenario } from './harness'

/**
 * The stage selector sums blocks of finished events once and reuses the sums while their records
 * are the same objects (stageWalk.ts). Whatever memo it is given, it must draw exactly the stage a
 * walk over every event draws: the same tokens, counts on each node, tally and latest answers.
 */

/** Every state of a run, one occurrence apart, with its user actions dispatched along the way. */
function statesOf(r: Parameters<typeof prepare>[0], limit: number): SimState[] {
  const { parsed, commands } = prepare(r)
  let s = createSim(parsed.scenario)
  const out = [s]
  let next = 0
  for (const a of commands) {
    next += a.afterSteps
    while (s.step < next && out.length < limit) {
      const n = advance(s, { steps: 1, collect: false }).state
      if (n.step === s.step) break
      out.push((s = n))
    }
    s = dispatch(s, a.command).state
    out.push(s)
  }
  while (out.length < limit) {
    const n = advance(s, { steps: 1, collect: false }).state
    if (n.step === s.step) break
    out.push((s = n))
  }
  return out
}

describe('stage memo (stageWalk.ts): the same stage as a walk over every event', () => {
  it('in every model, with user actions, at states visited in any order, any block size, listed count and answer step', () => {
    fc.assert(
      fc.property(
        rawScenario,
        fc.constantFrom(1, 2, 4, 8),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 40 }),
        (r, size, maxFinished, visits) => {
          const states = statesOf(r, 400)
          let memo: StageMemo = stageMemo(size)
          for (const [pick, from] of visits) {
            // Mostly forward through the run, as a player goes; sometimes anywhere (a jump back).
            const s = states[pick % states.length]!
            const got = selectStageMemo(s, memo, maxFinished, from)
            expect(got.stage).toEqual(selectStage(s, maxFinished, from))
            memo = got.memo
          }
          // And the whole run in order, as play would go, then back.
          for (const s of [...states, ...states.slice().reverse()]) {
            const got = selectStageMemo(s, memo, maxFinished, 0)
            expect(got.stage).toEqual(selectStage(s, maxFinished, 0))
            memo = got.memo
          }
        },
      ),
      { numRuns: 300 },
    )
  }, 300000)

  it('reuses a finished block: a long run stepped on sums each finished block once', () => {
    const sc = scenario({
      model: 'sync',
      seed: 3,
      function: { durationMs: 50, errorRate: 0.1 },
      workload: [{ atMs: 0, count: 600, everyMs: 10 }],
    })
    let s = advance(createSim(sc), { steps: 1000, collect: false }).state
    const first = selectStageMemo(s, stageMemo(64), 5, 0)
    const summed = first.memo.blocks.filter(Boolean).length
    expect(summed).toBeGreaterThan(3)
    s = advance(s, { steps: 1, collect: false }).state
    const again = selectStageMemo(s, first.memo, 5, 0)
    // The earlier blocks' records did not change: their sums are the same objects.
    const kept = again.memo.blocks.filter((b, i) => b !== undefined && b === first.memo.blocks[i]).length
    expect(kept).toBeGreaterThanOrEqual(summed - 1)
    expect(again.stage).toEqual(selectStage(s, 5, 0))
  })
})
