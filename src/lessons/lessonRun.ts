import { advance, buildReport, createSim, parseScenario, runToEnd } from '../engine'
import type { Report, ReportEvent, Scenario, Transition } from '../engine'
import { applyCommands } from '../store/history'
import type { LoggedCommand } from '../store/history'
import { presetById } from '../scenarios'
import type { Check, Lesson, Query, Target } from './format'

/** A finished run of a lesson's scenario: what every answer and check is computed from. */
export interface LessonRun {
  readonly report: Report
  readonly transitions: readonly Transition[]
  readonly lastStep: number
}

/** Plain-object merge: `patch` fields replace the base's, objects merge, arrays are replaced whole. */
export function mergeFields(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? mergeFields(base[k], v) : v
  return out
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The raw scenario a lesson runs: its preset's file with the overrides, or its inline scenario. */
export function lessonRaw(lesson: Lesson): unknown {
  const sc = lesson.scenario
  if ('inline' in sc) return sc.inline
  const preset = presetById(sc.preset)
  if (!preset) return null
  return sc.overrides ? mergeFields(preset.raw, sc.overrides) : preset.raw
}

/** The lesson's validated scenario, or the parser's message. */
export function lessonScenario(lesson: Lesson, patch?: object): { scenario: Scenario } | { problem: string } {
  const raw = lessonRaw(lesson)
  if (raw === null && 'preset' in lesson.scenario) return { problem: `no preset "${lesson.scenario.preset}"` }
  const r = parseScenario(patch ? mergeFields(raw, patch) : raw)
  if (!r.ok) return { problem: r.issues.map((i) => `${i.path}: ${i.message}`).join('; ') }
  return { scenario: r.scenario }
}

/** Runs a scenario to its end with its log, applying logged commands where they were made (as the store does). */
export function runScenario(scenario: Scenario, commands: readonly LoggedCommand[] = []): LessonRun {
  let s = createSim(scenario)
  const log: Transition[] = []
  for (const at of Array.from(new Set(commands.map((c) => c.step))).sort((x, y) => x - y)) {
    if (at > s.step) {
      const r = advance(s, { steps: at - s.step, collect: true })
      s = r.state
      log.push(...r.transitions)
    }
    const r = applyCommands(commands, s, true)
    s = r.state
    log.push(...r.transitions)
  }
  const r = runToEnd(s, true)
  log.push(...r.transitions)
  return { report: buildReport(r.state), transitions: log, lastStep: r.state.step }
}

/** The step a target names, or null when the run never gets there. */
export function targetStep(run: LessonRun, t: Target): number | null {
  if ('start' in t) return 0
  if ('end' in t) return run.lastStep
  let seen = 0
  for (const tr of run.transitions) {
    if (t.fact !== undefined && tr.fact.kind !== t.fact) continue
    if (t.type !== undefined && tr.type !== t.type) continue
    if (t.event !== undefined && !(tr.events ?? []).includes(t.event)) continue
    seen++
    if (seen === (t.nth ?? 1)) return tr.step
  }
  return null
}

function eventOf(run: LessonRun, id: string): ReportEvent | null {
  return run.report.events?.find((e) => e.id === id) ?? null
}

/** A query's value on a run: a number or a word; null when it names nothing in the run. */
export function answerOf(run: LessonRun, q: Query): string | number | null {
  if ('metric' in q) {
    const v = (run.report.metrics as unknown as Record<string, unknown>)[q.metric]
    return typeof v === 'number' ? v : null
  }
  if ('anyWentTo' in q) {
    const to = q.anyWentTo
    return (run.report.events ?? []).some((e) => e.deliveries.some((d) => d.to === to)) ? 'yes' : 'no'
  }
  const id =
    'attempts' in q
      ? q.attempts
      : 'outcome' in q
        ? q.outcome
        : 'wentTo' in q
          ? q.wentTo
          : 'status' in q
            ? q.status
            : 'condition' in q
              ? q.condition
              : 'start' in q
                ? q.start
                : 'batchOf' in q
                  ? q.batchOf
                  : q.attemptAt
  const e = eventOf(run, id)
  if (!e) return null
  if ('attempts' in q) return q.ran ? e.attempts.filter((a) => a.result !== 'throttled').length : e.attempts.length
  if ('outcome' in q) return e.outcome
  if ('wentTo' in q) return e.deliveries.filter((d) => d.to !== 'caller').at(-1)?.to ?? 'nowhere'
  if ('status' in q) {
    const d = e.deliveries.find((x) => x.to === 'caller')
    return d && 'status' in d ? String(d.status) : null
  }
  if ('condition' in q) {
    const d = e.deliveries.find((x) => 'condition' in x && x.condition)
    return d && 'condition' in d ? (d.condition ?? null) : null
  }
  if ('batchOf' in q) {
    const batch = e.attempts[0]?.batch
    if (batch === undefined) return null
    return (run.report.events ?? []).filter((x) => x.attempts.some((a) => a.batch === batch)).length
  }
  const a = e.attempts[q.attempt - 1]
  if (!a) return null
  if ('start' in q) return a.result === 'throttled' ? 'throttled' : a.coldStart ? 'cold' : 'warm'
  const per = q.in === 'h' ? 3600000 : q.in === 'min' ? 60000 : 1000
  return Math.round((a.atMs / per) * 10) / 10
}

/** Whether a task's check holds on a run. */
export function holds(run: LessonRun, c: Check): boolean {
  if ('all' in c) return c.all.every((x) => holds(run, x))
  return answerOf(run, c.query) === c.equals
}
