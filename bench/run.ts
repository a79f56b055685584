/**
 * `npm run bench`: prints the performance figures recorded in BENCHMARKS.md.
 * `npm run bench -- engine` runs one group only. Compare figures as ratios within one run.
 * `npm run bench -- engine --record` also writes the issue-20 ratios to bench/previous.json, the
 * "previous" column of the next run.
 * Groups: engine (it begins with the ratios group: issue 20's goals), sizes, stepback, big (100,000
 * events), ttfr, fps, and soak (about 11 minutes: only when named;
 * `npm run bench -- soak --minutes=2` for a shorter browser play).
 */
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { printBig } from './big'
import { BASE, FLOOR_PAGE, measureTtfr, serveAndLaunch, soakBrowser } from './browser'
import { FPS_CASES, measureFps } from './fps'
import { ENGINE_CASES, runEngineCase } from './engine'
import { APP_INITIAL_GZIP_BUDGET, ELEMENT_GZIP_BUDGET } from '../scripts/budgetLimits'
import { type Figure, goalTable, readPreviousFigures, recordFigures } from './goals'
import { GOALS, measureRatios, PREVIOUS, readPrevious, type Previous } from './ratios'
import { measureSizes } from './sizes'
import { soakEngine, soakStore } from './soak'
import { measureStepBack } from './stepback'

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
}

const x = (n: number) => `${n.toFixed(2)}×`

/** What this run measured against a goal: printed together at the end (goals.ts). */
const figures: Figure[] = []

/** Issue 20's goals, each figure beside its goal, its reference (from this run) and the previous figure. */
function ratios(): void {
  const f = measureRatios(3)
  const prev = readPrevious()
  const load = (l: readonly number[]) => l.map((v) => v.toFixed(1)).join(' ')
  console.log('\n## Engine against its goals (1,000,000 synchronous requests, `npm run sim` without start-up)\n')
  console.log(
    `Medians of ${f.rounds.length} interleaved rounds in this process; load average ${load(f.loadBefore)} before, ${load(f.loadAfter)} after.\n`,
  )
  const was = (k: keyof Previous & keyof typeof GOALS, unit: (n: number) => string) =>
    prev ? `${unit(prev[k] as number)} (${prev.recorded})` : '(none recorded)'
  const mb = (n: number) => `${fmt(n)} MB`
  const ok = (v: number, goal: number) => (v <= goal ? 'met' : 'NOT met')
  console.log('| figure | this run | goal | reference (this run) | previous |')
  console.log('|---|---:|---:|---|---:|')
  console.log(
    `| metrics only (\`--metrics-only\`) vs the bare loop | **${x(f.engineVsBare)}** (${ok(f.engineVsBare, GOALS.engineVsBare)}) | <= ${GOALS.engineVsBare}× | bare loop ${f.bareS.toFixed(2)} s, metrics only ${f.metricsOnlyS.toFixed(2)} s (CPU) | ${was('engineVsBare', x)} |`,
  )
  console.log(
    `| full report vs metrics only | **${x(f.fullVsMetricsOnly)}** (${ok(f.fullVsMetricsOnly, GOALS.fullVsMetricsOnly)}) | <= ${GOALS.fullVsMetricsOnly}× | metrics only ${f.metricsOnlyS.toFixed(2)} s, full ${f.fullS.toFixed(2)} s (CPU) | ${was('fullVsMetricsOnly', x)} |`,
  )
  console.log(
    `| full report, peak memory (max RSS, own process) | **${mb(f.fullReportPeakMb)}** (${ok(f.fullReportPeakMb, GOALS.fullReportPeakMb)}) | <= ${mb(GOALS.fullReportPeakMb)} | | ${was('fullReportPeakMb', mb)} |`,
  )
  figures.push(
    {
      id: 'engineVsBare',
      label: 'engine, metrics only, vs the bare loop (1M sync requests)',
      value: f.engineVsBare,
      unit: '×',
      goal: GOALS.engineVsBare,
      better: 'lower',
      reference: `bare loop ${f.bareS.toFixed(2)} s CPU`,
    },
    {
      id: 'fullVsMetricsOnly',
      label: 'full report vs metrics only',
      value: f.fullVsMetricsOnly,
      unit: '×',
      goal: GOALS.fullVsMetricsOnly,
      better: 'lower',
      reference: `metrics only ${f.metricsOnlyS.toFixed(2)} s CPU`,
    },
    {
      id: 'fullReportPeakMb',
      label: 'full million-event report, peak memory',
      value: f.fullReportPeakMb,
      unit: 'MB',
      goal: GOALS.fullReportPeakMb,
      better: 'lower',
      reference: 'own process, max RSS',
    },
  )
  console.log(
    `\nRounds (bare / metrics only / full, CPU s): ${f.rounds.map((r) => `${r.bareS.toFixed(2)} / ${r.metricsOnlyS.toFixed(2)} / ${r.fullS.toFixed(2)}`).join('; ')}.`,
  )
  if (process.argv.includes('--record')) {
    const next: Previous = {
      recorded: new Date().toISOString().slice(0, 10),
      machine: machine(),
      note: `medians of ${f.rounds.length} rounds, load average ${load(f.loadBefore)}`,
      engineVsBare: Number(f.engineVsBare.toFixed(2)),
      fullVsMetricsOnly: Number(f.fullVsMetricsOnly.toFixed(2)),
      fullReportPeakMb: Math.round(f.fullReportPeakMb),
    }
    writeFileSync(PREVIOUS, `${JSON.stringify(next, null, 2)}\n`)
    console.log(`(recorded in bench/previous.json)`)
  }
}

function engine(): void {
  ratios()
  console.log('\n## Engine throughput (headless, no transition log)\n')
  console.log('| scenario | events | invocations | occurrences | seconds | occurrences/s | invocations/s |')
  console.log('|---|---:|---:|---:|---:|---:|---:|')
  for (const c of ENGINE_CASES) {
    const f = runEngineCase(c)
    console.log(
      `| ${f.name} | ${fmt(f.events)} | ${fmt(f.invocations)} | ${fmt(f.occurrences)} | ${f.seconds.toFixed(2)} | ${fmt(f.occurrencesPerSecond)} | ${fmt(f.invocationsPerSecond)} |`,
    )
  }
}

function sizes(): void {
  const rows = measureSizes()
  console.log('\n## Bundle sizes (production build, gzip -9)\n')
  console.log('| output | files | bytes | gzip bytes |')
  console.log('|---|---:|---:|---:|')
  for (const r of rows) console.log(`| ${r.name} | ${r.files.length} | ${fmt(r.bytes)} | ${fmt(r.gzipBytes)} |`)
  for (const [id, label, i, goalKb, reference] of [
    ['appFirstLoadKb', 'app first load (JS + CSS, gzip)', 0, APP_INITIAL_GZIP_BUDGET / 1024, 'RaftScope ships 73 KB'],
    ['elementKb', 'custom element (gzip)', 2, ELEMENT_GZIP_BUDGET / 1024, 'the app first load above'],
  ] as const) {
    const r = rows[i]
    if (r) figures.push({ id, label, value: r.gzipBytes / 1024, unit: 'KB', goal: goalKb, better: 'lower', reference })
  }
}

const ms = (n: number) => n.toFixed(1)

function stepback(): void {
  const f = measureStepBack()
  console.log('\n## Step back (store, at step 10,000)\n')
  console.log(
    `Scenario: ${f.scenario}. goToStep(${f.steps.toLocaleString('en-US')}) from a new store: ${ms(f.goToMs)} ms.\n`,
  )
  console.log('| 100 stepBack() calls | median ms | p99 ms | max ms | goToStep(0) ms | goToStep(10,000) again ms |')
  console.log('|---|---:|---:|---:|---:|---:|')
  console.log(
    `| from step ${f.steps.toLocaleString('en-US')} | ${ms(f.medianMs)} | ${ms(f.p99Ms)} | ${ms(f.maxMs)} | ${ms(f.jumpBackMs)} | ${ms(f.jumpForwardMs)} |`,
  )
  figures.push({
    id: 'stepBackP99Ms',
    label: `step back at step ${f.steps.toLocaleString('en-US')}, p99`,
    value: f.p99Ms,
    unit: 'ms',
    goal: 16,
    better: 'lower',
    reference: `median ${ms(f.medianMs)} ms; one frame at 60 fps is 16.7 ms`,
  })
}

/** Issue 20, item 2: the stage painted within 2× a page holding one SVG. */
const PAINT_GOAL = 2

async function ttfr(): Promise<void> {
  const served = await serveAndLaunch()
  try {
    // The floor and the app in one run, alternating nothing else: a busy machine slows both.
    const floor = await measureTtfr(served.browser, 7, `/${FLOOR_PAGE}`)
    const f = await measureTtfr(served.browser, 7)
    console.log('\n## Time to first render (headless Chromium, vite preview on localhost)\n')
    console.log('Navigation start to `[data-testid=stage]` in the page with a size, by the page clock;')
    console.log(`the floor is ${FLOOR_PAGE}, one SVG and nothing else, served the same way.\n`)
    console.log('| page | loads | median ms | each ms | first contentful paint, median ms |')
    console.log('|---|---|---:|---|---:|')
    for (const [name, x] of [
      ['floor (one SVG)', floor],
      ['app', f],
    ] as const) {
      console.log(
        `| ${name} | 7 cold (new context each) | ${ms(x.coldMedianMs)} | ${x.coldMs.map(ms).join(', ')} | ${ms(x.fcpMedianMs)} |`,
      )
      console.log(`| ${name} | 7 warm (reload, cached) | ${ms(x.warmMedianMs)} | ${x.warmMs.map(ms).join(', ')} | |`)
    }
    const ratio = f.coldMedianMs / floor.coldMedianMs
    figures.push({
      id: 'paintVsFloor',
      label: 'stage painted, cold, vs a page holding one SVG',
      value: ratio,
      unit: '×',
      goal: PAINT_GOAL,
      better: 'lower',
      reference: `floor ${ms(floor.coldMedianMs)} ms, app ${ms(f.coldMedianMs)} ms (medians of 7)`,
    })
    console.log(
      `\nStage painted, cold: ${ratio.toFixed(2)}× the floor (goal ≤ ${PAINT_GOAL}×: ${ratio <= PAINT_GOAL ? 'met' : 'not met'}).`,
    )
    // The stage above is in the page with a size; the browser's own first paint of each page, beside it.
    const fcpRatio = f.fcpMedianMs / floor.fcpMedianMs
    console.log(`First contentful paint, cold: ${fcpRatio.toFixed(2)}× the floor's.`)
  } finally {
    await served.close()
  }
}

async function soak(): Promise<void> {
  const e = soakEngine()
  console.log('\n## Soak: engine (1,000,000 events, heap after a full GC)\n')
  if (!e.gc) console.log('(run with --expose-gc for exact figures: `npm run bench -- soak` does)\n')
  console.log(
    '| scenario | events | occurrences | seconds | heap before MB | heap after MB | bytes per event | RSS after MB |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
  const lean = soakEngine(false)
  for (const x of [e, lean])
    console.log(
      `| ${x.name} | ${fmt(x.events)} | ${fmt(x.occurrences)} | ${x.seconds.toFixed(1)} | ${x.heapBeforeMb.toFixed(1)} | ${x.heapAfterMb.toFixed(1)} | ${fmt(x.bytesPerEvent)} | ${x.rssAfterMb.toFixed(0)} |`,
    )
  const st = soakStore(e.heapAfterMb - e.heapBeforeMb)
  console.log('\n## Soak: store (the same run as the app keeps it: checkpoints + replay, capped log)\n')
  console.log('| step | events | checkpoints | interval (steps) | checkpoint estimate MB | heap retained MB |')
  console.log('|---:|---:|---:|---:|---:|---:|')
  for (const r of st.rows)
    console.log(
      `| ${fmt(r.step)} | ${fmt(r.events)} | ${r.checkpoints} | ${fmt(r.every)} | ${r.checkpointMb.toFixed(1)} | ${r.heapMb.toFixed(1)} |`,
    )
  console.log(`\nEngine-only final state: ${st.engineOnlyMb.toFixed(1)} MB; the store holds it plus its history.`)
  const minutes = Number(process.argv.find((a) => a.startsWith('--minutes='))?.slice(10) ?? 10)
  const served = await serveAndLaunch()
  try {
    console.log(`\n## Soak: browser (${minutes} minutes of play, JS heap every 30 s via CDP)\n`)
    console.log('| minute | run (loop) | step | JS heap MB | after GC MB |')
    console.log('|---:|---:|---:|---:|---:|')
    const f = await soakBrowser(served.browser, minutes, 30, 10, (x) =>
      console.log(
        `| ${x.minute.toFixed(1)} | ${x.loop} | ${fmt(x.step)} | ${x.heapMb.toFixed(1)} | ${x.heapAfterGcMb.toFixed(1)} |`,
      ),
    )
    const [first] = f.samples
    const last = f.samples.at(-1)
    if (!first || !last) throw new Error('the soak took no samples')
    console.log(
      `\nScenario: ${f.scenario}, at ${f.speed}×: ${f.loops} runs. Heap ${first.heapMb.toFixed(1)} → ${last.heapMb.toFixed(1)} MB (after GC ${first.heapAfterGcMb.toFixed(1)} → ${last.heapAfterGcMb.toFixed(1)} MB). Peak after GC: first run ${f.firstLoopPeakMb.toFixed(1)} MB, last run ${f.lastLoopPeakMb.toFixed(1)} MB. Slope after GC from the second run on: ${f.settledSlopeAfterGcMbPerMin.toFixed(3)} MB/min (whole soak ${f.slopeAfterGcMbPerMin.toFixed(2)} MB/min).`,
    )
  } finally {
    await served.close()
  }
}

async function fps(): Promise<void> {
  const served = await serveAndLaunch()
  try {
    console.log('\n## Frame rate while playing (headless Chromium, 1280x720, 5 s of play)\n')
    console.log(
      '| scenario | speed | frames/s | p95 frame ms | longest frame ms | tokens drawn (max) | running at the end | sim s in the window |',
    )
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
    for (const c of FPS_CASES) {
      const f = await measureFps(served.browser, BASE, c)
      if (c === FPS_CASES.at(-1))
        figures.push({
          id: 'fps5000PerS',
          label: `frames/s playing ${f.name}`,
          value: f.fps,
          unit: 'fps',
          goal: 60,
          better: 'higher',
          reference: `p95 frame ${ms(f.p95FrameMs)} ms, ${f.maxTokensDrawn} tokens drawn at most`,
        })
      console.log(
        `| ${f.name} | ${c.speed}× | ${f.fps.toFixed(1)} | ${ms(f.p95FrameMs)} | ${ms(f.longestFrameMs)} | ${f.tokensDrawn} (${f.maxTokensDrawn}) | ${f.inFlight} | ${f.simSeconds.toFixed(2)} |`,
      )
    }
  } finally {
    await served.close().catch(() => {})
  }
}

const groups: Record<string, () => void | Promise<void>> = {
  engine,
  ratios,
  sizes,
  stepback,
  big: () => printBig(figures),
  ttfr,
  fps,
  soak,
}
/** Long groups run only when named. */
const ON_REQUEST = new Set(['soak', 'ratios'])
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
console.log(`# Benchmarks: ${new Date().toISOString().slice(0, 10)}, ${machine()}`)
for (const [name, fn] of Object.entries(groups)) {
  if (wanted.length === 0 ? !ON_REQUEST.has(name) : wanted.includes(name)) await fn()
}
if (figures.length > 0) {
  const prev = readPreviousFigures()
  console.log('\n## Against the goals (issue 20), this run\n')
  console.log(`Previous: ${prev ? `${prev.recorded}, ${prev.machine}` : 'none recorded (`--record` writes them)'}.\n`)
  for (const line of goalTable(figures, prev)) console.log(line)
  if (process.argv.includes('--record')) {
    recordFigures(figures, machine(), new Date().toISOString().slice(0, 10))
    console.log('\n(recorded in bench/previous-figures.json)')
  }
}
if (wanted.length === 0) console.log('\n(soak runs only when named: `npm run bench -- soak`, about 11 minutes)')
