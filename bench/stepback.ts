import { parseScenario } from '../src/engine'
import { createSimStore } from '../src/store/createSimStore'

/**
 * Step-back latency through the store, as the Step back button does it: a run at step 10,000 of a
 * long scenario, then 100 stepBack() calls one after another, each timed. Also the first
 * goToStep(10000) (computing the run that far) and a jump back to step 0 and forward again.
 */
export interface StepBackFigures {
  readonly scenario: string
  readonly steps: number
  readonly goToMs: number
  readonly medianMs: number
  readonly p99Ms: number
  readonly maxMs: number
  readonly jumpBackMs: number
  readonly jumpForwardMs: number
}

export const STEPBACK_SCENARIO = {
  version: 1,
  seed: 7,
  model: 'sync',
  function: { durationMs: { min: 80, max: 400 }, errorRate: 0.02 },
  workload: [{ atMs: 0, count: 20000, everyMs: 20 }],
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

export function measureStepBack(target = 10000, calls = 100): StepBackFigures {
  const parsed = parseScenario(STEPBACK_SCENARIO)
  if (!parsed.ok) throw new Error('step-back scenario is invalid')
  const store = createSimStore(parsed.scenario)
  let t = performance.now()
  store.getState().goToStep(target)
  const goToMs = performance.now() - t
  const reached = store.getState().run.cursor.step
  if (reached !== target) throw new Error(`the run ended at step ${reached}, before ${target}`)
  const times: number[] = []
  for (let i = 0; i < calls; i++) {
    t = performance.now()
    store.getState().stepBack()
    times.push(performance.now() - t)
  }
  if (store.getState().run.cursor.step !== target - calls) throw new Error('stepBack did not move one step each')
  t = performance.now()
  store.getState().goToStep(0)
  const jumpBackMs = performance.now() - t
  t = performance.now()
  store.getState().goToStep(target)
  const jumpForwardMs = performance.now() - t
  const sorted = [...times].sort((a, b) => a - b)
  return {
    scenario: 'sync, 20,000 requests 20 ms apart, 80-400 ms handler, 2% errors',
    steps: target,
    goToMs,
    medianMs: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    jumpBackMs,
    jumpForwardMs,
  }
}
