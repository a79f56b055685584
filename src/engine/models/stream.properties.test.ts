import fc from 'fast-check'
import { pget } from '../paged'
import { describe, expect, it } from 'vitest'
import { scenario } from '../__tests__/harness'
import { buildReport } from '../report'
import type { Scenario } from '../scenario/types'
import { advance, createSim, runToEnd, step } from '../sim'
import type { SimState } from '../types'

/** Random Kinesis / DynamoDB scenarios, small enough to run a few hundred times. */
const streamScenario = fc
  .record({
    model: fc.constantFrom('kinesis', 'dynamodb'),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    stopAtMs: fc.option(fc.integer({ min: 1, max: 120000 }), { nil: undefined }),
    reserved: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    timeout: fc.integer({ min: 1, max: 3 }),
    durationMs: fc.oneof(
      fc.integer({ min: 0, max: 4000 }),
      fc.record({ min: fc.constant(10), max: fc.integer({ min: 10, max: 2000 }) }),
    ),
    errorRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
    shards: fc.integer({ min: 1, max: 4 }),
    factor: fc.integer({ min: 1, max: 3 }),
    batchSize: fc.integer({ min: 1, max: 8 }),
    window: fc.constantFrom(0, 0, 1, 3),
    maximumRetryAttempts: fc.constantFrom(-1, 0, 1, 3),
    maximumRecordAgeInSeconds: fc.constantFrom(-1, -1, 60, 120),
    bisect: fc.boolean(),
    partial: fc.boolean(),
    onFailure: fc.constantFrom(null, 'sqs'),
    workload: fc.array(
      fc.record({
        atMs: fc.integer({ min: 0, max: 5000 }),
        count: fc.integer({ min: 1, max: 10 }),
        everyMs: fc.integer({ min: 0, max: 500 }),
        idPrefix: fc.constantFrom('evt', 'rec'),
        fail: fc.oneof(
          fc.constant('never'),
          fc.constant('never'),
          fc.constant('always'),
          fc.integer({ min: 0, max: 3 }),
        ),
        partitionKey: fc.option(fc.constantFrom('k1', 'k2', 'k3', 'user-1', 'user-2'), { nil: null }),
        matchesFilter: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
      }),
      { minLength: 0, maxLength: 4 },
    ),
  })
  .map((r) =>
    scenario({
      model: r.model,
      seed: r.seed,
      ...(r.stopAtMs ? { stopAtMs: r.stopAtMs } : {}),
      function: {
        timeout: r.timeout,
        reservedConcurrentExecutions: r.reserved,
        durationMs: r.durationMs,
        errorRate: r.errorRate,
      },
      stream: {
        shards: r.shards,
        parallelizationFactor: r.factor,
        batchSize: r.batchSize,
        maximumBatchingWindowInSeconds: r.window,
        maximumRetryAttempts: r.maximumRetryAttempts,
        maximumRecordAgeInSeconds: r.maximumRecordAgeInSeconds,
        bisectBatchOnFunctionError: r.bisect,
        reportBatchItemFailures: r.partial,
        onFailure: r.onFailure,
      },
      workload: r.workload,
    }),
  )

const total = (sc: Scenario) => sc.workload.reduce((n, e) => n + e.count, 0)

/** Largest number of distinct batches whose [atMs, endMs) intervals overlap (from the report alone). */
function maxOverlap(s: SimState): number {
  const seen: Record<string, [number, number]> = {}
  for (const ev of s.events) {
    for (const a of ev.attempts)
      if (a.batch && a.result !== 'throttled') seen[a.batch] = [a.atMs, a.endMs ?? Number.MAX_SAFE_INTEGER]
  }
  const points: [number, number][] = []
  for (const [start, end] of Object.values(seen)) points.push([start, 1], [end, -1])
  points.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  let cur = 0
  let max = 0
  for (const [, d] of points) {
    cur += d
    max = Math.max(max, cur)
  }
  return max
}

describe('stream mapping properties over random Kinesis / DynamoDB scenarios', () => {
  it('determinism and purity: same scenario ⇒ same report and transitions; the input state is not mutated', () => {
    fc.assert(
      fc.property(streamScenario, (sc) => {
        const s0 = createSim(sc)
        const before = JSON.stringify(s0)
        const a = runToEnd(s0, true)
        expect(JSON.stringify(s0)).toBe(before)
        const b = runToEnd(createSim(sc), true)
        expect(buildReport(b.state)).toEqual(buildReport(a.state))
        expect(b.transitions).toEqual(a.transitions)
      }),
      { numRuns: 100 },
    )
  })

  it('conservation: every record ends succeeded, failed (with a delivery saying where), filtered, or pending at the stop; ids unique', () => {
    fc.assert(
      fc.property(streamScenario, (sc) => {
        const { state } = runToEnd(createSim(sc))
        const report = buildReport(state)
        const all = report.events!
        // Every workload record is in the report; those arriving after stopAtMs are pending, untried.
        expect(all).toHaveLength(total(sc))
        for (const e of all.slice(state.events.length))
          expect(e).toMatchObject({ outcome: 'pending', attempts: [], deliveries: [] })
        const events = all.slice(0, state.events.length)
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
        let messages = 0
        for (const e of events) {
          const ev = state.events.find((x) => x.id === e.id)!
          if (e.outcome === 'failed') {
            expect(e.deliveries.length).toBeGreaterThan(0)
            const d = e.deliveries[e.deliveries.length - 1]!
            expect(['onFailure', 'discarded']).toContain(d.to)
            expect(['RetryAttemptsExhausted', 'RecordAgeExceeded', 'RetentionExpired']).toContain(d.condition)
            expect(d.to === 'onFailure').toBe(sc.stream.onFailure !== null)
          } else if (e.outcome === 'filtered') {
            expect(ev.matchesFilter).toBe(false)
            expect(e.attempts).toEqual([])
          } else if (e.outcome === 'succeeded') {
            expect(e.attempts.some((a) => a.result === 'success')).toBe(true)
          } else {
            expect(e.outcome).toBe('pending')
            expect(sc.stopAtMs).not.toBeNull()
          }
          if (!ev.matchesFilter) expect(e.attempts).toEqual([])
          for (const d of e.deliveries)
            if (d.to === 'onFailure' && d.record !== undefined)
              messages +=
                1 /
                (
                  (d.record as { KinesisBatchInfo?: { batchSize: number }; DDBStreamBatchInfo?: { batchSize: number } })
                    .KinesisBatchInfo ?? (d.record as { DDBStreamBatchInfo: { batchSize: number } }).DDBStreamBatchInfo
                ).batchSize
        }
        // One destination message per discarded batch.
        expect(Math.round(messages)).toBe(report.metrics.OnFailureDeliveries)
        if (sc.stopAtMs === null) expect(events.every((e) => e.outcome !== 'pending')).toBe(true)
      }),
      { numRuns: 150 },
    )
  })

  it('concurrency never exceeds shards × parallelizationFactor nor reserved concurrency; a batch holds records of one shard', () => {
    fc.assert(
      fc.property(streamScenario, (sc) => {
        const { state } = runToEnd(createSim(sc))
        const lanes = sc.stream.shards * sc.stream.parallelizationFactor
        const cap = Math.min(lanes, sc.function.reservedConcurrentExecutions ?? lanes)
        expect(state.metrics.MaxConcurrentExecutions).toBeLessThanOrEqual(cap)
        expect(maxOverlap(state)).toBeLessThanOrEqual(cap)
        const shardOfBatch: Record<string, number> = {}
        state.events.forEach((ev, i) => {
          for (const a of ev.attempts) {
            if (!a.batch) continue
            const shard = pget(state.stream!.shardOf, i)!
            expect(shardOfBatch[a.batch] ?? shard).toBe(shard)
            shardOfBatch[a.batch] = shard
          }
        })
      }),
      { numRuns: 150 },
    )
  })

  it('order: within a lane (a shard, or a partition key with parallelization) records are first processed successfully in sequence order, and one batch at a time', () => {
    fc.assert(
      fc.property(
        streamScenario.filter((sc) => !sc.stream.reportBatchItemFailures),
        (sc) => {
          const { state } = runToEnd(createSim(sc))
          const m = state.stream!
          const lastByLane: Record<number, { seq: number; at: number }> = {}
          const busyByLane: Record<number, Record<string, [number, number]>> = {}
          state.events.forEach((ev, i) => {
            const lane = pget(m.laneOf, i)!
            for (const a of ev.attempts) {
              if (a.batch && a.result !== 'throttled')
                (busyByLane[lane] ??= {})[a.batch] = [a.atMs, a.endMs ?? Number.MAX_SAFE_INTEGER]
            }
            const ok = ev.attempts.find((a) => a.result === 'success')
            if (!ok) return
            const prev = lastByLane[lane]
            if (prev) {
              expect(pget(m.seqOf, i)!).toBeGreaterThan(prev.seq)
              expect(ok.endMs!).toBeGreaterThanOrEqual(prev.at)
            }
            lastByLane[lane] = { seq: pget(m.seqOf, i)!, at: ok.endMs! }
          })
          for (const batches of Object.values(busyByLane)) {
            const spans = Object.values(batches).sort((x, y) => x[0] - y[0])
            for (let k = 1; k < spans.length; k++) expect(spans[k]![0]).toBeGreaterThanOrEqual(spans[k - 1]![1])
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('stepping one occurrence at a time gives the same run as one run to the end, and busy never passes the cap', () => {
    fc.assert(
      fc.property(
        streamScenario.filter(
          (sc) =>
            sc.stopAtMs !== null || sc.stream.maximumRecordAgeInSeconds !== -1 || sc.stream.maximumRetryAttempts !== -1,
        ),
        (sc) => {
          let s = createSim(sc)
          const lanes = sc.stream.shards * sc.stream.parallelizationFactor
          const cap = Math.min(lanes, sc.function.reservedConcurrentExecutions ?? lanes)
          // Each step copies the per-event arrays: bound the stepped prefix so a rare long run cannot take minutes.
          const limit = 3000
          for (let i = 0; i < limit; i++) {
            const next = step(s).state
            if (next.step === s.step) break
            expect(next.concurrency.busy).toBeLessThanOrEqual(cap)
            s = next
          }
          const whole = s.step < limit ? runToEnd(createSim(sc)).state : advance(createSim(sc), { steps: limit }).state
          expect(buildReport(s)).toEqual(buildReport(whole))
        },
      ),
      { numRuns: 40 },
    )
  })
})
