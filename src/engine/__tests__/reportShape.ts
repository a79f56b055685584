import { expect } from 'vitest'

/** Asserts that a report uses exactly the contract's names and value sets (docs/SCENARIO.md). */
const METRICS = [
  'Invocations',
  'Errors',
  'Throttles',
  'ColdStarts',
  'MaxConcurrentExecutions',
  'DurationP50Ms',
  'DurationP99Ms',
  'AsyncEventsReceived',
  'AsyncEventsDropped',
  'MaxAsyncEventAgeMs',
  'MaxIteratorAgeMs',
  'DeadLetterMessages',
  'OnSuccessDeliveries',
  'OnFailureDeliveries',
]
const OUTCOMES = ['succeeded', 'failed', 'throttled', 'filtered', 'pending']
const RESULTS = ['success', 'error', 'timeout', 'throttled', 'running']
const TARGETS = ['caller', 'onSuccess', 'onFailure', 'dlq', 'discarded']

export function expectReportShape(report: unknown, withEvents = true): void {
  const r = report as Record<string, unknown>
  expect(Object.keys(r)).toEqual(expect.arrayContaining(['scenario', 'model', 'seed', 'endedAtMs', 'metrics']))
  expect(typeof r.model).toBe('string')
  expect(Number.isInteger(r.endedAtMs)).toBe(true)
  const m = r.metrics as Record<string, unknown>
  for (const k of METRICS) expect(Number.isFinite(m[k]), `metric ${k}`).toBe(true)
  if (!withEvents) return expect(r.events).toBeUndefined()
  expect(Array.isArray(r.events)).toBe(true)
  for (const e of r.events as Record<string, unknown>[]) {
    expect(typeof e.id).toBe('string')
    expect(OUTCOMES).toContain(e.outcome)
    for (const a of e.attempts as Record<string, unknown>[]) {
      expect(Number.isInteger(a.atMs)).toBe(true)
      expect(a.endMs === null || Number.isInteger(a.endMs)).toBe(true)
      expect(RESULTS).toContain(a.result)
      if (a.result === 'throttled') expect(a.environment).toBeUndefined()
      if (a.result === 'running') expect(a.endMs).toBeNull()
    }
    for (const d of e.deliveries as Record<string, unknown>[]) {
      expect(TARGETS).toContain(d.to)
      expect(Number.isInteger(d.atMs)).toBe(true)
    }
    if (e.outcome === 'failed') expect((e.deliveries as unknown[]).length).toBeGreaterThan(0)
  }
}
