import type { Figure } from './goals'
import { loadavg } from 'node:os'
import { parseScenario } from '../src/engine'
import { createSimStore } from '../src/store/createSimStore'
import { estimateBytes, fineBytes } from '../src/store/history'
import { quantile } from './stepback'

/**
 * Issue 20 item 4, "100,000 events interactive": the app's largest run (INTERACTIVE_MAX_EVENTS),
 * moved through the store as the buttons and the timeline move it, at step 100,000 and at the
 * run's last step (all 100,000 events arrived). Each figure is printed beside its goal as a ratio:
 * a step forward or back under 16 ms (one frame), a scrub (a jump to any step or time) under 50 ms.
 */
export const BIG_SCENARIO = {
  version: 1,
  seed: 7,
  model: 'sync',
  function: { durationMs: { min: 80, max: 400 }, errorRate: 0.02 },
  workload: [{ atMs: 0, count: 100000, everyMs: 20 }],
}
export const BIG_NAME = 'sync, 100,000 requests 20 ms apart, 80-400 ms handler, 2% errors'

export const STEP_GOAL_MS = 16
export const SCRUB_GOAL_MS = 50

export interface BigRow {
  readonly what: string
  readonly at: string
  readonly medianMs: number
  readonly p95Ms: number
  /** Median CPU time of the process (user + system) per call: less inflated than wall time on a busy machine. */
  readonly cpuMs: number
  readonly goalMs: number
}

export interface BigFigures {
  readonly rows: readonly BigRow[]
  readonly computeMs: number
  readonly lastStep: number
  readonly heapMb: number | null
  readonly checkpoints: number
  readonly checkpointMb: number
  readonly fineEntries: number
  readonly fineMb: number
}

function heapMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) return null
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

/** Deterministic positions in [0, 1) (no Math.random: the figures repeat run to run). */
function* positions(seed: number): Generator<number> {
  let x = seed
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648
    yield x / 2147483648
  }
}

export function measureBig(calls = 30): BigFigures {
  const parsed = parseScenario(BIG_SCENARIO)
  if (!parsed.ok) throw new Error('the 100,000-event scenario is invalid')
  const before = heapMb()
  const store = createSimStore(parsed.scenario)
  const t0 = performance.now()
  store.getState().goToStep(100000)
  const computeMs = performance.now() - t0
  const rows: BigRow[] = []
  const timed = (what: string, at: string, goalMs: number, f: (i: number) => void): void => {
    const xs: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < calls; i++) {
      const c = process.cpuUsage()
      const t = performance.now()
      f(i)
      xs.push(performance.now() - t)
      const u = process.cpuUsage(c)
      cpu.push((u.user + u.system) / 1000)
    }
    xs.sort((a, b) => a - b)
    cpu.sort((a, b) => a - b)
    rows.push({ what, at, medianMs: quantile(xs, 0.5), p95Ms: quantile(xs, 0.95), cpuMs: quantile(cpu, 0.5), goalMs })
  }
  // Beats are measured at step 100,000 only: near the end of this run the repeating beats fold into
  // one (folds.ts), so a beat forward jumps to the last step.
  const at = (step: number, label: string, beats: boolean): void => {
    store.getState().goToStep(step)
    if (beats) {
      timed('step forward (one beat)', label, STEP_GOAL_MS, () => store.getState().stepForward())
      timed('step back (one beat)', label, STEP_GOAL_MS, () => store.getState().stepBack())
      store.getState().goToStep(step)
    }
    timed('step back (one occurrence, Shift+←)', label, STEP_GOAL_MS, () => store.getState().fineBack())
    timed('step forward (one occurrence, Shift+→)', label, STEP_GOAL_MS, () => store.getState().fineForward())
  }
  at(100000, 'step 100,000', true)
  // The whole run: the timeline knows its end, so a scrub can land anywhere on it.
  store.getState().goToStep(Number.MAX_SAFE_INTEGER)
  const lastStep = store.getState().run.cursor.step
  const horizon = store.getState().run.frontier.head.now
  at(lastStep - 2000, 'near the last step (100,000 events)', false)
  const p = positions(20)
  store.getState().goToStep(100000)
  timed('scrub: jump to a step', 'from step 100,000, anywhere', SCRUB_GOAL_MS, () =>
    store.getState().goToStep(Math.floor(p.next().value * lastStep)),
  )
  timed('scrub: drag to a time', 'anywhere on the timeline', SCRUB_GOAL_MS, () =>
    store.getState().seek(Math.floor(p.next().value * horizon)),
  )
  store.getState().goToStep(100000)
  const after = heapMb()
  const { history } = store.getState().run
  return {
    rows,
    computeMs,
    lastStep,
    heapMb: before === null || after === null ? null : after - before,
    checkpoints: history.checkpoints.length,
    checkpointMb: history.checkpoints.reduce((n, s) => n + estimateBytes(s), 0) / 2 ** 20,
    fineEntries: history.fine.entries.length,
    fineMb: fineBytes(history.fine) / 2 ** 20,
  }
}

/** The other models, the same workload: every model's per-event state is paged (src/engine/paged.ts). */
export const OTHER_MODELS = ['async', 'sqs', 'kinesis'] as const

export interface ModelRow {
  readonly model: string
  readonly events: number
  readonly backMs: number
  readonly forwardMs: number
}

/** A step back and forward (one occurrence) at step 100,000 of BIG_SCENARIO's workload run by another model. */
export function measureModels(calls = 15): ModelRow[] {
  return OTHER_MODELS.map((model) => {
    const parsed = parseScenario({ ...BIG_SCENARIO, model })
    if (!parsed.ok) throw new Error(`the 100,000-event ${model} scenario is invalid`)
    const store = createSimStore(parsed.scenario)
    store.getState().goToStep(100000)
    // The previous store (the sync run, then each model's) is garbage the moves should not pay for.
    heapMb()
    const median = (f: () => void): number => {
      const xs: number[] = []
      for (let i = 0; i < calls; i++) {
        const t = performance.now()
        f()
        xs.push(performance.now() - t)
      }
      return quantile(
        xs.sort((a, b) => a - b),
        0.5,
      )
    }
    const backMs = median(() => store.getState().fineBack())
    const forwardMs = median(() => store.getState().fineForward())
    return { model, events: store.getState().run.cursor.events.length, backMs, forwardMs }
  })
}

/** `npm run bench -- big`: the table and each figure's ratio to its goal; each row joins `into`, the run's goal table. */
export function printBig(into: Figure[] = []): void {
  const f = measureBig()
  for (const r of f.rows)
    into.push({
      id: `big:${r.what}:${r.at}`,
      label: `${r.what}, ${r.at.includes('100,000 events') ? r.at : `${r.at} of 100,000 events`}, median`,
      value: r.medianMs,
      unit: 'ms',
      goal: r.goalMs,
      better: 'lower',
      reference: `CPU ${r.cpuMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`,
    })
  const ms = (n: number) => n.toFixed(1)
  console.log('\n## 100,000 events interactive (store, Node; issue 20 item 4)\n')
  console.log(
    `Scenario: ${BIG_NAME}; ${f.lastStep.toLocaleString('en-US')} steps. goToStep(100,000) from a new store (computing the run that far): ${ms(f.computeMs)} ms.\n`,
  )
  console.log('| action | at | median ms | p95 ms | CPU ms (median) | goal ms | median / goal |')
  console.log('|---|---|---:|---:|---:|---:|---:|')
  for (const r of f.rows)
    console.log(
      `| ${r.what} | ${r.at} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${ms(r.cpuMs)} | ${r.goalMs} | ${(r.medianMs / r.goalMs).toFixed(2)}× ${r.medianMs <= r.goalMs ? '(met)' : '(not met)'} |`,
    )
  console.log(
    `\nLoad average while measuring: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} (2 cores: above 2, wall times are inflated).`,
  )
  console.log(
    `\nHeap the store retains at step 100,000 of the whole run, after a full GC: ${f.heapMb === null ? 'run with --expose-gc' : `${ms(f.heapMb)} MB`}; whole checkpoints: ${f.checkpoints} (estimate ${ms(f.checkpointMb)} MB), fine checkpoints: ${f.fineEntries.toLocaleString('en-US')} (differences, ${ms(f.fineMb)} MB).`,
  )
  const models = measureModels()
  console.log('\nThe same workload in the other models, at step 100,000 (one occurrence back, then forward):\n')
  console.log('| model | events arrived | step back median ms | step forward median ms | goal ms |')
  console.log('|---|---:|---:|---:|---:|')
  for (const m of models) {
    console.log(
      `| ${m.model} | ${m.events.toLocaleString('en-US')} | ${ms(m.backMs)} | ${ms(m.forwardMs)} | ${STEP_GOAL_MS} |`,
    )
    into.push({
      id: `big:${m.model}:step back:step 100,000`,
      label: `${m.model}: step back (one occurrence), step 100,000 of 100,000 events, median`,
      value: m.backMs,
      unit: 'ms',
      goal: STEP_GOAL_MS,
      better: 'lower',
      reference: `${m.events.toLocaleString('en-US')} events arrived`,
    })
  }
  console.log('\nFrame rate at 5,000 events/s: `npm run bench -- fps` (its last row, against 60 fps).')
}
