import { describe, expect, it } from 'vitest'
import { advance, createSim, dispatch, selectStage } from '../engine'
import type { Scenario } from '../engine'
import { parseScenario } from '../scenarios'
import { PRESETS } from '../scenarios'
import { createSimStore } from './createSimStore'

function scenario(raw: Record<string, unknown> = {}): Scenario {
  const r = parseScenario({
    version: 1,
    model: 'sync',
    workload: [
      { atMs: 0, count: 30, everyMs: 50 },
      { atMs: 120, count: 3, everyMs: 400, idPrefix: 'bad', fail: 'always' },
    ],
    function: { durationMs: 300, reservedConcurrentExecutions: 4 },
    sync: { caller: 'sdk', clientMaxAttempts: 2 },
    ...raw,
  })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scenario
}

const frame = (store: ReturnType<typeof createSimStore>) => {
  const s = store.getState()
  return {
    step: s.run.cursor.step,
    clock: s.clock,
    tokens: s.run.stage.tokens.map((t) => `${t.id}:${t.state}`).join(','),
  }
}

describe('createSimStore', () => {
  it('steps forward one occurrence at a time and back to the exact state', () => {
    const store = createSimStore(scenario())
    const states = [store.getState().run.cursor]
    for (let i = 0; i < 40; i++) {
      store.getState().fineForward()
      states.push(store.getState().run.cursor)
      expect(store.getState().run.cursor.step).toBe(i + 1)
    }
    for (let i = 40; i > 0; i--) {
      store.getState().fineBack()
      expect(store.getState().run.cursor).toEqual(states[i - 1])
      expect(store.getState().clock).toBe(states[i - 1]!.now)
    }
  })

  it('replays from checkpoints to the same state as a direct run', () => {
    const store = createSimStore(scenario({ workload: [{ atMs: 0, count: 200, everyMs: 20 }] }))
    const direct = advance(createSim(store.getState().run.scenario), { steps: 300, collect: false }).state
    store.getState().goToStep(300)
    expect(store.getState().run.cursor).toEqual(direct)
    expect(store.getState().run.history.checkpoints.length).toBeGreaterThan(3)
    store.getState().goToStep(130)
    expect(store.getState().run.cursor).toEqual(
      advance(createSim(store.getState().run.scenario), { steps: 130, collect: false }).state,
    )
  })

  it('seeks to a time: every occurrence up to it applied, none after', () => {
    const store = createSimStore(scenario())
    store.getState().seek(777)
    const s = store.getState()
    expect(s.clock).toBe(777)
    expect(s.run.cursor.now).toBeLessThanOrEqual(777)
    const direct = advance(createSim(s.run.scenario), { until: 777, collect: false }).state
    expect(s.run.cursor.step).toBe(direct.step)
  })

  it('forks when a command is made in the past: the future is dropped and recomputed', () => {
    const store = createSimStore(scenario())
    store.getState().goToStep(30)
    const before = store.getState().run.frontier.head.step
    store.getState().goToStep(10)
    const at10 = store.getState().run.cursor
    store.getState().send({ type: 'sendEvent', event: { fail: 'always' } })
    const s = store.getState()
    expect(s.run.history.commands).toHaveLength(1)
    expect(s.run.cursor.step).toBe(10)
    // The same as dispatching on the state at step 10 by hand.
    expect(s.run.cursor).toEqual(dispatch(at10, { type: 'sendEvent', event: { fail: 'always' } }).state)
    expect(s.run.frontier.head.step).toBeGreaterThan(before)
    // Stepping on from the fork and back again reproduces it exactly.
    store.getState().goToStep(25)
    const at25 = store.getState().run.cursor
    store.getState().goToStep(5)
    store.getState().goToStep(25)
    expect(store.getState().run.cursor).toEqual(at25)
    expect(at25.events.some((e) => e.id === 'you-1')).toBe(true)
  })

  it('keeps a command made at step 0 on reset and replays it', () => {
    const store = createSimStore(scenario())
    store.getState().send({ type: 'failNext' })
    store.getState().goToStep(8)
    store.getState().reset()
    expect(store.getState().run.cursor.failNext).toBe(1)
    expect(store.getState().clock).toBe(0)
  })

  it('plays: the clock runs, occurrences apply as it passes them, and the run ends paused', () => {
    const store = createSimStore(scenario(), { speed: 10, beatMs: null })
    store.getState().play()
    store.getState().tick(16)
    expect(store.getState().clock).toBeGreaterThan(0)
    for (let i = 0; i < 5000 && store.getState().playing; i++) store.getState().tick(16)
    const s = store.getState()
    expect(s.playing).toBe(false)
    expect(s.run.frontier.finished).toBe(true)
    expect(s.run.cursor.step).toBe(s.run.frontier.head.step)
  })

  it('deferred ticks let the clock run past occurrences; a pause applies them, as if played normally', () => {
    const big = scenario({ workload: [{ atMs: 0, count: 3000, everyMs: 1 }] })
    const store = createSimStore(big, { speed: 2, beatMs: null })
    store.getState().goToStep(4000)
    store.getState().play()
    for (let i = 0; i < 20; i++) store.getState().tick(16, true)
    const { clock, run } = store.getState()
    expect(clock).toBeGreaterThan(run.cursor.now)
    const stepBefore = run.cursor.step
    store.getState().pause()
    const after = store.getState()
    expect(after.run.cursor.step).toBeGreaterThanOrEqual(stepBefore)
    const direct = createSimStore(big)
    direct.getState().seek(Math.floor(clock))
    expect(after.run.cursor).toEqual(direct.getState().run.cursor)
  })

  it('a playing big run computes ahead about as much as each tick moved, never LOOKAHEAD steps in one frame, and stays ahead', () => {
    const big = scenario({ workload: [{ atMs: 0, count: 6000, everyMs: 1 }] })
    const store = createSimStore(big, { speed: 1, beatMs: null })
    store.getState().seek(2100)
    store.getState().play()
    let worst = 0
    for (let i = 0; i < 150 && store.getState().playing; i++) {
      const before = store.getState().run
      store.getState().tick(16)
      const after = store.getState().run
      const computed = after.frontier.head.step - before.frontier.head.step
      const moved = after.cursor.step - before.cursor.step
      worst = Math.max(worst, computed - moved)
      if (!after.frontier.finished) expect(after.frontier.head.step).toBeGreaterThan(after.cursor.step)
    }
    expect(worst).toBeLessThanOrEqual(64)
  })

  it('skip idle crosses a long wait quickly', () => {
    const store = createSimStore(
      scenario({
        workload: [
          { atMs: 0, count: 1 },
          { atMs: 600000, count: 1 },
        ],
      }),
    )
    store.getState().play()
    let frames = 0
    while (store.getState().run.cursor.events.length < 2 && frames < 1000) {
      store.getState().tick(16)
      frames++
    }
    expect(frames).toBeLessThan(200)
  })

  it('marks errors and throttles on the timeline and jumps to them, where the failed token is still in its environment', () => {
    const store = createSimStore(scenario())
    expect(store.getState().jumpToNext('error')).toBe(true)
    const s = store.getState()
    expect(s.run.caption.some((t) => t.type === 'attemptFailed')).toBe(true)
    expect(selectStage(s.run.cursor).tokens.some((t) => t.state === 'failed' && t.env !== null)).toBe(true)
    // The next step explains it (functionError) at the same millisecond: one marker, not two.
    const errors = s.run.frontier.markers.filter((m) => m.kind === 'error')
    expect(errors.filter((m) => m.step === s.run.cursor.step + 1)).toEqual([])
  })

  it('a frame is the same however it was reached', () => {
    const a = createSimStore(scenario())
    for (let i = 0; i < 12; i++) a.getState().fineForward()
    const b = createSimStore(scenario(), { step: 12 })
    expect(frame(b)).toEqual(frame(a))
  })
})

describe('the caption on a fine step where nothing visible happened yet', () => {
  it("keeps the last visible beat's words (what the stage shows) and says where they come from", () => {
    const preset = PRESETS.find((p) => p.id === 'sqs-redrive-dlq')!
    const store = createSimStore(preset.scenario)
    // Find a housekeeping step: a step with no transition of its own, inside an unfinished beat.
    let found = false
    for (let step = 1; step < 200 && !found; step++) {
      store.getState().goToStep(step)
      const run = store.getState().run
      if (run.captionHeldFrom === null) {
        expect(run.caption.length === 0 && step > 0 && run.cursor.step === step).toBe(false)
        continue
      }
      found = true
      expect(run.captionHeldFrom).toBeLessThan(step)
      expect(run.caption.length).toBeGreaterThan(0)
      // Those are the words of the beat ending at captionHeldFrom.
      store.getState().goToStep(run.captionHeldFrom)
      expect(store.getState().run.caption).toEqual(run.caption)
      expect(store.getState().run.captionHeldFrom).toBeNull()
    }
    expect(found).toBe(true)
  })
})
