import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advance, createSim, parseScenario } from '../engine'
import type { Scenario, SimState } from '../engine'
import { decode, encode } from './delta'
import { forward, stateAtStep, stateAtTime } from './history'
import * as T from './timeline'

/**
 * Issue 20 item 4 (100,000 events interactive): a step back or a scrub starts from a fine
 * checkpoint rebuilt from its differences (delta.ts, history.ts), never from step 0. These prove
 * that the state so reached is the state a direct run reaches, whatever the model, the step, the
 * time or the commands made on the way.
 */

const MODELS = ['sync', 'async', 'sqs', 'kinesis'] as const

function scenarioOf(model: (typeof MODELS)[number], count: number, seed: number, errorRate: number): Scenario {
  const r = parseScenario({
    version: 1,
    seed,
    model,
    function: { durationMs: { min: 20, max: 300 }, errorRate, reservedConcurrentExecutions: 8 },
    workload: [{ atMs: 0, count, everyMs: 7 }],
  })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scenario
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x)
    for (const v of Object.values(x)) deepFreeze(v)
  }
  return x
}

describe('fine checkpoints (differences between states)', () => {
  it('decode(encode(b, a), a) equals b and writes to neither', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer(), fc.record({ x: fc.integer(), y: fc.string() })), { maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(200), fc.integer()), { maxLength: 30 }),
        fc.nat(40),
        (list, edits, grow) => {
          const a = deepFreeze({ list, n: list.length, nested: { list: list.slice(), keep: 'k' } })
          const next = list.slice()
          for (const [i, v] of edits) next[i % Math.max(1, next.length)] = v
          for (let k = 0; k < grow; k++) next.push(k)
          const b = deepFreeze({ list: next, n: next.length, nested: { list: next.slice(0, 50), added: true } })
          expect(decode(encode(b, a), a)).toEqual(b)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('stepping to cursor N via fine checkpoints equals stepping from step 0 (every model)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        fc.integer({ min: 200, max: 1500 }),
        fc.nat(1000),
        fc.constantFrom(0, 0.05, 0.3),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 6 }),
        (model, count, seed, errorRate, at) => {
          const run = T.computeAll(T.createRun(scenarioOf(model, count, seed, errorRate)))
          const last = run.frontier.head.step
          expect(run.history.fine.entries.length).toBeGreaterThan(3)
          for (const f of at) {
            const n = Math.floor(f * last)
            const direct = advance(createSim(run.scenario), { steps: n, collect: false }).state
            expect(stateAtStep(run.history, n)).toEqual(direct)
            expect(T.goToStep(run, n).cursor).toEqual(direct)
          }
        },
      ),
      { numRuns: 24 },
    )
  }, 120_000)

  it('a scrub to time t via fine checkpoints equals every occurrence up to t applied from step 0', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        fc.nat(1000),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 6 }),
        (model, seed, at) => {
          const run = T.computeAll(T.createRun(scenarioOf(model, 800, seed, 0.05)))
          const end = run.frontier.head.now
          for (const f of at) {
            const t = Math.floor(f * end)
            const fromZero = forward(
              run.history,
              createSim(run.scenario),
              { time: t },
              { collect: false, replay: true },
            )
            const s: SimState = stateAtTime(run.history, t)
            expect(s).toEqual(fromZero.state)
            expect(s.now).toBeLessThanOrEqual(t)
          }
        },
      ),
      { numRuns: 16 },
    )
  }, 120_000)

  it('after commands (a fork), a step reached via the chain equals the replay of the command log from step 0', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS), fc.nat(1000), fc.nat(400), fc.nat(400), (model, seed, a, b) => {
        let run = T.createRun(scenarioOf(model, 600, seed, 0.05))
        run = T.goToStep(T.computeAll(run), 300 + a)
        run = T.command(run, { type: 'failNext' }, run.cursor.now)
        run = T.goToStep(run, run.cursor.step + 200 + b)
        run = T.command(run, { type: 'sendEvent' }, run.cursor.now)
        run = T.computeAll(run)
        const last = run.frontier.head.step
        for (const n of [1, 299 + a, 300 + a, 301 + a, Math.floor(last / 2), last]) {
          const fromZero = forward(run.history, createSim(run.scenario), { step: n }, { collect: false, replay: true })
          expect(T.goToStep(run, n).cursor).toEqual(fromZero.state)
        }
      }),
      { numRuns: 12 },
    )
  }, 120_000)
})
