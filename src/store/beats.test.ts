import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DOCS, stepBeatKind } from '../engine'
import type { Transition, TransitionType } from '../engine'
import { PRESETS } from '../scenarios'
import {
  beatOf,
  closeBeats,
  cutBeats,
  EMPTY_BEATS,
  endAt,
  feedBeats,
  foldCaption,
  nextBeatEnd,
  prevBeatEnd,
  totalBeats,
} from './beats'
import type { BeatIndex } from './beats'
import { foldOf, shownTotal } from './folds'
import { createSimStore } from './createSimStore'
import { beatForward, beatBack, computeAll, createRun, stepForward } from './timeline'
import type { Run } from './timeline'

const tr = (step: number, at: number, type: TransitionType, events: string[] = []): Transition => ({
  step,
  at,
  type,
  text: `${type} ${events.join(',')}`,
  ref: DOCS.syncInvoke,
  events,
  // Beats read the transition type only; any fact will do.
  fact: { kind: 'failNextArmed', pending: 1 },
})

function ends(b: BeatIndex): number[] {
  const out: number[] = []
  for (let i = 0; i < b.count; i++) out.push(endAt(b, i))
  return out
}

describe('beats: grouping steps (pure)', () => {
  it('arrivals of one millisecond are one beat; a change ends a beat; housekeeping joins the next beat', () => {
    const log = [
      tr(1, 0, 'queued', ['m-1']),
      tr(2, 0, 'queued', ['m-2']),
      tr(3, 0, 'queued', ['m-3']),
      tr(4, 0, 'batchFormed'),
      tr(4, 0, 'coldStart'),
      tr(5, 800, 'succeeded'),
      tr(5, 800, 'scaled'),
      // step 6: nothing (housekeeping), step 7: only a reclaim
      tr(7, 900, 'reclaimed'),
      tr(8, 30000, 'visible', ['m-1']),
      tr(9, 30000, 'visible', ['m-2']),
      tr(10, 30001, 'queued', ['m-4']),
    ]
    const b = feedBeats(EMPTY_BEATS, log, 10)
    // The open group (m-4) is not closed until a later step or the end of the run.
    expect(ends(b)).toEqual([0, 3, 4, 5, 9])
    expect(totalBeats(b)).toBeNull()
    const done = closeBeats(b)
    expect(ends(done)).toEqual([0, 3, 4, 5, 9, 10])
    expect(totalBeats(done)).toBe(5)
  })

  it('fed in pieces gives the same beats as fed at once', () => {
    const log = [
      tr(1, 0, 'arrived'),
      tr(2, 0, 'arrived'),
      tr(4, 5, 'invoked'),
      tr(5, 7, 'accepted'),
      tr(6, 7, 'accepted'),
      tr(8, 9, 'reclaimed'),
    ]
    const once = closeBeats(feedBeats(EMPTY_BEATS, log, 8))
    const pieces = closeBeats(
      feedBeats(feedBeats(feedBeats(EMPTY_BEATS, log.slice(0, 1), 1), log.slice(1, 3), 4), log.slice(3), 8),
    )
    expect(ends(pieces)).toEqual(ends(once))
    // Trailing housekeeping (step 7, 8) joins the last beat at the end of the run.
    expect(ends(once)).toEqual([0, 2, 4, 8])
  })

  it('a step is housekeeping only when nothing visible happened; mixed kinds are a change', () => {
    expect(stepBeatKind([])).toBe('housekeeping')
    expect(stepBeatKind([{ type: 'reclaimed' }, { type: 'scaled' }])).toBe('housekeeping')
    expect(stepBeatKind([{ type: 'queued' }, { type: 'scaled' }])).toBe('arrival')
    expect(stepBeatKind([{ type: 'arrived' }, { type: 'coldStart' }])).toBe('change')
    expect(stepBeatKind([{ type: 'arrived' }, { type: 'visible' }])).toBe('change')
  })

  it('queries: the beat of a step, the next and previous beat ends', () => {
    const b = closeBeats(feedBeats(EMPTY_BEATS, [tr(2, 0, 'invoked'), tr(3, 1, 'invoked'), tr(6, 2, 'invoked')], 6))
    expect(ends(b)).toEqual([0, 2, 3, 6])
    expect([0, 1, 2, 3, 4, 5, 6].map((s) => beatOf(b, s))).toEqual([0, 1, 1, 2, 3, 3, 3])
    expect(nextBeatEnd(b, 0)).toBe(2)
    expect(nextBeatEnd(b, 4)).toBe(6)
    expect(nextBeatEnd(b, 6)).toBeNull()
    expect(prevBeatEnd(b, 5)).toBe(3)
    expect(prevBeatEnd(b, 3)).toBe(2)
    expect(prevBeatEnd(b, 1)).toBe(0)
  })

  it('a command cuts the beats at its step, which ends a beat', () => {
    const b = closeBeats(feedBeats(EMPTY_BEATS, [tr(2, 0, 'invoked'), tr(5, 1, 'invoked'), tr(9, 2, 'invoked')], 9))
    expect(ends(cutBeats(b, 4))).toEqual([0, 2, 4])
    expect(cutBeats(b, 4).upTo).toBe(4)
    expect(ends(cutBeats(b, 0))).toEqual([0])
  })

  it('folds a type that repeats three times or more into one caption line ("30 messages arrive")', () => {
    const ts = [
      ...Array.from({ length: 30 }, (_, i) => tr(i + 1, 0, 'queued', [`m-${i + 1}`])),
      tr(31, 0, 'batchFormed'),
      tr(31, 0, 'coldStart'),
    ]
    const lines = foldCaption(ts)
    expect(lines.map((l) => [l.t.type, l.more])).toEqual([
      ['queued', 29],
      ['batchFormed', 0],
      ['coldStart', 0],
    ])
    expect(lines[0]!.moreEvents[0]).toBe('m-2')
    expect(lines[0]!.moreEvents.at(-1)).toBe('m-30')
  })
})

/** Steps of a random run: each with a kind-bearing transition or none (housekeeping). */
const stepsArb = fc.array(
  fc.record({
    type: fc.constantFrom<TransitionType | null>(
      null,
      'reclaimed',
      'scaled',
      'queued',
      'arrived',
      'visible',
      'invoked',
      'functionError',
      'retryScheduled',
    ),
    dt: fc.constantFrom(0, 0, 0, 1, 100),
  }),
  { minLength: 1, maxLength: 80 },
)

describe('beats: properties', () => {
  it('every step belongs to exactly one beat, beats are in order, and no beat is only housekeeping', () => {
    fc.assert(
      fc.property(stepsArb, fc.integer({ min: 1, max: 5 }), (steps, pieces) => {
        let at = 0
        const log: Transition[] = []
        steps.forEach((s, i) => {
          at += s.dt
          if (s.type) log.push(tr(i + 1, at, s.type))
        })
        const n = steps.length
        // Fed in a few pieces, as the frontier does.
        let b = EMPTY_BEATS
        for (let k = 1; k <= pieces; k++) {
          const to = Math.round((n * k) / pieces)
          b = feedBeats(
            b,
            log.filter((t) => t.step > b.upTo && t.step <= to),
            to,
          )
        }
        b = closeBeats(b)
        const e = ends(b)
        expect(e[0]).toBe(0)
        for (let i = 1; i < e.length; i++) expect(e[i]!).toBeGreaterThan(e[i - 1]!)
        const visible = log.some((t) => stepBeatKind([t]) !== 'housekeeping')
        // Every step 1..n is in exactly one beat (start, end]: the last end is n.
        expect(e.at(-1)).toBe(n)
        for (let i = 1; i < e.length; i++) {
          const inBeat = log.filter((t) => t.step > e[i - 1]! && t.step <= e[i]!)
          if (visible)
            expect(stepBeatKind(inBeat.filter((t) => stepBeatKind([t]) !== 'housekeeping'))).not.toBe('housekeeping')
        }
        for (let s = 1; s <= n; s++) {
          const i = beatOf(b, s)
          expect(e[i - 1]! < s && s <= e[i]!).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})

/** Every beat of a computed run, and the steps where something visible happened (from the log). */
function beatsOfRun(run: Run): { ends: number[]; visible: number[] } {
  const byStep = new Map<number, Transition[]>()
  for (const t of run.frontier.log) (byStep.get(t.step) ?? byStep.set(t.step, []).get(t.step)!).push(t)
  const visible = [...byStep.entries()].filter(([, ts]) => stepBeatKind(ts) !== 'housekeeping').map(([s]) => s)
  return { ends: ends(run.frontier.beats), visible }
}

describe('beats: every preset', () => {
  for (const p of PRESETS) {
    it(`${p.id}: no beat is only housekeeping; Step forward by beats reaches the end; fine steps reach every step`, () => {
      const run = computeAll(createRun(p.scenario))
      expect(run.frontier.finished).toBe(true)
      expect(run.frontier.logFrom).toBe(0)
      const { ends: e, visible } = beatsOfRun(run)
      expect(e.at(-1)).toBe(run.frontier.head.step)
      let v = 0
      for (let i = 1; i < e.length; i++) {
        while (v < visible.length && visible[v]! <= e[i - 1]!) v++
        expect(
          v < visible.length && visible[v]! <= e[i]!,
          `beat ${i} (steps ${e[i - 1]! + 1}-${e[i]}) of ${p.id} shows something`,
        ).toBe(true)
      }
      if (run.frontier.head.step > 3000) return // sqs-scaling: the walk below is for the small presets
      // Beat by beat: the cursor visits exactly the ends of the shown beats (a fold is one:
      // folds.ts), then stays at the end.
      const folds = run.frontier.folds
      const shown = e.filter((_, i) => (foldOf(folds, i)?.last ?? i) === i)
      let r = run
      const visited = [0]
      for (let guard = 0; guard < e.length + 2; guard++) {
        const next = beatForward(r)
        if (next.cursor.step === r.cursor.step) break
        r = next
        visited.push(r.cursor.step)
      }
      expect(visited).toEqual(shown)
      // ... and back again.
      const back = [r.cursor.step]
      while (r.cursor.step > 0) {
        r = beatBack(r)
        back.push(r.cursor.step)
      }
      expect(back.reverse()).toEqual(shown)
      // Fine steps reach every step.
      let f = run
      for (let s = 1; s <= run.frontier.head.step; s++) {
        f = stepForward(f)
        expect(f.cursor.step).toBe(s)
      }
    })
  }
})

describe('store: beats, fine steps and the beat pace', () => {
  const preset = PRESETS.find((p) => p.id === 'sqs-batch-failure')!

  it('Step forward moves one beat (the 30 arrivals at once), Shift steps one occurrence, the fine-steps toggle too', () => {
    const store = createSimStore(preset.scenario)
    store.getState().stepForward()
    const first = store.getState().run
    expect(first.cursor.step).toBe(30)
    expect(foldCaption(first.caption).map((l) => [l.t.type, l.more])).toEqual([['queued', 29]])
    store.getState().fineBack()
    expect(store.getState().run.cursor.step).toBe(29)
    store.getState().fineForward()
    store.getState().setFineSteps(true)
    store.getState().stepForward()
    expect(store.getState().run.cursor.step).toBe(31)
    store.getState().setFineSteps(false)
    store.getState().stepBack()
    expect(store.getState().run.cursor.step).toBe(30)
  })

  it('plays one beat per beat pace of wall time, whatever the simulated time between them, and ends paused at the end', () => {
    const store = createSimStore(preset.scenario, { beatMs: 1000 })
    store.getState().play()
    store.getState().tick(16)
    // The first beat shows at once.
    expect(store.getState().run.cursor.step).toBe(30)
    for (let i = 0; i < 61; i++) store.getState().tick(16)
    // 976 ms later: still the same beat, the clock sweeping towards the next one.
    expect(store.getState().run.cursor.step).toBe(30)
    store.getState().tick(30)
    expect(store.getState().run.cursor.step).toBeGreaterThan(30)
    let guard = 0
    while (store.getState().playing && guard++ < 10000) store.getState().tick(100)
    expect(store.getState().playing).toBe(false)
    const total = shownTotal(store.getState().run.frontier.beats, store.getState().run.frontier.folds)!
    // Every beat took at least the pace: ~1000 ms each.
    expect(guard * 100).toBeGreaterThanOrEqual((total - 2) * 1000)
    expect(store.getState().run.cursor.step).toBe(store.getState().run.frontier.head.step)
  })

  it('pausing at a beat pace never applies what the sweeping clock passed', () => {
    const store = createSimStore(preset.scenario, { beatMs: 1000 })
    store.getState().play()
    for (let i = 0; i < 40; i++) store.getState().tick(16)
    const step = store.getState().run.cursor.step
    store.getState().pause()
    expect(store.getState().run.cursor.step).toBe(step)
  })
})
