/**
 * Frame rate of the stage while playing, in headless Chromium against the production build
 * (`npm run bench -- fps`). Two custom scenarios opened by share link (?s=...):
 *  - 300 synchronous invocations in flight at once (20 s handlers, concurrency limit high enough);
 *  - 5,000 events per second (SQS, batches of 10; the interactive limit of 10,000 events gives 2 s
 *    of arrivals, played at 0.5x so arrivals last 4 s of the 5 s measured).
 * A requestAnimationFrame counter is injected with page.evaluate and counts frames for 5 s of
 * play; the token elements on screen (data-token-id) and the events in flight are read at the end.
 */
import type { Browser } from '@playwright/test'
import { parseScenario } from '../src/scenarios'
import { encodeShare } from '../src/store/url'

export interface FpsCase {
  readonly name: string
  readonly raw: Record<string, unknown>
  /** Playback speed (the Speed control). */
  readonly speed: number
}

export const FPS_CASES: readonly FpsCase[] = [
  {
    name: '300 sync invocations in flight (20 s handlers)',
    raw: {
      version: 1,
      seed: 3,
      title: 'fps: 300 in flight',
      model: 'sync',
      function: { durationMs: 20000, timeout: 60 },
      workload: [{ atMs: 0, count: 300, everyMs: 2 }],
    },
    speed: 1,
  },
  {
    name: '1,000 sync invocations in flight (20 s handlers)',
    raw: {
      version: 1,
      seed: 4,
      title: 'fps: 1,000 in flight',
      model: 'sync',
      function: { durationMs: 20000, timeout: 60 },
      workload: [{ atMs: 0, count: 1000, everyMs: 1 }],
    },
    speed: 1,
  },
  {
    name: '5,000 events/s into SQS (batch 10, 100-300 ms handlers)',
    raw: {
      version: 1,
      seed: 5,
      title: 'fps: 5,000 events/s',
      model: 'sqs',
      function: { durationMs: { min: 100, max: 300 } },
      sqs: { batchSize: 10 },
      workload: [0, 1, 2, 3, 4].map(() => ({ atMs: 0, count: 2000, everyMs: 1 })),
    },
    speed: 0.5,
  },
]

export interface FpsFigure {
  readonly name: string
  readonly fps: number
  /** 95th percentile frame interval (ms). */
  readonly p95FrameMs: number
  readonly longestFrameMs: number
  /** Token elements drawn one by one (data-token-id) at the end of the window, and the most seen. */
  readonly tokensDrawn: number
  readonly maxTokensDrawn: number
  /** ConcurrentExecutions at the end (events running), from the gauge. */
  readonly inFlight: number
  readonly simSeconds: number
}

export function shareQuery(raw: Record<string, unknown>): string {
  const r = parseScenario(raw)
  if (!r.ok) throw new Error(`bench scenario is invalid: ${JSON.stringify(r.issues)}`)
  return encodeShare({ presetId: null, scenario: r.scenario, commands: [], step: 0 })
}

/**
 * Counts animation frames for `ms` while sampling the number of drawn tokens every 250 ms. Plain
 * source text: tsx would wrap a compiled function with helpers the page does not have.
 */
const COUNT_FRAMES = `(ms) => new Promise((resolve) => {
  const frames = []
  const tokens = []
  const start = performance.now()
  let lastSample = start
  const tick = (now) => {
    frames.push(now)
    if (now - lastSample >= 250) {
      lastSample = now
      tokens.push(document.querySelectorAll('[data-token-id]').length)
    }
    if (now - start < ms) requestAnimationFrame(tick)
    else resolve({ frames, tokens })
  }
  requestAnimationFrame(tick)
})`

export async function measureFps(browser: Browser, base: string, c: FpsCase, windowMs = 5000): Promise<FpsFigure> {
  // bypassCSP: the built pages forbid eval, which page.evaluate of source text needs.
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, bypassCSP: true })
  try {
    await page.goto(`${base}/${shareQuery(c.raw)}`)
    const stage = page.getByTestId('stage')
    await stage.waitFor({ state: 'visible' })
    // Simulated time at the case's speed (the default pace is one beat every 1.5 s).
    await page.locator('.lem-speed select:visible').first().selectOption(`t${c.speed}`)
    await page.getByRole('button', { name: 'Play' }).click()
    // Let the run get going (tokens arriving) before measuring.
    await page.waitForFunction(
      `Number(document.querySelector('[data-testid="stage"]')?.getAttribute('data-sim-time')) > 300`,
    )
    const t0 = Number(await stage.getAttribute('data-sim-time'))
    const r = (await page.evaluate(`(${COUNT_FRAMES})(${windowMs})`)) as { frames: number[]; tokens: number[] }
    const t1 = Number(await stage.getAttribute('data-sim-time'))
    const gauge = (await page.locator('.lem-gauge').getAttribute('aria-label')) ?? ''
    const gaps = r.frames
      .slice(1)
      .map((t, i) => t - (r.frames[i] ?? t))
      .sort((a, b) => a - b)
    const span = (r.frames.at(-1) ?? 0) - (r.frames[0] ?? 0)
    return {
      name: c.name,
      fps: ((r.frames.length - 1) * 1000) / span,
      p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
      longestFrameMs: gaps[gaps.length - 1] ?? 0,
      tokensDrawn: r.tokens[r.tokens.length - 1] ?? 0,
      maxTokensDrawn: Math.max(0, ...r.tokens),
      inFlight: Number(/Concurrency (\d+)/.exec(gauge)?.[1] ?? 0),
      simSeconds: (t1 - t0) / 1000,
    }
  } finally {
    await page.close()
  }
}
