import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Every figure `npm run bench` has a goal for (issue 20), collected while the groups run and
 * printed together at the end: the figure, its goal, the figure as a ratio of the goal, the
 * reference measured in the same run, and the previous recorded figure with the change as a ratio.
 * The machine is shared, so a figure that is itself a ratio to a reference from the same run (the
 * bare loop, the one-SVG page) is the one to compare between runs; absolute milliseconds are shown
 * beside their reference for that reason.
 */
export interface Figure {
  /** Stable key in bench/previous.json. */
  readonly id: string
  readonly label: string
  readonly value: number
  readonly unit: '×' | 'ms' | 'KB' | 'MB' | 'fps'
  readonly goal: number
  /** 'lower': met when value <= goal (time, bytes, ratios); 'higher': met when value >= goal (fps). */
  readonly better: 'lower' | 'higher'
  /** What the figure is measured against in this run, in words with its numbers. */
  readonly reference: string
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const PREVIOUS_FIGURES = join(root, 'bench', 'previous-figures.json')

export interface PreviousFigures {
  readonly recorded: string
  readonly machine: string
  readonly figures: Readonly<Record<string, number>>
}

export function met(f: Figure): boolean {
  return f.better === 'lower' ? f.value <= f.goal : f.value >= f.goal
}

function show(n: number, unit: Figure['unit']): string {
  if (unit === '×') return `${n.toFixed(2)}×`
  if (unit === 'KB') return `${n.toFixed(1)} KB`
  if (unit === 'MB' || unit === 'fps') return `${n.toFixed(unit === 'fps' ? 1 : 0)} ${unit}`
  return `${n.toFixed(1)} ms`
}

export function readPreviousFigures(): PreviousFigures | null {
  if (!existsSync(PREVIOUS_FIGURES)) return null
  return JSON.parse(readFileSync(PREVIOUS_FIGURES, 'utf8')) as PreviousFigures
}

/** The summary table, as markdown lines (pure: tested in goals.test.ts). */
export function goalTable(figures: readonly Figure[], previous: PreviousFigures | null): string[] {
  const lines = [
    '| figure | this run | goal | of the goal | reference (this run) | previous | change |',
    '|---|---:|---:|---:|---|---:|---:|',
  ]
  for (const f of figures) {
    const was = previous?.figures[f.id]
    const ofGoal = f.value / f.goal
    lines.push(
      `| ${f.label} | **${show(f.value, f.unit)}** (${met(f) ? 'met' : 'NOT met'}) | ${f.better === 'lower' ? '≤' : '≥'} ${show(f.goal, f.unit)} | ${ofGoal.toFixed(2)}× | ${f.reference} | ${was === undefined ? '(none)' : show(was, f.unit)} | ${was === undefined || was === 0 ? '' : `${(f.value / was).toFixed(2)}×`} |`,
    )
  }
  return lines
}

/** Merges this run's figures into bench/previous-figures.json (figures not measured keep theirs). */
export function recordFigures(figures: readonly Figure[], machine: string, date: string): void {
  const old = readPreviousFigures()
  const merged: Record<string, number> = { ...(old?.figures ?? {}) }
  for (const f of figures) merged[f.id] = Number(f.value.toFixed(3))
  const next: PreviousFigures = { recorded: date, machine, figures: merged }
  writeFileSync(PREVIOUS_FIGURES, `${JSON.stringify(next, null, 2)}\n`)
}
