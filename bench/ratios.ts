import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseScenarioText } from '../src/engine'
import { simReport } from '../src/cli/simReport'
import { bareSyncLoop, type BareFigures } from './bare'
import { ENGINE_CASES } from './engine'

/**
 * Issue 20's figures, as ratios from one run (the machine is shared, so only ratios within a run
 * compare): the CLI's work for 1,000,000 synchronous requests (`npm run sim` after start-up:
 * parse, run, write the report to /dev/null) against the bare loop over the same work (bare.ts),
 * metrics-only and full; each measured `rounds` times interleaved (CPU time), medians taken. And the peak
 * memory (max RSS) of `npm run sim` writing the full million-event report, in its own process.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const PREVIOUS = join(root, 'bench', 'previous.json')

export const GOALS = { engineVsBare: 5, fullVsMetricsOnly: 2, fullReportPeakMb: 1024 } as const

export interface RatioFigures {
  readonly bareS: number
  readonly metricsOnlyS: number
  readonly fullS: number
  readonly engineVsBare: number
  readonly fullVsMetricsOnly: number
  readonly fullReportPeakMb: number
  readonly rounds: readonly { readonly bareS: number; readonly metricsOnlyS: number; readonly fullS: number }[]
  readonly loadBefore: readonly number[]
  readonly loadAfter: readonly number[]
}

export interface Previous {
  readonly recorded: string
  readonly machine: string
  readonly note: string
  readonly engineVsBare: number
  readonly fullVsMetricsOnly: number
  readonly fullReportPeakMb: number
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1] ?? Number.NaN
}

/**
 * CPU seconds of this process (user + system) spent in `fn`: on a machine shared with other work,
 * wall time mostly measures the neighbours (the same run took 8-35 s at a load average of 17).
 * It counts the collector's helper threads too, which is the engine's cost as well.
 */
function timed(fn: () => void): number {
  // The garbage of the previous measurement (a full report's state: 0.5-2 GB) is not this one's.
  ;(globalThis as { gc?: () => void }).gc?.()
  const start = process.cpuUsage()
  fn()
  const d = process.cpuUsage(start)
  return (d.user + d.system) / 1e6
}

/** The million-request case, as the text `npm run sim` would read. */
export function millionText(): string {
  const c = ENGINE_CASES[0]
  if (!c) throw new Error('no engine bench case')
  return JSON.stringify({ version: 1, seed: 1, ...c.raw })
}

export function measureRatios(rounds = 3): RatioFigures {
  const text = millionText()
  const parsed = parseScenarioText(text)
  if (!parsed.ok) throw new Error('the million-request scenario is invalid')
  const sc = parsed.scenario
  const devNull = openSync('/dev/null', 'w')
  const cli = (metricsOnly: boolean) => () => {
    const p = parseScenarioText(text)
    if (!p.ok) throw new Error('invalid')
    simReport(p.scenario, { metricsOnly, trace: false }, devNull)
  }
  const loadBefore = loadavg()
  const runs: { bareS: number; metricsOnlyS: number; fullS: number }[] = []
  let bare: BareFigures | null = null
  try {
    for (let i = 0; i < rounds; i++) {
      const bareS = timed(() => {
        bare = bareSyncLoop(sc)
      })
      runs.push({ bareS, metricsOnlyS: timed(cli(true)), fullS: timed(cli(false)) })
    }
  } finally {
    closeSync(devNull)
  }
  if (!bare) throw new Error('the bare loop did not run')
  checkSameWork(bare, text)
  const bareS = median(runs.map((r) => r.bareS))
  const metricsOnlyS = median(runs.map((r) => r.metricsOnlyS))
  const fullS = median(runs.map((r) => r.fullS))
  return {
    bareS,
    metricsOnlyS,
    fullS,
    engineVsBare: median(runs.map((r) => r.metricsOnlyS / r.bareS)),
    fullVsMetricsOnly: median(runs.map((r) => r.fullS / r.metricsOnlyS)),
    fullReportPeakMb: peakRssMb(text),
    rounds: runs,
    loadBefore,
    loadAfter: loadavg(),
  }
}

/** The bare loop must have done the engine's work: the same metrics and occurrence count. */
function checkSameWork(bare: BareFigures, text: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'lem-bench-'))
  const file = join(dir, 'million.json')
  writeFileSync(file, text)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/sim.ts'), file, '--metrics-only'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  })
  if (r.status !== 0) throw new Error(`npm run sim failed: ${r.stderr}`)
  const m = (JSON.parse(r.stdout) as { metrics: Record<string, number> }).metrics
  for (const k of ['Invocations', 'Errors', 'ColdStarts', 'MaxConcurrentExecutions', 'DurationP50Ms', 'DurationP99Ms'])
    if (m[k] !== bare[k as keyof BareFigures])
      throw new Error(`the bare loop did other work than the engine: ${k} ${bare[k as keyof BareFigures]} vs ${m[k]}`)
}

/** Max RSS of `npm run sim` writing the full report of `text` to /dev/null, in MB (its own process). */
function peakRssMb(text: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'lem-bench-'))
  const file = join(dir, 'million.json')
  writeFileSync(file, text)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/peak.ts'), file], {
    cwd: root,
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`bench/peak.ts failed: ${r.stderr}`)
  return Number(r.stdout.trim()) / 1024
}

export function readPrevious(): Previous | null {
  return existsSync(PREVIOUS) ? (JSON.parse(readFileSync(PREVIOUS, 'utf8')) as Previous) : null
}
