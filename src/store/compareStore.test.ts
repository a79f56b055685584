import { describe, expect, it } from 'vitest'
import { nextStepAt } from '../engine'
import { summarizeLane } from './compareSummary'
import { createCompareStore } from './compareStore'
import { DEFAULT_BEAT_MS } from './speed'
import * as T from './timeline'
import { COMPARE_WORKLOADS, COMPARED_MODELS, compareScenario, compareWorkloadById } from '../scenarios/compareWorkloads'

const clocks = (store: ReturnType<typeof createCompareStore>) =>
  store.getState().lanes.map((l) => l.store.getState().clock)

describe('compare workloads', () => {
  it('every workload is a valid scenario for each compared model', () => {
    for (const w of COMPARE_WORKLOADS) for (const m of COMPARED_MODELS) expect(compareScenario(w, m).model).toBe(m)
  })

  it('summaries show what differs: the failing event goes to the caller, a destination, a DLQ', () => {
    const w = compareWorkloadById('failing')!
    const [sync, async, sqs] = COMPARED_MODELS.map((m) => summarizeLane(m, compareScenario(w, m)))
    expect(sync!.callerSaw).toContain('X-Amz-Function-Error')
    expect(sync!.retries).toBe(0)
    expect(async!.callerSaw).toContain('202')
    expect(async!.retries).toBe(2)
    expect(async!.failuresWent).toContain('on-failure destination')
    expect(sqs!.failuresWent).toContain('dead-letter queue')
    const throttled = compareWorkloadById('throttled')!
    expect(summarizeLane('sync', compareScenario(throttled, 'sync')).callerSaw).toContain('429')
  })
})

describe('createCompareStore', () => {
  /** Every time at which some lane ends a shown beat (beats.ts, folds.ts), walking each lane alone. */
  const beatEndTimes = (workloadId: string): number[] => {
    const w = compareWorkloadById(workloadId)!
    const times = new Set<number>()
    for (const m of COMPARED_MODELS) {
      let run = T.createRun(compareScenario(w, m))
      for (;;) {
        const { run: r, end } = T.nextBeat(run)
        if (end === null) break
        run = T.goToStep(r, end)
        times.add(run.cursor.now)
      }
    }
    return Array.from(times).sort((a, b) => a - b)
  }

  it('steps the shared clock by beats: to each time any lane ends a shown beat, every lane following, and back the same way', () => {
    for (const id of ['failing', 'burst']) {
      const store = createCompareStore(compareWorkloadById(id)!)
      const expected = beatEndTimes(id)
      const seen: number[] = []
      const steps = () => store.getState().lanes.map((l) => l.store.getState().run.cursor.step)
      for (let i = 0; i < expected.length + 2; i++) {
        const before = steps()
        store.getState().stepForward()
        const t = store.getState().clock
        if (steps().every((s, k) => s === before[k])) break
        expect(clocks(store)).toEqual([t, t, t])
        seen.push(t)
      }
      // Not one occurrence at a time: the burst's 40 arrivals 10 ms apart are far fewer beats.
      expect(seen).toEqual(expected)
      for (let i = seen.length - 2; i >= 0; i--) {
        store.getState().stepBack()
        const t = seen[i]
        expect(store.getState().clock).toBe(t)
        expect(clocks(store)).toEqual([t, t, t])
      }
    }
  })

  it('plays at a beat pace by default: each beat held 1.5 s of wall time, the clock landing only on beat ends', () => {
    const store = createCompareStore(compareWorkloadById('burst')!)
    expect(store.getState().beatMs).toBe(DEFAULT_BEAT_MS)
    const ends = beatEndTimes('burst')
    const landed: number[] = []
    store.getState().play()
    let wall = 0
    while (store.getState().playing && wall < 10 * 60 * 1000) {
      const before = store.getState().clock
      store.getState().tick(50)
      wall += 50
      const t = store.getState().clock
      if (t !== before) landed.push(t)
      // While a beat is held the lanes' clocks sweep towards the next beat, all together.
      const [a, b, c] = clocks(store)
      expect([b, c]).toEqual([a, a])
    }
    // (The burst's first beat ends at 0 ms: it shows without the clock moving.)
    expect(landed).toEqual(ends.filter((t) => t > 0))
    // The first beat shows at once, each one after it 1.5 s later: the 2 s burst takes ~40 s to watch.
    expect(wall).toBeGreaterThanOrEqual((ends.length - 1) * DEFAULT_BEAT_MS)
    expect(wall).toBeLessThanOrEqual(ends.length * DEFAULT_BEAT_MS + 100)
    expect(clocks(store)).toEqual([ends.at(-1), ends.at(-1), ends.at(-1)])
  })

  it('a pause in the middle of a held beat takes the swept lane clocks back to what is applied', () => {
    const store = createCompareStore(compareWorkloadById('failing')!)
    store.getState().stepForward()
    const t = store.getState().clock
    store.getState().play()
    store.getState().tick(50) // the first beat shows at once
    const shown = store.getState().clock
    expect(shown).toBeGreaterThan(t)
    store.getState().tick(700)
    expect(clocks(store)[0]).toBeGreaterThan(shown)
    store.getState().pause()
    expect(store.getState().clock).toBe(shown)
    expect(clocks(store)).toEqual([shown, shown, shown])
  })

  it('plays all lanes on one clock by time and stops at the end', () => {
    const store = createCompareStore(compareWorkloadById('burst')!, { beatMs: null })
    store.getState().play()
    for (let i = 0; i < 2000 && store.getState().playing; i++) {
      store.getState().tick(16)
      const t = Math.floor(store.getState().clock)
      expect(clocks(store)).toEqual([t, t, t])
    }
    expect(store.getState().playing).toBe(false)
    expect(store.getState().lanes.every((l) => nextStepAt(l.store.getState().run.cursor) === null)).toBe(true)
  })

  it('opens at a given time', () => {
    const store = createCompareStore(compareWorkloadById('steady')!, { time: 1234 })
    expect(store.getState().clock).toBe(1234)
    expect(clocks(store)).toEqual([1234, 1234, 1234])
  })
})
