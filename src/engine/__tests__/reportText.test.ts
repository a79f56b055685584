import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RELEASED } from '../core'
import { buildReport } from '../report'
import { writeReport } from '../reportText'
import { advance, createSim, dispatch, runToEnd } from '../sim'
import type { SimState, Transition } from '../types'
import { prepare, rawScenario } from './arbitraries'
import { scenario } from './harness'

/** What `npm run sim` printed before the report was written in pieces: the contract's bytes. */
function whole(s: SimState, metricsOnly: boolean, trace: readonly Transition[] | null): string {
  const report = buildReport(s, { metricsOnly })
  return `${JSON.stringify(trace ? { ...report, trace } : report, null, 2)}\n`
}

function pieces(s: SimState, metricsOnly: boolean, trace: readonly Transition[] | null): string {
  const out: string[] = []
  const utf8 = new TextDecoder()
  writeReport(s, { metricsOnly }, trace, (c) => out.push(utf8.decode(c, { stream: true })))
  return out.join('') + utf8.decode()
}

describe('writeReport', () => {
  it('writes exactly JSON.stringify(report, null, 2) for random scenarios of every model, cut off or not', () => {
    fc.assert(
      fc.property(rawScenario, fc.boolean(), (r, cut) => {
        const { parsed, commands } = prepare(r)
        let s = createSim(parsed.scenario)
        const log: Transition[] = []
        for (const a of commands) {
          const x = advance(s, { steps: a.afterSteps })
          const y = dispatch(x.state, a.command)
          log.push(...x.transitions, ...y.transitions)
          s = y.state
        }
        // 6,000 steps, not 60,000: on some seeds a run went that far, and its trace written four
        // ways kept this test going past 10 minutes and 1.7 GB (a clean-clone CI run, 2026-12-07).
        const end = advance(s, { steps: cut ? 40 : 6000 })
        s = end.state
        log.push(...end.transitions)
        for (const metricsOnly of [false, true])
          for (const trace of [null, log]) expect(pieces(s, metricsOnly, trace)).toBe(whole(s, metricsOnly, trace))
      }),
      { numRuns: 300 },
    )
  }, 300000)

  it('writes the same bytes when finished events are packed (packEvents), for every model, cut off or not', () => {
    let packed = 0
    fc.assert(
      fc.property(rawScenario, fc.boolean(), (r, cut) => {
        const { parsed, commands } = prepare(r)
        const run = (packEvents: boolean): SimState => {
          let s = createSim(parsed.scenario, { packEvents })
          for (const a of commands) s = dispatch(advance(s, { steps: a.afterSteps }).state, a.command).state
          return advance(s, { steps: cut ? 40 : 60000 }).state
        }
        const plain = run(false)
        const s = run(true)
        packed += s.events.filter((e) => e === RELEASED).length
        for (const metricsOnly of [false, true]) {
          expect(pieces(s, metricsOnly, null)).toBe(pieces(plain, metricsOnly, null))
          expect(whole(s, metricsOnly, null)).toBe(whole(plain, metricsOnly, null))
        }
      }),
      { numRuns: 300 },
    )
    expect(packed).toBeGreaterThan(100)
  }, 300000)

  it('writes the same bytes for a metrics-only run (finished events released)', () => {
    const sc = scenario({ model: 'sync', function: { errorRate: 0.2 }, workload: [{ count: 3000, everyMs: 1 }] })
    const s = runToEnd(createSim(sc, { keepEvents: false })).state
    expect(pieces(s, true, null)).toBe(whole(s, true, null))
    expect(pieces(s, false, null)).toBe(whole(s, false, null))
  })

  it('hands the text over in pieces of about 64 KB, not whole', () => {
    const s = runToEnd(createSim(scenario({ model: 'sync', workload: [{ count: 5000, everyMs: 1 }] }))).state
    const sizes: number[] = []
    writeReport(s, {}, null, (c) => sizes.push(c.length))
    expect(sizes.length).toBeGreaterThan(10)
    expect(Math.max(...sizes)).toBeLessThan(70000)
  })
})
