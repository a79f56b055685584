import type { Scenario } from '../engine'

/**
 * The interactive app, the iframe page, the custom element and the React component play at most
 * this many events (the scenario format allows 1,000,000, which `npm run sim` runs headless). Steps
 * share finished events' records and checkpoints keep only what changed (src/store/delta.ts), so a
 * step back or a scrub replays one short interval; each step still copies the per-event arrays and
 * the stage walks every event (docs/SCENARIO.md, "Interactive limit"; BENCHMARKS.md, "100,000 events").
 */
export const INTERACTIVE_MAX_EVENTS = 100000

/** Events the workload sends (the sum of `count`). */
export function scenarioEvents(scenario: Scenario): number {
  let n = 0
  for (const w of scenario.workload) n += w.count
  return n
}

/**
 * How many events each sent message may become when the handler sends it back to its own queue
 * (sqs.functionSendsToSameQueue): 17 with RecursiveLoop Terminate (16 invocations, then the stopped
 * message); with Allow, one per invocation until stopAtMs, an invocation lasting at least the
 * shortest handler time (the parser makes that at least 1 ms and requires stopAtMs).
 */
export function loopFactor(scenario: Scenario): number {
  const sqsModel = scenario.model === 'sqs' || scenario.model === 'sqs-fifo'
  if (!sqsModel || !scenario.sqs.functionSendsToSameQueue) return 1
  if (scenario.function.recursiveLoop === 'Terminate') return 17
  const minMs = (d: Scenario['function']['durationMs']) => Math.max(1, typeof d === 'number' ? d : d.min)
  let shortest = minMs(scenario.function.durationMs)
  for (const w of scenario.workload) if (w.durationMs !== null) shortest = Math.min(shortest, minMs(w.durationMs))
  return 1 + Math.ceil((scenario.stopAtMs ?? 0) / shortest)
}

/**
 * Why the interactive app will not open a scenario, or null when it can. `extra`: events sent by
 * hand (a link's actions).
 */
export function interactiveLimitProblem(scenario: Scenario, extra = 0): string | null {
  const factor = loopFactor(scenario)
  const events = (scenarioEvents(scenario) + extra) * factor
  if (events <= INTERACTIVE_MAX_EVENTS) return null
  const n = (x: number) => x.toLocaleString('en-US')
  const what =
    factor === 1
      ? `sends ${n(events)} events`
      : `may make up to ${n(events)} events (its handler sends each message back to its own queue)`
  return (
    `This scenario ${what}; the interactive visualizer plays at most ${n(INTERACTIVE_MAX_EVENTS)} ` +
    '(a bigger run would make every frame slow and the page heavy). Run it headless with ' +
    '`npm run sim -- scenario.json --metrics-only`, or lower the workload counts. Showing the default scenario instead.'
  )
}
