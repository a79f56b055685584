import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../report'
import { shareRecords } from '../clone'
import { advance, createSim, dispatch } from '../sim'
import type { SimState } from '../types'
import { prepare, rawScenario } from './arbitraries'
import { scenario } from './harness'

/**
 * The engine shares event records between a state and the states made from it (clone.ts). These
 * tests freeze every input deeply, so a write to anything shared throws where it happens, and
 * check that many small calls give exactly the run one call gives.
 */
function deepFreeze<T>(x: T): T {
  if (typeof x !== 'object' || x === null || Object.isFrozen(x)) return x
  for (const v of Object.values(x)) deepFreeze(v)
  return Object.freeze(x)
}

const STEP_BUDGET = 3000

describe('copy-on-write states (clone.ts)', () => {
  it('never writes to a deep-frozen input, and steps of 1-7 occurrences equal one call, with user actions, in every model', () => {
    fc.assert(
      fc.property(
        rawScenario,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 8 }),
        (r, chunks) => {
          const { parsed, commands } = prepare(r)
          let whole = createSim(parsed.scenario)
          let pieces: SimState = deepFreeze(createSim(parsed.scenario))
          let wholeLog = 0
          let piecesLog = 0
          let k = 0
          const run = (until: number) => {
            const w = advance(whole, { steps: until - whole.step })
            whole = w.state
            wholeLog += w.transitions.length
            while (pieces.step < until) {
              const p = advance(pieces, { steps: Math.min(chunks[k++ % chunks.length]!, until - pieces.step) })
              if (p.state.step === pieces.step) break
              piecesLog += p.transitions.length
              pieces = deepFreeze(p.state)
            }
          }
          for (const a of commands) {
            run(whole.step + a.afterSteps)
            whole = dispatch(whole, a.command).state
            pieces = deepFreeze(dispatch(pieces, a.command).state)
          }
          run(Math.min(STEP_BUDGET, whole.step + STEP_BUDGET))
          expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole))
          expect(piecesLog).toBe(wholeLog)
          expect(buildReport(pieces)).toEqual(buildReport(whole))
        },
      ),
      { numRuns: 300 },
    )
  }, 300000)

  it('shares the records a step does not touch and copies the ones it does', () => {
    const s0 = advance(
      createSim(scenario({ model: 'sync', function: { durationMs: 100 }, workload: [{ count: 50, everyMs: 10 }] })),
      { until: 400 },
    ).state
    const { state: s1 } = advance(s0, { steps: 1 })
    const changed = s1.events.filter((e, i) => e !== s0.events[i])
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.length).toBeLessThanOrEqual(2)
    expect(s1.events.filter((e, i) => e === s0.events[i]).length).toBeGreaterThan(30)
    for (const e of changed) expect(JSON.stringify(e)).not.toBe(JSON.stringify(s0.events[e.n]))
  })

  it('shareRecords: two runs of one history end up sharing every equal record, and nothing else changes', () => {
    fc.assert(
      fc.property(rawScenario, fc.integer({ min: 0, max: 400 }), (r, at) => {
        const { parsed } = prepare(r)
        const s0 = createSim(parsed.scenario)
        const ahead = deepFreeze(advance(s0, { steps: at + 50 }).state)
        const mine = deepFreeze(
          advance(advance(s0, { steps: Math.floor(at / 2) }).state, { steps: at - Math.floor(at / 2) }).state,
        )
        const shared = shareRecords(mine, ahead)
        expect(JSON.stringify(shared)).toBe(JSON.stringify(mine))
        shared.events.forEach((e, i) => {
          const same = JSON.stringify(e) === JSON.stringify(ahead.events[i])
          expect(e === ahead.events[i]).toBe(same && ahead.events[i] !== undefined)
        })
      }),
      { numRuns: 200 },
    )
  })

  it("advance's shareWith: the records the call wrote and ends equal to the other state's are that state's objects, and the state is the same", () => {
    fc.assert(
      fc.property(rawScenario, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), (r, at, more) => {
        const { parsed } = prepare(r)
        const s0 = createSim(parsed.scenario)
        // The run computed ahead, with its log (so it copies records a replay does not).
        const ahead = deepFreeze(advance(s0, { steps: at + more }).state)
        const start = deepFreeze(advance(s0, { steps: Math.floor(at / 2), collect: false }).state)
        const plain = advance(start, { steps: at - Math.floor(at / 2), collect: false }).state
        const shared = advance(start, { steps: at - Math.floor(at / 2), collect: false, shareWith: ahead }).state
        expect(JSON.stringify(shared)).toBe(JSON.stringify(plain))
        shared.events.forEach((e, i) => {
          const theirs = ahead.events[i]
          const written = e !== start.events[i]
          const same = theirs !== undefined && JSON.stringify(e) === JSON.stringify(theirs)
          // Written and equal: shared. Not written: left as the start state had it.
          if (written || e === theirs) expect(e === theirs).toBe(same)
          else expect(e).toBe(start.events[i])
        })
      }),
      { numRuns: 200 },
    )
  })
})
