import { describe, expect, it } from 'vitest'
import { advance, createSim } from '../engine'
import { parseScenario } from '../scenarios'
import { createSimStore } from './createSimStore'
import { CHECKPOINT_BUDGET_BYTES, MAX_LOG, MAX_MARKERS, MAX_SAMPLES } from './frontier'
import { estimateBytes } from './history'
import { captionAt } from './timeline'

function scenario(raw: Record<string, unknown>) {
  const r = parseScenario({ version: 1, ...raw })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scenario
}

/** Every transition of a run, one engine call per step (the reference for exact step tags). */
function reference(sc: ReturnType<typeof scenario>, steps: number) {
  let s = createSim(sc)
  const out = []
  for (let i = 0; i < steps; i++) {
    const r = advance(s, { steps: 1, collect: true })
    if (r.state.step === s.step) break
    out.push(...r.transitions)
    s = r.state
  }
  return out
}

describe('the store on long runs', () => {
  it('tags every logged transition with its exact step, whatever the chunk size, and marks by delivery target', () => {
    const sc = scenario({
      model: 'async',
      function: { durationMs: 50, errorRate: 0.2 },
      async: { maximumRetryAttempts: 0, onFailure: 'sqs' },
      workload: [{ count: 600, everyMs: 2 }],
    })
    const store = createSimStore(sc)
    store.getState().goToStep(1500)
    const log = store.getState().run.frontier.log
    const ref = reference(sc, 1500)
    expect(log.slice(0, ref.length).map((t) => [t.step, t.type, t.text])).toEqual(
      ref.map((t) => [t.step, t.type, t.text]),
    )
    const markers = store.getState().run.frontier.markers
    const failures = ref.filter((t) => t.to === 'onFailure')
    expect(failures.length).toBeGreaterThan(0)
    for (const t of failures) expect(markers.some((m) => m.kind === 'dlq' && m.step === t.step)).toBe(true)
  }, 120_000)

  it('a 200,000-event run keeps the log, markers, samples and checkpoints under their caps', () => {
    const sc = scenario({
      model: 'sync',
      function: { durationMs: { min: 5, max: 40 }, errorRate: 0.05 },
      workload: [
        { atMs: 0, count: 100000, everyMs: 1 },
        { atMs: 100000, count: 100000, everyMs: 1 },
      ],
    })
    const store = createSimStore(sc)
    for (
      let i = 0;
      i < 100 &&
      !(
        store.getState().run.frontier.finished &&
        store.getState().run.cursor.step === store.getState().run.frontier.head.step
      );
      i++
    ) {
      store.getState().goToStep(store.getState().run.cursor.step + 100000)
      const { run } = store.getState()
      expect(run.frontier.log.length).toBeLessThanOrEqual(MAX_LOG)
      expect(run.frontier.samples.length).toBeLessThanOrEqual(MAX_SAMPLES)
      expect(run.frontier.markers.length).toBeLessThanOrEqual(MAX_MARKERS)
      const bytes = run.history.checkpoints.reduce((sum, c) => sum + estimateBytes(c), 0)
      expect(run.history.checkpoints.length <= 2 || bytes <= CHECKPOINT_BUDGET_BYTES).toBe(true)
    }
    const { run } = store.getState()
    expect(run.cursor.events.length).toBe(200000)
    expect(run.frontier.finished).toBe(true)
    expect(run.frontier.dropped).toBeGreaterThan(0)
    expect(run.frontier.logFrom).toBeGreaterThan(0)
    // Markers still cover the start of the run, and a dropped step's caption is recomputed exactly.
    expect(run.frontier.markers[0]!.step).toBeLessThan(run.frontier.logFrom)
    const early = reference(sc, 40).filter((t) => t.step === 30)
    expect(captionAt(run, 30).map((t) => t.text)).toEqual(early.map((t) => t.text))
  }, 300_000)
})
