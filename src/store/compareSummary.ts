import { buildReport, createSim, percentile, runToEnd } from '../engine'
import type { Report, Scenario, SimState } from '../engine'
import type { ComparedModel } from '../scenarios/compareWorkloads'

/** One model's run of a compared workload, reduced to what a learner compares. */
export interface LaneSummary {
  readonly model: ComparedModel
  readonly callerSaw: string
  readonly invocations: number
  readonly coldStarts: number
  readonly retries: number
  readonly throttles: number
  readonly failuresWent: string
  readonly latencyP50Ms: number
  readonly latencyP99Ms: number
  readonly endedAtMs: number
}

function counted(counts: Map<string, number>): string {
  return counts.size === 0
    ? 'nothing'
    : Array.from(counts)
        .map(([what, n]) => `${n} × ${what}`)
        .join(', ')
}

function bump(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by)
}

/** The answer the sender got: sync's status codes, async's 202, SQS's accepted SendMessage. */
function callerSaw(model: ComparedModel, report: Report): string {
  const counts = new Map<string, number>()
  for (const e of report.events ?? []) {
    if (model === 'async') bump(counts, '202 Accepted')
    else if (model === 'sqs') bump(counts, 'SendMessage OK')
    for (const d of e.deliveries) {
      if (d.to !== 'caller') continue
      bump(counts, d.functionError ? `${d.status ?? 200} + X-Amz-Function-Error` : String(d.status ?? 200))
    }
  }
  return counted(counts)
}

const PLACES: Readonly<Record<string, string>> = {
  onFailure: 'on-failure destination',
  dlq: 'dead-letter queue',
  discarded: 'discarded',
}

function failuresWent(model: ComparedModel, report: Report): string {
  const counts = new Map<string, number>()
  for (const e of report.events ?? []) {
    if (e.outcome !== 'failed' && e.outcome !== 'throttled') continue
    const d = e.deliveries.find((x) => x.to !== 'caller' && x.to !== 'onSuccess')
    if (d) bump(counts, `${PLACES[d.to] ?? d.to}${d.target ? ` (${d.target.toUpperCase()})` : ''}`)
    else if (model === 'sync')
      bump(counts, e.outcome === 'throttled' ? 'back to the caller (429)' : 'back to the caller (error)')
    else bump(counts, 'lost')
  }
  return counts.size === 0 ? 'no failures' : counted(counts)
}

/** Arrival to the final answer (last attempt or delivery), per event that finished. */
function latencies(state: SimState, report: Report): { p50: number; p99: number } {
  const hist: Record<string, number> = {}
  let count = 0
  const events = report.events ?? []
  state.events.forEach((rec, i) => {
    const e = events[i]
    if (!e || e.outcome === 'pending') return
    let end = rec.arrivedAt
    for (const a of e.attempts) end = Math.max(end, a.endMs ?? a.atMs)
    for (const d of e.deliveries) end = Math.max(end, d.atMs)
    const ms = String(end - rec.arrivedAt)
    hist[ms] = (hist[ms] ?? 0) + 1
    count++
  })
  return { p50: percentile(hist, count, 50), p99: percentile(hist, count, 99) }
}

/** Runs the scenario to its end (pure, deterministic) and summarises the engine's report. */
export function summarizeLane(model: ComparedModel, scenario: Scenario): LaneSummary {
  const state = runToEnd(createSim(scenario)).state
  const report = buildReport(state)
  const m = report.metrics
  const attempts = (report.events ?? []).reduce((n, e) => n + e.attempts.length, 0)
  const lat = latencies(state, report)
  return {
    model,
    callerSaw: callerSaw(model, report),
    invocations: m.Invocations,
    coldStarts: m.ColdStarts,
    // Events that arrived (the report also lists, pending, those a stop cut off before they arrived).
    retries: Math.max(0, attempts - state.events.length),
    throttles: m.Throttles,
    failuresWent: failuresWent(model, report),
    latencyP50Ms: lat.p50,
    latencyP99Ms: lat.p99,
    endedAtMs: report.endedAtMs,
  }
}
