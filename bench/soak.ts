import { createSim, runToEnd } from '../src/engine'
import { parseScenario } from '../src/engine/scenario/parse'
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
export function soakEngine(): EngineSoakFigures {
  const c = ENGINE_CASES[0]!
  const parsed = parseScenario({ version: 1, seed: 1, ...c.raw })
  if (!parsed.ok) throw new Error('soak scenario is invalid')
  gc?.()
  const before = process.memoryUsage().heapUsed
  const start = performance.now()
  const state = runToEnd(createSim(parsed.scenario)).state
  const seconds = (performance.now() - start) / 1000
  gc?.()
  const after = process.memoryUsage().heapUsed
  const events = state.events.length
  return {
    name: c.name,
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
