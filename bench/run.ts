/**
 * `npm run bench`: prints the performance figures recorded in BENCHMARKS.md.
 * `npm run bench -- engine` runs one group only. Compare figures as ratios within one run.
 * Groups: engine, sizes, stepback, big (100,000 events), ttfr, fps, and soak (about 11 minutes: only when named;
 * `npm run bench -- soak --minutes=2` for a shorter browser play).
 */
import { cpus, totalmem } from 'node:os'
import { printBig } from './big'
import { BASE, FLOOR_PAGE, measureTtfr, serveAndLaunch, soakBrowser } from './browser'
import { FPS_CASES, measureFps } from './fps'
import { ENGINE_CASES, runEngineCase } from './engine'
import { measureSizes } from './sizes'
import { soakEngine, soakStore } from './soak'
import { measureStepBack } from './stepback'

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
}

function engine(): void {
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
    console.log(
      `\nStage painted, cold: ${ratio.toFixed(2)}× the floor (goal ≤ ${PAINT_GOAL}×: ${ratio <= PAINT_GOAL ? 'met' : 'not met'}).`,
    )
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
      console.log(
        `| ${f.name} | ${c.speed}× | ${f.fps.toFixed(1)} | ${ms(f.p95FrameMs)} | ${ms(f.longestFrameMs)} | ${f.tokensDrawn} (${f.maxTokensDrawn}) | ${f.inFlight} | ${f.simSeconds.toFixed(2)} |`,
      )
    }
  } finally {
    await served.close().catch(() => {})
  }
}

const groups: Record<string, () => void | Promise<void>> = { engine, sizes, stepback, big: printBig, ttfr, fps, soak }
/** Long groups run only when named. */
const ON_REQUEST = new Set(['soak'])
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
console.log(`# Benchmarks: ${new Date().toISOString().slice(0, 10)}, ${machine()}`)
for (const [name, fn] of Object.entries(groups)) {
  if (wanted.length === 0 ? !ON_REQUEST.has(name) : wanted.includes(name)) await fn()
}
if (wanted.length === 0) console.log('\n(soak runs only when named: `npm run bench -- soak`, about 11 minutes)')
