import { describe, expect, it } from 'vitest'
import { parseScenario } from '../engine'
import { createFakeClock } from './clock'
import { createSimStore } from './createSimStore'
import { createPacer, PACE_OFF_MS, PACE_ON_MS } from './pacer'
import { startPlayback } from './playback'
import type { Run } from './timeline'

function scenario(count: number) {
  const r = parseScenario({ version: 1, model: 'sync', workload: [{ atMs: 0, count, everyMs: 1 }] })
  if (!r.ok) throw new Error('invalid')
  return r.scenario
}

/** A big run (past the 2,000 events pacing needs), playing by time, with a pacer on a fake clock. */
function setup(count = 3000) {
  const clock = createFakeClock()
  const store = createSimStore(scenario(count), { speed: 1, beatMs: null })
  store.getState().seek(count > 2500 ? 2500 : 0)
  const pacer = createPacer(store, { clock, canPace: true })
  const drawn: Run[] = []
  let stageCost = 0
  const stopStage = pacer.onStage(() => {
    drawn.push(pacer.stageRun())
    clock.advance(stageCost)
  })
  const shownRuns: Run[] = []
  const stopShown = pacer.shown.subscribe((s, prev) => {
    if (s.run !== prev.run) shownRuns.push(s.run)
  })
  store.getState().play()
  return {
    clock,
    store,
    pacer,
    drawn,
    shownRuns,
    setStageCost: (ms: number) => (stageCost = ms),
    stop: () => {
      stopStage()
      stopShown()
    },
  }
}

describe('pacer: how a visualizer’s updates reach the stage and the panels', () => {
  it('normally the stage and the panels get a new run in the frame the engine made it', () => {
    const { store, pacer, drawn } = setup()
    store.getState().tick(16)
    const run = store.getState().run
    expect(drawn.at(-1)).toBe(run)
    expect(pacer.shown.getState().run).toBe(run)
    expect(pacer.busy()).toBe(false)
  })

  it('after a heavy update, a big run’s next update is drawn a part a frame: the stage next frame, the panels (with the stage’s run) the frame after', () => {
    const { clock, store, pacer, drawn, shownRuns } = setup()
    pacer.reportTick(PACE_ON_MS + 5)
    expect(pacer.pacing()).toBe(true)
    const before = store.getState().run
    store.getState().tick(16)
    const run = store.getState().run
    expect(run).not.toBe(before)
    // Frame 1: the engine's move only.
    expect(drawn).toEqual([])
    expect(pacer.shown.getState().run).toBe(before)
    expect(pacer.busy()).toBe(true)
    // The clock is not held: it is the live one.
    expect(pacer.shown.getState().clock).toBe(store.getState().clock)
    clock.tick(16)
    expect(drawn).toEqual([run])
    expect(pacer.shown.getState().run).toBe(before)
    expect(pacer.busy()).toBe(true)
    clock.tick(16)
    expect(shownRuns).toEqual([run])
    expect(pacer.shown.getState().run).toBe(run)
    expect(pacer.busy()).toBe(false)
  })

  it('a pause in the middle shows the latest run everywhere at once', () => {
    const { store, pacer, drawn } = setup()
    pacer.reportTick(PACE_ON_MS + 5)
    store.getState().tick(16)
    expect(pacer.busy()).toBe(true)
    store.getState().pause()
    const run = store.getState().run
    expect(drawn.at(-1)).toBe(run)
    expect(pacer.shown.getState().run).toBe(run)
    expect(pacer.busy()).toBe(false)
  })

  it('a small run is never paced, however heavy its updates', () => {
    const { store, pacer, drawn } = setup(50)
    pacer.reportTick(100)
    store.getState().tick(16)
    expect(drawn.at(-1)).toBe(store.getState().run)
    expect(pacer.busy()).toBe(false)
  })

  it('a driver that does not wait (the compare page): each phase takes the latest run, and a run that moved on is drawn next', () => {
    const { clock, store, pacer, drawn, shownRuns } = setup()
    pacer.reportTick(PACE_ON_MS + 5)
    store.getState().tick(16)
    store.getState().tick(16)
    const second = store.getState().run
    clock.tick(16) // the stage takes the latest of both
    expect(drawn).toEqual([second])
    store.getState().tick(16)
    const third = store.getState().run
    clock.tick(16) // the panels get what the stage drew, then the newer run starts over
    expect(shownRuns).toEqual([second])
    expect(pacer.busy()).toBe(true)
    clock.tick(16)
    expect(drawn).toEqual([second, third])
    clock.tick(16)
    expect(shownRuns).toEqual([second, third])
    expect(pacer.busy()).toBe(false)
  })

  it('stops pacing once the engine and the stage together cost less than PACE_OFF_MS, and the stage’s draw counts', () => {
    const { clock, store, pacer, setStageCost } = setup()
    pacer.reportTick(PACE_ON_MS + 5)
    // Cheap engine, expensive stage: still paced.
    store.getState().tick(16)
    pacer.reportTick(2)
    setStageCost(PACE_ON_MS)
    clock.tick(16)
    clock.tick(16)
    expect(pacer.pacing()).toBe(true)
    // Both cheap: pacing stops after this update.
    store.getState().tick(16)
    pacer.reportTick(1)
    setStageCost(PACE_OFF_MS - 3)
    clock.tick(16)
    clock.tick(16)
    expect(pacer.pacing()).toBe(false)
    store.getState().tick(16)
    expect(pacer.busy()).toBe(false)
    expect(pacer.shown.getState().run).toBe(store.getState().run)
  })

  it('with nobody listening it lets go of the store: the shown state is the store’s', () => {
    const { store, pacer, stop } = setup()
    stop()
    store.getState().tick(16)
    expect(pacer.shown.getState()).toBe(store.getState())
    expect(pacer.stageRun()).toBe(store.getState().run)
  })
})

describe('playback with a pacer', () => {
  it('the engine waits while an update is being drawn, and moves again in the frame after the panels', () => {
    const { clock, store, pacer, setStageCost } = setup()
    const stop = startPlayback(store, clock, pacer)
    pacer.reportTick(PACE_ON_MS + 5)
    setStageCost(PACE_ON_MS + 2) // the fake clock's ticks cost nothing: the stage keeps it paced
    clock.tick(16) // the first playing frame plays nothing
    const runs: Run[] = []
    for (let i = 0; i < 7; i++) {
      clock.tick(16)
      runs.push(store.getState().run)
    }
    stop()
    // Frame A moves the engine, B draws the stage, C the panels; the engine again at D.
    const moved = runs.map((r, i) => (i === 0 ? true : r !== runs[i - 1]))
    expect(moved).toEqual([true, false, false, true, false, false, true])
  })
})
