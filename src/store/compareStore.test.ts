import { describe, expect, it } from 'vitest'
import { nextStepAt } from '../engine'
import { summarizeLane } from './compareSummary'
import { createCompareStore } from './compareStore'
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
  it('steps the shared clock to the next occurrence of any lane, and every lane follows', () => {
    const store = createCompareStore(compareWorkloadById('failing')!)
    const seen: number[] = [0]
    for (let i = 0; i < 30; i++) {
      const expected = Math.min(
        ...store.getState().lanes.map((l) => nextStepAt(l.store.getState().run.cursor) ?? Infinity),
      )
      if (expected === Infinity) break
      store.getState().stepForward()
      const t = store.getState().clock
      expect(t).toBe(expected)
      expect(clocks(store)).toEqual([t, t, t])
      for (const l of store.getState().lanes) {
        const next = nextStepAt(l.store.getState().run.cursor)
        expect(next === null || next > t).toBe(true)
      }
      seen.push(t)
    }
    for (let i = seen.length - 2; i >= 0; i--) {
      store.getState().stepBack()
      expect(store.getState().clock).toBe(seen[i])
      expect(clocks(store)).toEqual([seen[i], seen[i], seen[i]])
    }
  })

  it('plays all lanes on one clock and stops at the end', () => {
    const store = createCompareStore(compareWorkloadById('burst')!)
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
