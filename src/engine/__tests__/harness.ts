import { buildReport, type Report, type ReportEvent } from '../report'
import { parseScenario } from '../scenario/parse'
import type { Scenario } from '../scenario/types'
import { createSim, runToEnd } from '../sim'
import type { SimState, Transition } from '../types'

/** Test harness: parse a raw scenario (throws with the parser's messages) and run it to the end. */
export function scenario(raw: Record<string, unknown>): Scenario {
  const r = parseScenario({ version: 1, workload: [], ...raw })
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return r.scenario
}

export interface Run {
  readonly state: SimState
  readonly report: Report
  readonly transitions: readonly Transition[]
  event(id: string): ReportEvent
}

export function run(raw: Record<string, unknown>): Run {
  const { state, transitions } = runToEnd(createSim(scenario(raw)), true)
  const report = buildReport(state)
  return {
    state,
    report,
    transitions,
    event(id) {
      const e = report.events?.find((x) => x.id === id)
      if (!e) throw new Error(`no event ${id} in the report`)
      return e
    },
  }
}
