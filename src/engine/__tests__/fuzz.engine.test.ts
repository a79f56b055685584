import fc from 'fast-check'
import { toArray } from '../paged'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../report'
import { advance, createSim, dispatch } from '../sim'
import { prepare, rawScenario } from './arbitraries'
import { expectReportShape } from './reportShape'

/**
 * Fuzzing the engine: random valid scenarios of every model (small workloads, every knob in its
 * documented range, some at the extremes), with hand-sent events and "fail next" mixed in. The
 * engine must never throw, must finish within a step budget or stop cleanly, and must report in
 * the contract's shape with every event accounted for.
 */
const RUNS = 1500

describe(`engine fuzz: ${RUNS} random valid scenarios of every model`, () => {
  it('never throws, stops within its budget, and accounts for every event in the contract shape', () => {
    fc.assert(
      fc.property(rawScenario, (r) => {
        const { parsed, commands } = prepare(r)
        let s = createSim(parsed.scenario)
        for (const a of commands) {
          s = advance(s, { steps: a.afterSteps }).state
          s = dispatch(s, a.command).state
        }
        s = advance(s, { steps: 60000, collect: false }).state
        const report = buildReport(s)
        expectReportShape(report)
        // Plus the messages a handler sent to its own queue (sqs.functionSendsToSameQueue).
        const sent = s.sqs ? toArray(s.sqs.hop).filter((h) => h > 1).length : 0
        const expected = parsed.scenario.workload.reduce((n, e) => n + e.count, 0) + s.manual.length + sent
        if (s.work === 0) expect(report.events?.length).toBe(expected)
        expect(new Set(report.events?.map((e) => e.id)).size).toBe(report.events?.length)
      }),
      { numRuns: RUNS },
    )
  }, 300000)
})
