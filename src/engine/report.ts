import type { Attempt, Delivery, Metrics, Outcome, SimState } from './types'
import { nth, entry } from './must'
import { HOUSEKEEPING, MANUAL_ENTRY_BASE } from './types'
import { packedAt, unpack } from './packed'

/** The `npm run sim` report (docs/SCENARIO.md "The report"): a plain JSON value. */
export interface ReportAttempt {
  readonly atMs: number
  readonly endMs: number | null
  readonly result: Attempt['result']
  readonly coldStart?: boolean
  readonly environment?: string
  readonly batch?: string
  readonly reason?: string
}
export interface ReportEvent {
  readonly id: string
  readonly outcome: Outcome
  readonly attempts: readonly ReportAttempt[]
  readonly deliveries: readonly Delivery[]
}
export interface ReportMetrics {
  readonly Invocations: number
  readonly Errors: number
  readonly Throttles: number
  readonly ColdStarts: number
  readonly MaxConcurrentExecutions: number
  readonly DurationP50Ms: number
  readonly DurationP99Ms: number
  readonly AsyncEventsReceived: number
  readonly AsyncEventsDropped: number
  readonly MaxAsyncEventAgeMs: number
  readonly MaxIteratorAgeMs: number
  readonly DeadLetterMessages: number
  readonly OnSuccessDeliveries: number
  readonly OnFailureDeliveries: number
  readonly ProvisionedConcurrencyInvocations: number
  readonly ProvisionedConcurrencySpilloverInvocations: number
  readonly DeadLetterErrors: number
}
export interface Report {
  readonly scenario: string | null
  readonly model: string
  readonly seed: number
  readonly endedAtMs: number
  readonly metrics: ReportMetrics
  readonly events?: readonly ReportEvent[]
}

/** Nearest-rank percentile over the handler-time histogram. */
export function percentile(hist: Record<string, number>, count: number, p: number): number {
  if (count === 0) return 0
  const rank = Math.max(1, Math.ceil((p / 100) * count))
  const keys = Object.keys(hist)
    .map(Number)
    .sort((a, b) => a - b)
  let seen = 0
  for (const k of keys) {
    seen += entry(hist, String(k))
    if (seen >= rank) return k
  }
  return keys[keys.length - 1] ?? 0
}

function hasPendingWork(s: SimState): boolean {
  return s.queue.some((o) => !HOUSEKEEPING.includes(o.kind))
}

/** When the run ended: stopAtMs if it cut work off, else the last arrival, attempt end or delivery. */
export function endedAt(s: SimState): number {
  const stop = s.scenario.stopAtMs
  if (stop !== null && hasPendingWork(s)) return stop
  return s.lastActivityAt
}

export function reportMetrics(m: Metrics): ReportMetrics {
  return {
    Invocations: m.Invocations,
    Errors: m.Errors,
    Throttles: m.Throttles,
    ColdStarts: m.ColdStarts,
    MaxConcurrentExecutions: m.MaxConcurrentExecutions,
    DurationP50Ms: percentile(m.durationHist, m.durationCount, 50),
    DurationP99Ms: percentile(m.durationHist, m.durationCount, 99),
    AsyncEventsReceived: m.AsyncEventsReceived,
    AsyncEventsDropped: m.AsyncEventsDropped,
    MaxAsyncEventAgeMs: m.MaxAsyncEventAgeMs,
    MaxIteratorAgeMs: m.MaxIteratorAgeMs,
    DeadLetterMessages: m.DeadLetterMessages,
    OnSuccessDeliveries: m.OnSuccessDeliveries,
    OnFailureDeliveries: m.OnFailureDeliveries,
    ProvisionedConcurrencyInvocations: m.ProvisionedConcurrencyInvocations,
    ProvisionedConcurrencySpilloverInvocations: m.ProvisionedConcurrencySpilloverInvocations,
    DeadLetterErrors: m.DeadLetterErrors,
  }
}

/** Attempts keep one object shape internally (speed); the report lists only the fields that apply. */
function reportAttempt(a: Attempt): ReportAttempt {
  const out: { -readonly [K in keyof ReportAttempt]: ReportAttempt[K] } = {
    atMs: a.atMs,
    endMs: a.endMs,
    result: a.result,
  }
  if (a.coldStart !== undefined) out.coldStart = a.coldStart
  if (a.environment !== undefined) out.environment = a.environment
  if (a.batch !== undefined) out.batch = a.batch
  if (a.reason !== undefined) out.reason = a.reason
  for (const key of Object.keys(a) as (keyof Attempt)[]) {
    if (!(key in out) && key !== 'inv' && a[key] !== undefined) (out as Record<string, unknown>)[key] = a[key]
  }
  return out
}

/** The report without its events list. */
export function reportHead(s: SimState): Report {
  return {
    scenario: s.scenario.id,
    model: s.scenario.model,
    seed: s.scenario.seed,
    endedAtMs: endedAt(s),
    metrics: reportMetrics(s.metrics),
  }
}

/** The report lists events (a run that did not keep them, createSim keepEvents false, can only report metrics). */
export function reportsEvents(s: SimState, opts: { metricsOnly?: boolean }): boolean {
  return !opts.metricsOnly && s.keepEvents
}

export function buildReport(s: SimState, opts: { metricsOnly?: boolean } = {}): Report {
  const base = reportHead(s)
  if (!reportsEvents(s, opts)) return base
  return {
    ...base,
    events: [
      ...s.events.map((e, n): ReportEvent => {
        const k = packedAt(s, n)
        if (k >= 0) return unpack(s, k)
        return {
          id: e.id,
          outcome: e.outcome,
          attempts: e.attempts.map(reportAttempt),
          deliveries: e.deliveries,
        }
      }),
      ...notArrived(s),
    ],
  }
}

/**
 * Workload events that had not arrived when the run stopped (spec "Precise rules": every workload
 * event is in the report; one that never arrived is `pending`), in the order they would have
 * arrived: by time, then workload order, then index. Each entry has one pending arrival.
 */
export function notArrived(s: SimState): ReportEvent[] {
  const left: { at: number; entry: number; index: number; id: string }[] = []
  for (const o of s.queue) {
    if (o.kind !== 'arrival') continue
    if (o.a >= MANUAL_ENTRY_BASE) {
      left.push({ at: o.at, entry: o.a, index: 0, id: `you-${o.a - MANUAL_ENTRY_BASE + 1}` })
      continue
    }
    const e = nth(s.scenario.workload, o.a)
    for (let k = o.b; k < e.count; k++) {
      left.push({
        at: e.atMs + k * e.everyMs,
        entry: o.a,
        index: k,
        id: `${e.idPrefix}-${nth(s.idOffset, o.a) + k + 1}`,
      })
    }
  }
  left.sort((x, y) => x.at - y.at || x.entry - y.entry || x.index - y.index)
  return left.map((x) => ({ id: x.id, outcome: 'pending', attempts: [], deliveries: [] }))
}
