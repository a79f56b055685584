import type { Scenario } from '../engine'

/**
 * The interactive app, the iframe page, the custom element and the React component play at most
 * this many events (the scenario format allows 1,000,000, which `npm run sim` runs headless). Each
 * engine step copies the whole run state, events included, so a step late in a run costs about
 * 15-20 µs per event on a 2-core machine (BENCHMARKS.md, "Step back"): 10,000 events keep a step
 * near 150 ms at worst; 100,000 would freeze the page for 2 s on every step.
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
    '(every step copies the whole run, so a bigger one would freeze the page). Run it headless with ' +
    '`npm run sim -- scenario.json --metrics-only`, or lower the workload counts. Showing the default scenario instead.'
  )
}
