import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DOCS } from '../engine'
import type { Fact, Transition, TransitionType } from '../engine'
import { PRESETS } from '../scenarios'
import { endAt } from './beats'
import { beatKey } from './foldKey'
import { closeFolds, EMPTY_FOLDS, feedFolds, foldOf, MIN_STRETCH, shownIndex, WINDOW } from './folds'
import type { FoldIndex } from './folds'
import { beatForward, beatBack, computeAll, createRun, goToStep } from './timeline'
import { createSimStore } from './createSimStore'

let step = 0
const tr = (type: TransitionType, fact: Fact, events: string[], batch?: string): Transition => ({
  step: ++step,
  at: step * 1000,
  type,
  text: type,
  ref: DOCS.streamErrors,
  events,
  batch,
  fact,
})
const fail = (n: number) =>
  tr(
    'attemptFailed',
    {
      kind: 'attemptFailed',
      inv: `inv-${n}`,
      env: 'env-1',
      events: ['p-1'],
      records: 1,
      batch: `b-${n}`,
      end: 'error',
    },
    ['p-1'],
    `b-${n}`,
  )
const retried = (n: number) => tr('retried', { kind: 'streamRetried', at: { shard: 0, lane: 0 }, count: n }, ['p-1'])
const written = (id: string) =>
  tr('arrived', { kind: 'streamWritten', event: id, partitionKey: id, at: { shard: 0, lane: 0 }, seq: step } as Fact, [
    id,
  ])
const gaveUp = () =>
  tr(
    'expired',
    {
      kind: 'streamGaveUp',
      at: { shard: 0, lane: 0 },
      condition: 'RetentionExpired',
      events: ['p-1'],
      seqs: { first: 1, last: 1 },
      toDestination: false,
    } as Fact,
    ['p-1'],
  )

const feedAll = (beats: Transition[][]): FoldIndex => closeFolds(feedFolds(EMPTY_FOLDS, beats))

describe('folds: grouping repeated beats (pure)', () => {
  it('a day of the same failure and retry is one fold whose words count it; what differs stays shown', () => {
    const beats: Transition[][] = [[written('p-1')], [fail(1)], [retried(1)]]
    for (let n = 2; n <= 40; n++) beats.push([fail(n)], [retried(n)])
    beats.push([gaveUp()])
    const f = feedAll(beats)
    // Beat i is beats[i - 1] (beat 0 is the start).
    expect(f.folds).toHaveLength(1)
    const fold = f.folds[0]!
    // The first failure and retry are shown; every repetition after them is one beat.
    expect([fold.first, fold.last]).toEqual([4, 81])
    // The retries happen as often as the failures: only the worst is said.
    expect(fold.text).toBe('The same batch (p-1) fails again: 39 times over 77 s.')
    // ... so the 82 beats are shown as 5, and the give-up after the fold is its own beat.
    expect(shownIndex(f, 82)).toBe(5)
    expect(foldOf(f, 82)).toBeUndefined()
  })

  it('a repetition too short to matter is not folded', () => {
    const beats: Transition[][] = [[written('p-1')], [fail(1)], [retried(1)], [fail(2)], [retried(2)], [gaveUp()]]
    expect(feedAll(beats).folds).toEqual([])
  })

  it('fed beat by beat gives the folds fed at once; nothing is decided while the repetition goes on', () => {
    const beats: Transition[][] = [[written('p-1')], [fail(1)], [retried(1)]]
    for (let n = 2; n <= 12; n++) beats.push([fail(n)], [retried(n)])
    beats.push([gaveUp()])
    let f = EMPTY_FOLDS
    for (const b of beats) {
      f = feedFolds(f, [b])
      if (b === beats[10]) expect(f.folds).toEqual([])
    }
    expect(closeFolds(f).folds).toEqual(feedAll(beats).folds)
  })

  it('property: folds are disjoint, hide only beats like one shown in the last WINDOW kinds, and count down the shown beats', () => {
    const alphabet = [() => fail(1), () => retried(1), () => written('x'), () => gaveUp()]
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        (seq, piece) => {
          const beats = seq.map((k) => [alphabet[k]!()])
          let f = EMPTY_FOLDS
          for (let i = 0; i < beats.length; i += piece) f = feedFolds(f, beats.slice(i, i + piece))
          f = closeFolds(f)
          expect(f.folds).toEqual(feedAll(beats).folds)
          let prevLast = 0
          for (const fold of f.folds) {
            expect(fold.first).toBeGreaterThan(prevLast)
            expect(fold.last).toBeGreaterThanOrEqual(fold.first)
            expect(fold.last).toBeLessThanOrEqual(beats.length)
            prevLast = fold.last
            for (let i = fold.first; i <= fold.last; i++) {
              const key = beatKey(beats[i - 1]!)
              const before = beats
                .slice(Math.max(0, fold.first - 1 - WINDOW * MIN_STRETCH), fold.first - 1)
                .map(beatKey)
              expect(before, `beat ${i} in a fold repeats a beat shown before it`).toContain(key)
            }
          }
          // Shown positions never go back, and step by one outside folds.
          let last = 0
          for (let i = 1; i <= beats.length; i++) {
            const s = shownIndex(f, i)
            expect(s === last || s === last + 1).toBe(true)
            last = s
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('folds: kinesis-poison-blocks-shard', () => {
  const preset = PRESETS.find((p) => p.id === 'kinesis-poison-blocks-shard')!
  const run = computeAll(createRun(preset.scenario))
  const { beats, folds, log } = run.frontier
  const long = folds.folds.reduce((a, b) => (b.last - b.first > a.last - a.first ? b : a))

  it("the fold's words are the run's own counts", () => {
    const from = endAt(beats, long.first - 1) + 1
    const to = endAt(beats, long.last)
    const inFold = log.filter((t) => t.step >= from && t.step <= to)
    const failures = inFold.filter((t) => t.type === 'attemptFailed').length
    expect(failures).toBeGreaterThan(1000)
    expect(long.text).toContain(`fails again: ${failures.toLocaleString('en-US')} times over`)
    // The give-up that unblocks the shard is after the fold, shown on its own.
    const gaveUp = log.find((t) => t.fact.kind === 'streamGaveUp')!
    expect(gaveUp.step).toBeGreaterThan(to)
  })

  it('Step forward crosses the fold in one beat and Step back returns before it', () => {
    const before = goToStep(run, endAt(beats, long.first - 1))
    const after = beatForward(before)
    expect(after.cursor.step).toBe(endAt(beats, long.last))
    expect(beatBack(after).cursor.step).toBe(before.cursor.step)
  })

  it('Play at a beat pace shows the fold as one beat, its words in the caption position', () => {
    const store = createSimStore(preset.scenario, { beatMs: 100, step: endAt(beats, long.first - 1) })
    store.getState().play()
    store.getState().tick(16)
    expect(store.getState().run.cursor.step).toBe(endAt(beats, long.last))
  })
})
