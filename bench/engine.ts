import { createSim, parseScenario, runToEnd, type Model } from '../src/engine'

/**
 * Engine throughput: one heavy scenario per model, run headless to the end with no transition log
 * (the full report's run, and a metrics-only one as `npm run sim -- --metrics-only` does). Prints
 * occurrences/s and invocations/s.
 */

/** `perSecond` events per second for `seconds` virtual seconds, as workload entries of <= 100,000. */
function steady(perSecond: number, seconds: number, extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  const total = perSecond * seconds
  const everyMs = 1000 / perSecond
  const chunk = 100000
  const entries: Record<string, unknown>[] = []
  for (let start = 0; start < total; start += chunk) {
    entries.push({ atMs: Math.round(start * everyMs), count: Math.min(chunk, total - start), everyMs, ...extra })
  }
  return entries
}

export interface EngineCase {
  readonly name: string
  readonly model: Model
  readonly raw: Record<string, unknown>
  /** false: a metrics-only run, as `npm run sim -- --metrics-only` does (finished events released). */
  readonly keepEvents?: boolean
}

export const ENGINE_CASES: readonly EngineCase[] = [
  {
    name: 'sync: 1,000 req/s for 1,000 s (1,000,000 invocations), 80-200 ms handler, 1% errors',
    model: 'sync',
    raw: {
      model: 'sync',
      function: { durationMs: { min: 80, max: 200 }, errorRate: 0.01 },
      workload: steady(1000, 1000),
    },
  },
  {
    name: 'sync, metrics only (as `--metrics-only`: finished requests released): the same 1,000,000',
    model: 'sync',
    raw: {
      model: 'sync',
      function: { durationMs: { min: 80, max: 200 }, errorRate: 0.01 },
      workload: steady(1000, 1000),
    },
    keepEvents: false,
  },
  {
    name: 'async: 1,000 events/s for 600 s, 5% errors (retries at 1 and 2 min)',
    model: 'async',
    raw: {
      model: 'async',
      function: { durationMs: { min: 80, max: 200 }, errorRate: 0.05 },
      async: { onFailure: 'sqs' },
      workload: steady(1000, 600),
    },
  },
  {
    name: 'sqs: 1,000 msg/s for 600 s, batch size 10, 1% errors',
    model: 'sqs',
    raw: {
      model: 'sqs',
      function: { durationMs: { min: 80, max: 200 }, errorRate: 0.01 },
      sqs: { batchSize: 10 },
      workload: steady(1000, 600),
    },
  },
  {
    name: 'kinesis: 1,000 records/s for 600 s, 4 shards, batch size 100',
    model: 'kinesis',
    raw: {
      model: 'kinesis',
      function: { durationMs: { min: 80, max: 200 } },
      stream: { shards: 4, batchSize: 100 },
      workload: steady(1000, 600, { idPrefix: 'rec' }),
    },
  },
]

export interface EngineFigure {
  readonly name: string
  readonly seconds: number
  readonly occurrences: number
  readonly invocations: number
  readonly events: number
  readonly occurrencesPerSecond: number
  readonly invocationsPerSecond: number
}

export function runEngineCase(c: EngineCase): EngineFigure {
  const parsed = parseScenario({ version: 1, seed: 1, ...c.raw })
  if (!parsed.ok) throw new Error(`${c.name}: ${parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`)
  const start = performance.now()
  const s = runToEnd(createSim(parsed.scenario, { keepEvents: c.keepEvents ?? true })).state
  const seconds = (performance.now() - start) / 1000
  return {
    name: c.name,
    seconds,
    occurrences: s.step,
    invocations: s.metrics.Invocations,
    events: s.events.length,
    occurrencesPerSecond: s.step / seconds,
    invocationsPerSecond: s.metrics.Invocations / seconds,
  }
}

/**
 * The short engine run `npm test` checks against bench/baseline.json (scripts/budgets.ts): the
 * first case's function and error rate, 200,000 events (1,000 req/s for 200 s).
 */
export const BUDGET_ENGINE_CASE: EngineCase = {
  name: 'sync: 1,000 req/s for 200 s (200,000 invocations), 80-200 ms handler, 1% errors',
  model: 'sync',
  raw: { model: 'sync', function: { durationMs: { min: 80, max: 200 }, errorRate: 0.01 }, workload: steady(1000, 200) },
}

/** Best of `runs` (the least disturbed by other work on the machine). */
export function bestOf(c: EngineCase, runs: number): EngineFigure | null {
  let best: EngineFigure | null = null
  for (let i = 0; i < runs; i++) {
    const f = runEngineCase(c)
    if (!best || f.occurrencesPerSecond > best.occurrencesPerSecond) best = f
  }
  return best
}
