import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advance, createSim, percentile, runToEnd, selectStage } from '../engine'
import type { SimState } from '../engine'
import { PRESETS } from '../scenarios'
import { createSimStore } from './createSimStore'
import { sampleOf, seriesAt } from './metrics'
import type { Sample } from './metrics'

/**
 * Issue 10, item 6: the metrics panel agrees with the stage at every step. Its numbers come from the
 * state at the cursor; here they are recounted from a direct engine run to the same step (events,
 * environments and attempts, not the store's samples), whatever way the cursor got there.
 */

const WAITING = new Set(['queued', 'batching', 'waiting', 'invisible'])

function recount(s: SimState): Omit<Sample, 'at' | 'step'> {
  const invocations = new Set<number>()
  let dlq = 0
  let depth = 0
  for (const ev of s.events) {
    for (const a of ev.attempts) if (a.inv !== undefined) invocations.add(a.inv)
    for (const d of ev.deliveries) if (d.to === 'dlq') dlq++
    if (s.scenario.model !== 'sync' && WAITING.has(ev.stage)) depth++
  }
  const m = s.metrics
  return {
    Invocations: invocations.size,
    Errors: m.Errors,
    Throttles: m.Throttles,
    ConcurrentExecutions: s.envs.filter((e) => e.state === 'busy').length,
    Duration: percentile(m.durationHist, m.durationCount, 50),
    QueueDepth: depth,
    AsyncEventAge: m.MaxAsyncEventAgeMs,
    IteratorAge: m.MaxIteratorAgeMs,
    DLQSize: dlq,
  }
}

const lengths = new Map(PRESETS.map((p) => [p.id, runToEnd(createSim(p.scenario)).state.step]))

type Move = { readonly kind: 'goto' | 'step' | 'back' | 'seek'; readonly frac: number }
const move: fc.Arbitrary<Move> = fc.record({
  kind: fc.constantFrom('goto', 'step', 'back', 'seek'),
  frac: fc.double({ min: 0, max: 1, noNaN: true }),
})

describe('metrics at the playhead (issue 10 item 6)', () => {
  it('at random steps of every preset, the panel numbers equal a recount from the engine state at the cursor', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS), fc.array(move, { minLength: 1, maxLength: 4 }), (preset, moves) => {
        const store = createSimStore(preset.scenario, { presetId: preset.id })
        const last = lengths.get(preset.id)!
        for (const mv of moves) {
          const st = store.getState()
          const target = Math.round(mv.frac * last)
          if (mv.kind === 'goto') st.goToStep(target)
          else if (mv.kind === 'step') st.stepForward()
          else if (mv.kind === 'back') st.stepBack()
          else st.seek(mv.frac * st.run.frontier.head.now)
          const { run } = store.getState()
          const series = seriesAt(run.frontier.samples, run.cursor)
          const shown = series[series.length - 1]!
          const ref = advance(createSim(preset.scenario), { steps: run.cursor.step, collect: false }).state
          expect(shown.step).toBe(ref.step)
          const { step: _s, at: _a, ...values } = shown
          expect(values).toEqual(recount(ref))
          // What the stage draws at the same moment.
          expect(shown.ConcurrentExecutions).toBe(selectStage(ref).gauge.busy)
          // The charts stop at the playhead.
          expect(series.every((x) => x.step <= run.cursor.step && x.at <= run.cursor.now)).toBe(true)
        }
      }),
      { numRuns: 60 },
    )
  }, 120_000)

  it('the chart history before the cursor is the run’s own past: each point equals the engine state at its step', () => {
    for (const preset of PRESETS) {
      const store = createSimStore(preset.scenario, { presetId: preset.id })
      const last = lengths.get(preset.id)!
      store.getState().goToStep(Math.floor(last * 0.7))
      const { run } = store.getState()
      const series = seriesAt(run.frontier.samples, run.cursor)
      // Short runs of few events are sampled at every step (frontier.sampleStride), so no change is
      // missing from their charts.
      if (last <= 200 && run.cursor.events.length <= 64)
        expect(series.map((x) => x.step)).toEqual(Array.from({ length: run.cursor.step + 1 }, (_, i) => i))
      let s = createSim(preset.scenario)
      for (const point of series.filter((_, i) => i % Math.ceil(series.length / 20) === 0)) {
        s = advance(s, { steps: point.step - s.step, collect: false }).state
        expect(point).toEqual(sampleOf(s))
      }
    }
  }, 120_000)

  it('sync-basics: from step 1 on the panel counts what the stage shows (the issue: it read 0 while 4 ran)', () => {
    const preset = PRESETS.find((p) => p.id === 'sync-basics')!
    const store = createSimStore(preset.scenario, { presetId: preset.id })
    let sawBusy = false
    for (let i = 0; i < lengths.get(preset.id)!; i++) {
      store.getState().stepForward()
      const { run } = store.getState()
      const shown = seriesAt(run.frontier.samples, run.cursor).at(-1)!
      expect(shown.ConcurrentExecutions).toBe(run.stage.gauge.busy)
      if (run.stage.gauge.busy > 0) {
        sawBusy = true
        expect(shown.Invocations).toBeGreaterThanOrEqual(run.stage.gauge.busy)
      }
    }
    expect(sawBusy).toBe(true)
  })
})
