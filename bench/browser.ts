/**
 * Browser benchmarks in headless Chromium against a production build served by `vite preview`:
 * time to first render (`ttfr`) and a long play with the JS heap sampled (`soak`). Builds into a
 * temporary folder so a `dist/` being served is left alone.
 */
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { quantile } from './stepback'

const PORT = 4191
export const BASE = `http://localhost:${PORT}`

export interface Served {
  readonly browser: Browser
  close(): Promise<void>
}

/** The reference for the stage's paint: a page holding one SVG and nothing else (issue 20, item 2). */
export const FLOOR_PAGE = 'floor.html'
const FLOOR_HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>floor</title></head>
<body><svg data-testid="stage" width="800" height="400" viewBox="0 0 800 400"><rect x="10" y="10" width="200" height="120" fill="#eef"/></svg></body></html>
`

/** Builds the app, serves it, launches Chromium (system one when present, as the e2e tests do). */
export async function serveAndLaunch(): Promise<Served> {
  const out = mkdtempSync(join(tmpdir(), 'lem-bench-'))
  // LEM_NOMINIFY=1 keeps names readable in CPU profiles of the page.
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--logLevel',
      'error',
      '--outDir',
      out,
      ...(process.env.LEM_NOMINIFY ? ['--minify', 'false'] : []),
    ],
    { stdio: 'inherit' },
  )
  writeFileSync(join(out, FLOOR_PAGE), FLOOR_HTML)
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--outDir', out, '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore', detached: true },
  )
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(BASE)).ok) break
    } catch {
      if (i > 100) throw new Error('vite preview did not start')
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p))
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--enable-precise-memory-info',
    ],
  })
  return {
    browser,
    async close() {
      await browser.close()
      if (server.pid) process.kill(-server.pid)
      rmSync(out, { recursive: true, force: true })
    },
  }
}

export interface TtfrFigures {
  readonly coldMs: readonly number[]
  readonly warmMs: readonly number[]
  readonly coldMedianMs: number
  readonly warmMedianMs: number
  readonly fcpMedianMs: number
}

/**
 * Navigation start → `[data-testid=stage]` in the page with a size, from the page's own clock. A
 * string, not a function: tsx would wrap named inner functions in a helper the page does not have.
 * The rAF loop covers a stage that gets its size when the stylesheet applies, with no mutation then.
 */
const WATCH_STAGE = `(() => {
  const check = () => {
    if (window.__ttfr !== undefined) return
    const el = document.querySelector('[data-testid="stage"]')
    if (el && el.getBoundingClientRect().height > 0) window.__ttfr = performance.now()
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true })
  const frame = () => { check(); if (window.__ttfr === undefined) requestAnimationFrame(frame) }
  requestAnimationFrame(frame)
})()`

/** `runs` loads in fresh contexts (cold cache), then `runs` reloads in one context (warm cache). */
export async function measureTtfr(browser: Browser, runs = 5, path = '/'): Promise<TtfrFigures> {
  const coldMs: number[] = []
  const fcp: number[] = []
  const load = async (page: Page) => {
    await page.goto(`${BASE}${path}`)
    await page.locator('[data-testid="stage"]').waitFor({ state: 'visible' })
    // Polled with evaluate: waitForFunction compiles its predicate in the page, which the CSP forbids.
    let t: number | undefined
    for (let i = 0; i < 100 && t === undefined; i++) {
      t = await page.evaluate(() => (window as unknown as { __ttfr?: number }).__ttfr)
      if (t === undefined) await page.waitForTimeout(50)
    }
    if (t === undefined) throw new Error('the stage never got a size')
    const p = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    )
    return { t, p }
  }
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await ctx.addInitScript({ content: WATCH_STAGE })
    const r = await load(await ctx.newPage())
    coldMs.push(r.t)
    fcp.push(r.p)
    await ctx.close()
  }
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await ctx.addInitScript({ content: WATCH_STAGE })
  const page = await ctx.newPage()
  await load(page)
  const warmMs: number[] = []
  for (let i = 0; i < runs; i++) warmMs.push((await load(page)).t)
  await ctx.close()
  const median = (xs: readonly number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    )
  return { coldMs, warmMs, coldMedianMs: median(coldMs), warmMedianMs: median(warmMs), fcpMedianMs: median(fcp) }
}

export interface HeapSample {
  readonly minute: number
  readonly step: number
  /** How many times the run had been started (the first play is 1). */
  readonly loop: number
  readonly heapMb: number
  readonly heapAfterGcMb: number
}

export interface SoakFigures {
  readonly scenario: string
  readonly speed: number
  readonly samples: readonly HeapSample[]
  readonly loops: number
  readonly slopeMbPerMin: number
  readonly slopeAfterGcMbPerMin: number
  /** Slope of the heap after GC from the end of the first loop on (the run's own data is in by then). */
  readonly settledSlopeAfterGcMbPerMin: number
  /** Highest heap after GC in the first loop and in the last one. */
  readonly firstLoopPeakMb: number
  readonly lastLoopPeakMb: number
}

/**
 * A steady sync run at the interactive limit: 10,000 requests 60 ms apart (10 virtual minutes;
 * one minute of play at 10×), 1-3 s handler, 1% errors. The soak plays it again each time it ends,
 * as a looping demo in front of a class would, so ten minutes of play are ten whole runs.
 */
export const SOAK_SCENARIO = {
  version: 1,
  seed: 11,
  title: 'Soak',
  model: 'sync',
  function: { durationMs: { min: 1000, max: 3000 }, errorRate: 0.01 },
  workload: [{ atMs: 0, count: 10000, everyMs: 60 }],
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    const x = (xs[i] ?? mx) - mx
    num += x * ((ys[i] ?? my) - my)
    den += x ** 2
  }
  return den === 0 ? 0 : num / den
}

/**
 * Plays SOAK_SCENARIO at `speed`× for `minutes`, pressing Play again whenever the run ends (Play
 * at the end starts over), and samples the JS heap every `everySeconds` (CDP), before and after a
 * forced GC.
 */
export async function soakBrowser(
  browser: Browser,
  minutes = 10,
  everySeconds = 30,
  speed = 10,
  log: (s: HeapSample) => void = () => {},
): Promise<SoakFigures> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await ctx.newPage()
  const cdp = await ctx.newCDPSession(page)
  await cdp.send('Performance.enable')
  const s = Buffer.from(JSON.stringify(SOAK_SCENARIO)).toString('base64url')
  await page.goto(`${BASE}/?s=${s}`)
  await page.locator('[data-testid="stage"]').waitFor({ state: 'visible' })
  // Simulated-time speeds are `t<speed>` (the `b<ms>` options pace by beats).
  await page.locator('.lem-speed select:visible').first().selectOption(`t${speed}`)
  // A finished run offers Replay, which starts it over.
  const play = page.getByRole('button', { name: /^(Play|Replay)$/ })
  let loop = 0
  const samples: HeapSample[] = []
  const start = Date.now()
  const heap = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
  const sample = async () => {
    const before = await heap()
    await cdp.send('HeapProfiler.collectGarbage')
    const after = await heap()
    const step = Number(await page.locator('[data-testid="stage"]').getAttribute('data-step'))
    const x: HeapSample = {
      minute: (Date.now() - start) / 60000,
      step,
      loop,
      heapMb: before / 2 ** 20,
      heapAfterGcMb: after / 2 ** 20,
    }
    samples.push(x)
    log(x)
  }
  await sample()
  const end = start + minutes * 60000
  let nextSample = start + everySeconds * 1000
  while (Date.now() < end) {
    if ((await play.count()) > 0) {
      await play.click()
      loop++
    }
    await page.waitForTimeout(Math.max(0, Math.min(1000, end - Date.now())))
    if (Date.now() >= nextSample) {
      await sample()
      nextSample += everySeconds * 1000
    }
  }
  await sample()
  await ctx.close()
  const xs = samples.map((x) => x.minute)
  const settled = samples.filter((x) => x.loop >= 2)
  const peak = (l: number) => Math.max(...samples.filter((x) => x.loop === l).map((x) => x.heapAfterGcMb))
  return {
    scenario: 'sync, 10,000 requests 60 ms apart, 1-3 s handler, 1% errors, played again each time it ends',
    speed,
    samples,
    loops: loop,
    slopeMbPerMin: slope(
      xs,
      samples.map((x) => x.heapMb),
    ),
    slopeAfterGcMbPerMin: slope(
      xs,
      samples.map((x) => x.heapAfterGcMb),
    ),
    settledSlopeAfterGcMbPerMin: slope(
      settled.map((x) => x.minute),
      settled.map((x) => x.heapAfterGcMb),
    ),
    firstLoopPeakMb: peak(1),
    lastLoopPeakMb: peak(loop),
  }
}
