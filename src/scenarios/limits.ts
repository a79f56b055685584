import type { Scenario } from '../engine'

/**
 * The interactive app, the iframe page, the custom element and the React component play at most
 * this many events (the scenario format allows 1,000,000, which `npm run sim` runs headless). Steps
 * share finished events' records, but each frame still walks every event for the stage and the run
 * keeps every record (~600 bytes) and its history: at the end of a run a step costs about 1 ms at
 * 10,000 events, 13 ms at 50,000 and 24 ms at 100,000 on 2 cores (docs/SCENARIO.md, "Interactive limit").
 */
export const INTERACTIVE_MAX_EVENTS = 10000

/** Events the workload sends (the sum of `count`). */
export function scenarioEvents(scenario: Scenario): number {
  let n = 0
  for (const w of scenario.workload) n += w.count
  return n
}

/** Why the interactive app will not open a scenario, or null when it can. `extra`: events sent by hand (a link's actions). */
export function interactiveLimitProblem(scenario: Scenario, extra = 0): string | null {
  const events = scenarioEvents(scenario) + extra
  if (events <= INTERACTIVE_MAX_EVENTS) return null
  const n = (x: number) => x.toLocaleString('en-US')
  return (
    `This scenario sends ${n(events)} events; the interactive visualizer plays at most ${n(INTERACTIVE_MAX_EVENTS)} ` +
    '(a bigger run would make every frame slow and the page heavy). Run it headless with ' +
    '`npm run sim -- scenario.json --metrics-only`, or lower the workload counts. Showing the default scenario instead.'
  )
}
