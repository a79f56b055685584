import { createSim, parseScenario, runToEnd } from '../src/engine'
import { createSimStore } from '../src/store/createSimStore'
import { estimateBytes } from '../src/store/history'
import { ENGINE_CASES } from './engine'

export interface EngineSoakFigures {
  readonly name: string
  readonly events: number
  readonly occurrences: number
  readonly seconds: number
  readonly heapBeforeMb: number
  readonly heapAfterMb: number
  readonly bytesPerEvent: number
  readonly rssAfterMb: number
  readonly gc: boolean
}

const gc = (globalThis as { gc?: () => void }).gc

/**
 * The engine over 1,000,000 events (the first engine case: sync, 1,000 req/s for 1,000 s), heap
 * measured after a full GC before and after, with the final state still referenced: what a run of
 * that size keeps. `npm run bench` runs with --expose-gc; without it the figures include garbage.
 */
export function soakEngine(keepEvents = true): EngineSoakFigures {
  const c = ENGINE_CASES[0]
  if (!c) throw new Error('no engine bench case')
  const parsed = parseScenario({ version: 1, seed: 1, ...c.raw })
  if (!parsed.ok) throw new Error('soak scenario is invalid')
  gc?.()
  const before = process.memoryUsage().heapUsed
  const start = performance.now()
  const state = runToEnd(createSim(parsed.scenario, { keepEvents })).state
  const seconds = (performance.now() - start) / 1000
  gc?.()
  const after = process.memoryUsage().heapUsed
  const events = state.events.length
  return {
    name: keepEvents ? c.name : `${c.name}, metrics only (finished requests released)`,
    events,
    occurrences: state.step,
    seconds,
    heapBeforeMb: before / 2 ** 20,
    heapAfterMb: after / 2 ** 20,
    bytesPerEvent: (after - before) / events,
    rssAfterMb: process.memoryUsage().rss / 2 ** 20,
    gc: gc !== undefined,
  }
}

export interface StoreSoakFigures {
  readonly events: number
  readonly rows: readonly {
    readonly step: number
    readonly events: number
    readonly checkpoints: number
    readonly every: number
    readonly checkpointMb: number
    readonly heapMb: number
  }[]
  readonly engineOnlyMb: number
}

/**
 * The same 1,000,000-event run through the visualizer's store (`createSimStore`), as the app keeps
 * it: checkpoints plus replay within CHECKPOINT_BUDGET_BYTES, the capped transition log, thinned
 * markers and samples. The heap after a full GC at each point, against the engine-only run's final
 * state: the history adds a bounded amount on top of the run's own event records.
 */
export function soakStore(engineOnlyMb: number, chunk = 250000): StoreSoakFigures {
  const c = ENGINE_CASES[0]
  if (!c) throw new Error('no engine bench case')
  const parsed = parseScenario({ version: 1, seed: 1, ...c.raw })
  if (!parsed.ok) throw new Error('soak scenario is invalid')
  gc?.()
  const before = process.memoryUsage().heapUsed
  const store = createSimStore(parsed.scenario)
  const rows: StoreSoakFigures['rows'][number][] = []
  for (;;) {
    const st = store.getState()
    st.goToStep(st.run.cursor.step + chunk)
    const run = store.getState().run
    gc?.()
    const bytes = run.history.checkpoints.reduce((sum, s) => sum + estimateBytes(s), 0)
    rows.push({
      step: run.cursor.step,
      events: run.cursor.events.length,
      checkpoints: run.history.checkpoints.length,
      every: run.history.every,
      checkpointMb: bytes / 2 ** 20,
      heapMb: (process.memoryUsage().heapUsed - before) / 2 ** 20,
    })
    if (run.frontier.finished && run.cursor.step === run.frontier.head.step) break
  }
  return { events: rows.at(-1)?.events ?? 0, rows, engineOnlyMb }
}
