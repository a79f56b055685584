import { describe, expect, it } from 'vitest'
import { envNo, eventNo } from '../ids'
import { ctxOf, envAt, eventAt, nth } from '../must'
import { pget } from '../paged'
import { createSim, isFinished, step } from '../sim'
import type { SimState } from '../types'
import { scenario } from './harness'

const fn = { timeout: 5, durationMs: { min: 100, max: 900 }, errorRate: 0.3 }
const RUNS: readonly [string, Record<string, unknown>][] = [
  ['sync', { model: 'sync', function: fn, workload: [{ count: 12, everyMs: 50 }] }],
  [
    'async',
    { model: 'async', function: fn, async: { duplicateDeliveryRate: 0.5 }, workload: [{ count: 12, everyMs: 50 }] },
  ],
  ['sqs', { model: 'sqs', function: fn, sqs: { batchSize: 3 }, workload: [{ count: 12, everyMs: 50 }] }],
  ['sqs-fifo', { model: 'sqs-fifo', function: fn, sqs: { batchSize: 3 }, workload: [{ count: 12, everyMs: 50 }] }],
  ['kinesis', { model: 'kinesis', function: fn, workload: [{ count: 12, everyMs: 50 }] }],
]

/** Every state of a run, one per step. */
function states(raw: Record<string, unknown>): SimState[] {
  const out: SimState[] = []
  let s = createSim(scenario(raw))
  while (!isFinished(s) && out.length < 2000) {
    s = step(s).state
    out.push(s)
  }
  return out
}

describe('Invocation.ctx says what an invocation is to its model (a union by model, not a number)', () => {
  it.each(RUNS)('%s: each invocation in flight carries its own model context, pointing at live state', (_m, raw) => {
    let seen = 0
    const kinds = new Set<string>()
    for (const s of states(raw)) {
      for (const inv of Object.values(s.invocations)) {
        seen++
        const ctx = inv.ctx
        kinds.add(ctx.model === 'async' ? `async:${ctx.duplicate}` : ctx.model)
        if (ctx.model === 'sqs') expect(s.sqs?.batches[ctx.batch]?.inv).toBe(inv.n)
        else if (ctx.model === 'stream') expect(s.stream?.lanes[ctx.lane]?.inv).toBe(inv.n)
        else if (ctx.model === 'sync')
          expect(s.sync && pget(s.sync.callerAttempts, nth(inv.events, 0))).toBeGreaterThan(0)
        else expect(s.async).not.toBeNull()
      }
      // The state, invocations and their contexts included, stays plain JSON data.
      expect(JSON.parse(JSON.stringify(s))).toEqual(s)
    }
    expect(seen).toBeGreaterThan(0)
    const model = String(raw.model)
    const expected =
      model === 'async'
        ? ['async:false', 'async:true']
        : [model === 'kinesis' ? 'stream' : model === 'sqs-fifo' ? 'sqs' : model]
    expect([...kinds].sort()).toEqual(expected)
  })
})

describe('must.ts: what the bookkeeping guarantees is read once, with a clear internal error', () => {
  const s = createSim(scenario({ model: 'sync', workload: [{ count: 1 }] }))
  it('a missing event, environment or array element is an internal error, not undefined', () => {
    expect(() => eventAt(s, eventNo(5))).toThrow(/Internal engine error: no event/)
    expect(() => envAt(s, envNo(0))).toThrow(/Internal engine error: no environment/)
    expect(() => nth([1, 2], 2)).toThrow(/Internal engine error/)
    expect(nth([0, 7], 1)).toBe(7)
  })
  it("a model reading another model's invocation is an internal error", () => {
    const [sync] = states(RUNS[0]![1]).flatMap((x) => Object.values(x.invocations))
    expect(sync).toBeDefined()
    if (!sync) return
    expect(ctxOf(sync, 'sync')).toEqual({ model: 'sync' })
    expect(() => ctxOf(sync, 'sqs')).toThrow(/Internal engine error: invocation inv-\d+ is not a sqs invocation/)
  })
})
