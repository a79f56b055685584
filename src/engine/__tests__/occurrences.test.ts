import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cloneState, work } from '../clone'
import { schedule } from '../core'
import { heapPop, heapPush, intHeapPop, intHeapPush } from '../heap'
import { eventNo, invocationNo, laneNo } from '../ids'
import { createSim } from '../sim'
import type { Occurrence, Work } from '../types'
import { scenario } from './harness'

function emptyWork(): Work {
  const s = cloneState(createSim(scenario({ model: 'sync' })))
  s.queue = []
  return work(s, null)
}

describe('occurrences: a union by kind, each payload named and stored as two small integers', () => {
  it('schedule stores the named payload in order as a and b (0 where a kind has none), one shape for every kind', () => {
    const w = emptyWork()
    schedule(w, 'sqsVisible', 10, eventNo(7), 2)
    schedule(w, 'invocationEnd', 20, invocationNo(5))
    schedule(w, 'sqsScale', 30)
    const q = [...w.s.queue].sort((x, y) => x.at - y.at)
    expect(q.map(({ kind, a, b }) => ({ kind, a, b }))).toEqual([
      { kind: 'sqsVisible', a: 7, b: 2 },
      { kind: 'invocationEnd', a: 5, b: 0 },
      { kind: 'sqsScale', a: 0, b: 0 },
    ])
    for (const o of q) expect(Object.keys(o)).toEqual(['at', 'seq', 'pri', 'kind', 'a', 'b'])
  })

  it('the payload is checked per kind: arity and names (compile-time)', () => {
    const typed = (w: Work): void => {
      schedule(w, 'arrival', 0, 1, 2)
      schedule(w, 'asyncAttempt', 0, eventNo(1), 0, true)
      // @ts-expect-error an event number, not any number (ids.ts)
      schedule(w, 'asyncAttempt', 0, 1, 0)
      // @ts-expect-error a lane is not an event
      schedule(w, 'callerRetry', 0, laneNo(1))
      // @ts-expect-error sqsScale carries no payload
      schedule(w, 'sqsScale', 0, 1)
      // @ts-expect-error an arrival needs its entry and index
      schedule(w, 'arrival', 0, 1)
      // @ts-expect-error only an async attempt may run at its arrival
      schedule(w, 'streamPoll', 0, laneNo(1), 2, true)
    }
    expect(typed).toBeTypeOf('function')
    const o = { at: 0, seq: 0, pri: 2, kind: 'streamRetry', a: 1, b: 2 } as Occurrence
    if (o.kind === 'streamRetry') expect(o.a).toBe(1)
  })

  it("a first try at arrival runs after the millisecond's arrivals and before the rest of it (ordering unchanged)", () => {
    const w = emptyWork()
    schedule(w, 'callerRetry', 5, eventNo(1))
    schedule(w, 'asyncAttempt', 5, eventNo(2), 0, true)
    schedule(w, 'arrival', 5, 1, 3)
    schedule(w, 'arrival', 5, 0, 9)
    schedule(w, 'arrival', 5, 1, 1)
    const order: string[] = []
    for (let o = heapPop(w.s.queue); o; o = heapPop(w.s.queue)) order.push(`${o.kind}:${o.a}/${o.b}`)
    expect(order).toEqual(['arrival:0/9', 'arrival:1/1', 'arrival:1/3', 'asyncAttempt:2/0', 'callerRetry:1/0'])
  })
})

describe('the heaps pop in order', () => {
  it('integers come out sorted, whatever the pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), (xs) => {
        const h: number[] = []
        for (const x of xs) intHeapPush(h, x)
        const out: number[] = []
        for (let v = intHeapPop(h); v !== undefined; v = intHeapPop(h)) out.push(v)
        expect(out).toEqual([...xs].sort((a, b) => a - b))
      }),
    )
  })

  it('occurrences come out by (at, pri, seq)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.integer({ min: 0, max: 20 }), pri: fc.constantFrom(-1 as const, 1 as const, 2 as const) }),
        ),
        (xs) => {
          const h: Occurrence[] = []
          xs.forEach((x, seq) => heapPush(h, { ...x, seq, kind: 'callerRetry', a: eventNo(0), b: 0 }))
          const out: Occurrence[] = []
          for (let o = heapPop(h); o; o = heapPop(h)) out.push(o)
          const key = (o: Occurrence) => [o.at, o.pri, o.seq]
          const sorted = [...out].sort((p, q) => p.at - q.at || p.pri - q.pri || p.seq - q.seq)
          expect(out.map(key)).toEqual(sorted.map(key))
          expect(out.length).toBe(xs.length)
        },
      ),
    )
  })
})
