import { describe, expect, it } from 'vitest'
import { LESSONS } from './catalog'
import type { Lesson } from './format'
import { answerOf, lessonScenario, runScenario, targetStep } from './lessonRun'
import { lessonHref, readLessonLink } from './lessonUrl'
import { reach } from './progress'
import { LESSON_PRESETS } from './presets'
import { diffOf } from '../store/scenarioDiff'
import { readDiff, toBase64Url } from '../store/url'
import { runProblems, shapeProblems, validateLesson } from './validate'
import { numberIsRight } from './view/QuestionForm'

const first = LESSONS[0]!
const clone = (l: Lesson): Record<string, any> => JSON.parse(JSON.stringify(l)) // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the curriculum', () => {
  it('has at least 12 lessons of 3-6 minutes covering the three models, "start-here" first', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(12)
    expect(first.id).toBe('start-here')
    for (const l of LESSONS) {
      expect(l.minutes).toBeGreaterThanOrEqual(3)
      expect(l.minutes).toBeLessThanOrEqual(6)
    }
    const models = new Set(LESSONS.map((l) => l.model))
    for (const m of ['sync', 'async', 'sqs', 'sqs-fifo', 'kinesis']) expect(models).toContain(m)
  })

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s validates and runs: targets reached, answers computed, tasks solved',
    (_id, l) => {
      expect(validateLesson(l)).toEqual({ ok: true, lesson: l })
    },
  )
})

describe('lesson validation names the lesson and the stop', () => {
  it('an unknown field', () => {
    const raw = clone(first)
    raw.stops[1].colour = 'red'
    expect(shapeProblems(raw)).toContain('lesson "start-here", stop 2 "first": unknown field "colour"')
  })
  it('a missing answer', () => {
    const raw = clone(first)
    delete raw.stops[2].question.answer
    expect(shapeProblems(raw)).toContain(
      'lesson "start-here", stop 3 "second", question, answer: missing answer (a query over the run)',
    )
  })
  it('a target that never happens', () => {
    const raw = clone(first)
    raw.stops[1].until = { type: 'coldStart', event: 'req-99' }
    expect(runProblems(raw as Lesson)).toContain(
      'lesson "start-here", stop 2 "first": its target never happens in the run',
    )
  })
  it('a computed answer that is not among the choices (the lesson no longer matches the engine)', () => {
    const raw = clone(first)
    raw.stops[2].question.choices = raw.stops[2].question.choices.filter((c: { id: string }) => c.id !== 'cold')
    expect(runProblems(raw as Lesson)).toContain(
      'lesson "start-here", stop 3 "second": the computed answer "cold" is not one of the choices',
    )
  })
  it('a task its stored solution does not solve, or that already holds', () => {
    const l = LESSONS.find((x) => x.id === 'async-retries')!
    const raw = clone(l)
    const task = raw.stops.find((s: { task?: unknown }) => s.task).task
    task.solution = { async: { maximumRetryAttempts: 0 } }
    expect(runProblems(raw as Lesson).join('\n')).toContain('the stored solution does not pass the check')
    task.check = { query: { wentTo: 'upload-1' }, equals: 'onFailure' }
    expect(runProblems(raw as Lesson).join('\n')).toContain(
      'the task already holds before the learner changes anything',
    )
  })
  it('an unknown preset and a non-AWS doc link', () => {
    const raw = clone(first)
    raw.scenario = { preset: 'nope' }
    raw.stops[0].docUrl = 'https://example.com/'
    expect(shapeProblems(raw)).toContain(
      'lesson "start-here", stop 1 "meet": "docUrl" must be an AWS documentation page',
    )
    expect(runProblems(raw as Lesson)[0]).toContain('its scenario is not valid: no preset "nope"')
  })
})

describe('answers are queries over the engine run', () => {
  const run = (l: Lesson) => {
    const s = lessonScenario(l)
    if (!('scenario' in s)) throw new Error(s.problem)
    return runScenario(s.scenario)
  }
  it('§1.3 a synchronous function error: 200, one run (the fact sheet says Lambda never retries)', () => {
    const r = run(first)
    expect(answerOf(r, { status: 'req-3' })).toBe('200')
    expect(answerOf(r, { attempts: 'req-3' })).toBe(1)
    expect(answerOf(r, { start: 'req-1', attempt: 1 })).toBe('cold')
    expect(answerOf(r, { start: 'req-5', attempt: 1 })).toBe('warm')
    expect(answerOf(r, { attempts: 'nobody' })).toBeNull()
    expect(targetStep(r, { start: true })).toBe(0)
    expect(targetStep(r, { end: true })).toBe(r.lastStep)
  })
  it('§3.3 async retries: three runs, the second one minute after the first ends, then on-failure', () => {
    const r = run(LESSONS.find((x) => x.id === 'async-retries')!)
    expect(answerOf(r, { attempts: 'upload-1' })).toBe(3)
    expect(answerOf(r, { attemptAt: 'upload-1', attempt: 2, in: 's' })).toBe(60.4)
    expect(answerOf(r, { wentTo: 'upload-1' })).toBe('onFailure')
    expect(answerOf(r, { condition: 'upload-1' })).toBe('RetriesExhausted')
  })
  it('a typed number is right only when it is the engine’s (whole answers exactly)', () => {
    expect(numberIsRight('3', 3)).toBe(true)
    expect(numberIsRight('3.05', 3)).toBe(false)
    expect(numberIsRight('60.42', 60.4)).toBe(true)
    expect(numberIsRight('61', 60.4)).toBe(false)
    expect(numberIsRight('', 0)).toBe(false)
    expect(numberIsRight('abc', 3)).toBe(false)
  })
})

describe('LESSON_PRESETS', () => {
  it('names each lesson’s preset, as the catalogue does', () => {
    expect(LESSON_PRESETS).toEqual(
      Object.fromEntries(LESSONS.map((l) => [l.id, 'preset' in l.scenario ? l.scenario.preset : null])),
    )
  })
})

describe('links and progress', () => {
  it('reads ?lesson=&stop= and ?lessons, never throwing on junk', () => {
    expect(readLessonLink('?lesson=start-here&stop=3')).toEqual({ lesson: 'start-here', stop: 3, changes: null })
    expect(readLessonLink('?lessons')).toEqual({ lesson: null, stop: 1, changes: null })
    expect(readLessonLink('?lesson=x&stop=-2')).toEqual({ lesson: 'x', stop: 1, changes: null })
    expect(readLessonLink('?scenario=sync-basics')).toBeNull()
    expect(lessonHref('start-here', 2)).toBe('?lesson=start-here&stop=2')
  })
  it('carries a task’s changes (d=) from the lesson’s scenario and back; bad changes are named', () => {
    const withTask = LESSONS.find((l) => l.stops.some((s) => s.task))!
    const stop = withTask.stops.findIndex((s) => s.task) + 1
    const base = lessonScenario(withTask)
    if (!('scenario' in base)) throw new Error(base.problem)
    const solved = lessonScenario(withTask, withTask.stops[stop - 1]!.task!.solution)
    if (!('scenario' in solved)) throw new Error(solved.problem)
    const diff = diffOf(base.scenario, solved.scenario)
    expect(diff && Object.keys(diff).length).toBeGreaterThan(0)
    const href = lessonHref(withTask.id, stop, toBase64Url(JSON.stringify(diff)))
    const link = readLessonLink(href)!
    expect(link).toMatchObject({ lesson: withTask.id, stop })
    expect(readDiff(link.changes!, base.scenario)).toEqual(solved.scenario)
    expect(readDiff('%%%', base.scenario)).toMatch(/not valid base64url/)
    expect(readDiff(toBase64Url('{"function":{"timeout":-5}}'), base.scenario)).toMatch(/not valid/)
  })
  it('progress keeps the furthest stop and marks the lesson done at its last stop', () => {
    let p = reach({}, 'a', 2, 4)
    p = reach(p, 'a', 1, 4)
    expect(p.a).toEqual({ reached: 2, done: false })
    expect(reach(p, 'a', 3, 4).a).toEqual({ reached: 3, done: true })
  })
})
