import type { Lesson } from './format'
import { LESSON_FORMAT } from './format'
import { answerOf, holds, lessonScenario, runScenario, targetStep } from './lessonRun'

/**
 * Two checks of a lesson (docs/LESSONS.md "Checks"): `shapeProblems` reads the data alone (unknown
 * field, missing answer, bad target); `runProblems` runs it on the engine (targets reached in
 * order, answers computed and among the choices, each task failed by the starting state and solved
 * by its stored solution). Every message names the lesson and the stop.
 */

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const LESSON_KEYS = ['format', 'id', 'title', 'goal', 'model', 'level', 'minutes', 'scenario', 'stops']
const STOP_KEYS = ['id', 'title', 'text', 'terms', 'docUrl', 'until', 'look', 'question', 'task']
const TARGET_KEYS = ['start', 'end', 'fact', 'type', 'event', 'nth']
const QUESTION_KEYS = ['kind', 'prompt', 'choices', 'unit', 'answer', 'why']
const TASK_KEYS = ['prompt', 'knobs', 'check', 'hint', 'solution', 'success']
const QUERY_KEYS = [
  'attempts',
  'ran',
  'outcome',
  'wentTo',
  'status',
  'condition',
  'start',
  'attempt',
  'attemptAt',
  'in',
  'batchOf',
  'anyWentTo',
  'metric',
]
const MODELS = ['sync', 'async', 'sqs', 'sqs-fifo', 'kinesis', 'dynamodb']
const LEVELS = ['first steps', 'core', 'deeper']
const AWS_DOC = /^https:\/\/docs\.aws\.amazon\.com\//

function unknownKeys(o: Obj, allowed: readonly string[], where: string, out: string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) out.push(`${where}: unknown field "${k}"`)
}

function text(o: Obj, key: string, where: string, out: string[]): void {
  if (typeof o[key] !== 'string' || (o[key] as string).trim() === '')
    out.push(`${where}: "${key}" must be a non-empty string`)
}

function query(q: unknown, where: string, out: string[]): void {
  if (!isObj(q)) return void out.push(`${where}: missing answer (a query over the run)`)
  unknownKeys(q, QUERY_KEYS, where, out)
  const heads = [
    'attempts',
    'outcome',
    'wentTo',
    'status',
    'condition',
    'start',
    'attemptAt',
    'batchOf',
    'anyWentTo',
    'metric',
  ].filter((k) => k in q)
  if (heads.length !== 1)
    out.push(
      `${where}: a query names exactly one of attempts, outcome, wentTo, status, condition, start, attemptAt, batchOf, anyWentTo, metric`,
    )
  if ('attemptAt' in q && !['s', 'min', 'h'].includes(q.in as string))
    out.push(`${where}: "in" must be "s", "min" or "h"`)
  if (('start' in q || 'attemptAt' in q) && !(Number.isInteger(q.attempt) && (q.attempt as number) >= 1))
    out.push(`${where}: "attempt" must be a whole number from 1`)
}

function check(c: unknown, where: string, out: string[]): void {
  if (!isObj(c)) return void out.push(`${where}: missing check`)
  if ('all' in c) {
    if (!Array.isArray(c.all) || c.all.length === 0) return void out.push(`${where}: "all" must list checks`)
    return c.all.forEach((x, i) => check(x, `${where}.all[${i}]`, out))
  }
  unknownKeys(c, ['query', 'equals'], where, out)
  query(c.query, `${where}.query`, out)
  if (typeof c.equals !== 'string' && typeof c.equals !== 'number')
    out.push(`${where}: "equals" must be a string or a number`)
}

/** Problems with the lesson's data alone; [] when it is well formed. */
export function shapeProblems(raw: unknown): string[] {
  const out: string[] = []
  if (!isObj(raw)) return ['a lesson must be an object']
  const name = typeof raw.id === 'string' ? `lesson "${raw.id}"` : 'lesson (no id)'
  unknownKeys(raw, LESSON_KEYS, name, out)
  if (raw.format !== LESSON_FORMAT) out.push(`${name}: "format" must be ${LESSON_FORMAT}`)
  for (const k of ['id', 'title', 'goal']) text(raw, k, name, out)
  if (typeof raw.id === 'string' && !/^[a-z0-9-]{1,64}$/.test(raw.id))
    out.push(`${name}: "id" must be lowercase letters, digits and dashes`)
  if (!MODELS.includes(raw.model as string)) out.push(`${name}: "model" must be one of ${MODELS.join(', ')}`)
  if (!LEVELS.includes(raw.level as string)) out.push(`${name}: "level" must be one of ${LEVELS.join(', ')}`)
  if (!(typeof raw.minutes === 'number' && raw.minutes >= 1 && raw.minutes <= 30))
    out.push(`${name}: "minutes" must be 1 to 30`)
  const sc = raw.scenario
  if (!isObj(sc) || !(('preset' in sc && typeof sc.preset === 'string') || ('inline' in sc && isObj(sc.inline))))
    out.push(`${name}: "scenario" must be {"preset": id, "overrides"?: {...}} or {"inline": {...}}`)
  if (!Array.isArray(raw.stops) || raw.stops.length === 0)
    return [...out, `${name}: "stops" must list at least one stop`]
  const ids = new Set<string>()
  raw.stops.forEach((st: unknown, i: number) => {
    const where = `${name}, stop ${i + 1}${isObj(st) && typeof st.id === 'string' ? ` "${st.id}"` : ''}`
    if (!isObj(st)) return void out.push(`${where}: a stop must be an object`)
    unknownKeys(st, STOP_KEYS, where, out)
    for (const k of ['id', 'title', 'text', 'docUrl']) text(st, k, where, out)
    if (typeof st.id === 'string') {
      if (ids.has(st.id)) out.push(`${where}: stop id "${st.id}" is used twice`)
      ids.add(st.id)
    }
    if (typeof st.docUrl === 'string' && !AWS_DOC.test(st.docUrl))
      out.push(`${where}: "docUrl" must be an AWS documentation page`)
    if (st.terms !== undefined) {
      if (!Array.isArray(st.terms)) out.push(`${where}: "terms" must be a list`)
      else
        st.terms.forEach((t: unknown, j: number) => {
          if (!isObj(t)) return void out.push(`${where}, term ${j + 1}: must be an object`)
          unknownKeys(t, ['term', 'means', 'docUrl'], `${where}, term ${j + 1}`, out)
          for (const k of ['term', 'means', 'docUrl']) text(t, k, `${where}, term ${j + 1}`, out)
        })
    }
    const u = st.until
    if (!isObj(u)) out.push(`${where}: missing "until" (a target on the run)`)
    else {
      unknownKeys(u, TARGET_KEYS, `${where}, until`, out)
      if (!('start' in u) && !('end' in u) && !('fact' in u) && !('type' in u))
        out.push(`${where}, until: name "start", "end", a "fact" kind or a caption "type"`)
      if (u.nth !== undefined && !(Number.isInteger(u.nth) && (u.nth as number) >= 1))
        out.push(`${where}, until: "nth" must be a whole number from 1`)
    }
    if (st.question !== undefined) {
      const q = st.question
      const qw = `${where}, question`
      if (!isObj(q)) out.push(`${qw}: must be an object`)
      else {
        unknownKeys(q, QUESTION_KEYS, qw, out)
        for (const k of ['prompt', 'why']) text(q, k, qw, out)
        if (q.kind !== 'choice' && q.kind !== 'number') out.push(`${qw}: "kind" must be "choice" or "number"`)
        if (q.kind === 'choice') {
          const cs = q.choices
          if (!Array.isArray(cs) || cs.length < 2) out.push(`${qw}: a choice question lists at least two choices`)
          else {
            const seen = new Set<string>()
            for (const c of cs) {
              if (!isObj(c) || typeof c.id !== 'string' || typeof c.label !== 'string')
                out.push(`${qw}: each choice is {"id", "label"}`)
              else if (seen.has(c.id)) out.push(`${qw}: choice id "${c.id}" is used twice`)
              else seen.add(c.id)
            }
          }
        }
        query(q.answer, `${qw}, answer`, out)
      }
    }
    if (st.task !== undefined) {
      const t = st.task
      const tw = `${where}, task`
      if (!isObj(t)) out.push(`${tw}: must be an object`)
      else {
        unknownKeys(t, TASK_KEYS, tw, out)
        for (const k of ['prompt', 'hint', 'success']) text(t, k, tw, out)
        if (!Array.isArray(t.knobs) || !t.knobs.every((k) => typeof k === 'string'))
          out.push(`${tw}: "knobs" must list knob paths`)
        if (!isObj(t.solution)) out.push(`${tw}: missing "solution" (the scenario fields that solve it)`)
        check(t.check, `${tw}, check`, out)
      }
    }
  })
  return out
}

/** Problems found by running the lesson on the engine; [] when every stop works. */
export function runProblems(lesson: Lesson): string[] {
  const out: string[] = []
  const name = `lesson "${lesson.id}"`
  const base = lessonScenario(lesson)
  if ('problem' in base) return [`${name}: its scenario is not valid: ${base.problem}`]
  if (base.scenario.model !== lesson.model)
    out.push(`${name}: "model" says ${lesson.model}, the scenario is ${base.scenario.model}`)
  const run = runScenario(base.scenario)
  let last = 0
  lesson.stops.forEach((st, i) => {
    const where = `${name}, stop ${i + 1} "${st.id}"`
    const at = targetStep(run, st.until)
    if (at === null) out.push(`${where}: its target never happens in the run`)
    else if (at < last) out.push(`${where}: its target (step ${at}) comes before the previous stop's (step ${last})`)
    else last = at
    const q = st.question
    if (q) {
      const a = answerOf(run, q.answer)
      if (a === null) out.push(`${where}: the answer query names nothing in the run`)
      else if (q.kind === 'choice' && !q.choices.some((c) => c.id === String(a)))
        out.push(`${where}: the computed answer "${a}" is not one of the choices`)
      else if (q.kind === 'number' && typeof a !== 'number')
        out.push(`${where}: the computed answer "${a}" is not a number`)
    }
    const t = st.task
    if (t) {
      if (holds(run, t.check)) out.push(`${where}: the task already holds before the learner changes anything`)
      const solved = lessonScenario(lesson, t.solution)
      if ('problem' in solved) out.push(`${where}: the stored solution is not a valid scenario: ${solved.problem}`)
      else if (!holds(runScenario(solved.scenario), t.check))
        out.push(`${where}: the stored solution does not pass the check`)
    }
  })
  return out
}

/** Both checks: the lesson typed, or every problem. */
export function validateLesson(raw: unknown): { ok: true; lesson: Lesson } | { ok: false; problems: string[] } {
  const shape = shapeProblems(raw)
  if (shape.length > 0) return { ok: false, problems: shape }
  const lesson = raw as Lesson
  const run = runProblems(lesson)
  return run.length > 0 ? { ok: false, problems: run } : { ok: true, lesson }
}
