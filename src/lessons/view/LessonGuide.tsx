import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useSimStore } from '../../store/SimProvider'
import { LESSONS, lessonById } from '../catalog'
import type { Lesson } from '../format'
import { answerOf, lessonScenario, runScenario, targetStep } from '../lessonRun'
import { lessonHref } from '../lessonUrl'
import type { LessonLink } from '../lessonUrl'
import { loadProgress, reach, saveProgress } from '../progress'
import type { Progress } from '../progress'
import { LessonList } from './LessonList'
import { StopView } from './StopView'
import type { StopPlan } from './StopView'
import { usePlayTo } from './usePlayTo'
import './lessons.css'

/** Every stop's moments and answers, from one run of the lesson's scenario. */
function planOf(lesson: Lesson): { plans: StopPlan[]; scenario: ReturnType<typeof lessonScenario> } {
  const scenario = lessonScenario(lesson)
  if (!('scenario' in scenario)) return { plans: [], scenario }
  const run = runScenario(scenario.scenario)
  let from = 0
  const plans = lesson.stops.map((st) => {
    const to = targetStep(run, st.until) ?? from
    const plan = { from, to, answer: st.question ? answerOf(run, st.question.answer) : null }
    from = to
    return plan
  })
  return { plans, scenario }
}

/** Progress with this stop reached, saved. */
function remember(p: Progress, lesson: Lesson, index: number): Progress {
  const next = reach(p, lesson.id, index, lesson.stops.length)
  saveProgress(next)
  return next
}

function linkProblem(link: LessonLink, lesson: Lesson | undefined): string | null {
  if (link.lesson === null) return null
  if (!lesson) return `There is no lesson “${link.lesson}”. Pick one from the list.`
  if (link.stop > lesson.stops.length) return `“${lesson.title}” has ${lesson.stops.length} stops; showing the last.`
  return null
}

/**
 * The lesson guide beside the stage (loaded only when a lesson or the list is opened): the list,
 * or one lesson's stops with Back / Next. It drives the visualizer's own store: loads the lesson's
 * scenario, moves to each stop's moment, and keeps `?lesson=…&stop=…` in the address bar.
 */
export default function LessonGuide({ link }: { link: LessonLink }) {
  const store = useSimStore()
  const first = link.lesson === null ? undefined : lessonById(link.lesson)
  const [problem, setProblem] = useState<string | null>(() => linkProblem(link, first))
  const [lesson, setLesson] = useState<Lesson | null>(first ?? null)
  const [index, setIndex] = useState(() => (first ? Math.min(link.stop, first.stops.length) - 1 : 0))
  const [progress, setProgress] = useState<Progress>(() => {
    const p = loadProgress()
    return first ? remember(p, first, Math.min(link.stop, first.stops.length) - 1) : p
  })
  const plan = useMemo(() => (lesson ? planOf(lesson) : null), [lesson])
  const { playTo, skip, land, playing } = usePlayTo(store)
  const heading = useRef<HTMLDivElement>(null)

  // Open the stop: the lesson's own scenario (the learner's task changes are dropped), at the moment
  // the previous stop ended.
  useEffect(() => {
    if (!lesson || !plan) return
    const sc = plan.scenario
    if (!('scenario' in sc)) return
    const a = store.getState()
    const preset = 'preset' in lesson.scenario && !lesson.scenario.overrides ? lesson.scenario.preset : null
    if (JSON.stringify(a.run.scenario) !== JSON.stringify(sc.scenario)) a.load(sc.scenario, preset)
    const p = plan.plans[index]
    if (p) land(p.from)
    window.history.replaceState(null, '', lessonHref(lesson.id, index + 1))
  }, [lesson, plan, index, store, land])

  useEffect(() => {
    if (!lesson) window.history.replaceState(null, '', lessonHref(null))
  }, [lesson])

  const open = useCallback((id: string) => {
    const l = lessonById(id)
    if (!l) return
    setProblem(null)
    setLesson(l)
    setIndex(0)
    setProgress((p) => remember(p, l, 0))
  }, [])
  const go = (i: number) => {
    setIndex(i)
    if (lesson) setProgress((p) => remember(p, lesson, i))
    heading.current?.focus()
  }

  if (!lesson || !plan) {
    return (
      <LessonList
        lessons={LESSONS}
        progress={progress}
        onOpen={open}
        problem={problem}
        onReset={() => {
          saveProgress({})
          setProgress({})
        }}
      />
    )
  }
  const stop = lesson.stops[index]
  const p = plan.plans[index]
  if ('problem' in plan.scenario || !stop || !p) {
    return (
      <p role="alert">This lesson cannot run: {'problem' in plan.scenario ? plan.scenario.problem : 'no stops'}.</p>
    )
  }
  const last = index === lesson.stops.length - 1
  return (
    <div className="lem-lesson" data-testid="lesson" data-lesson={lesson.id}>
      <div className="lem-guide-head" ref={heading} tabIndex={-1}>
        <button type="button" className="lem-btn lem-guide-back" onClick={() => setLesson(null)}>
          ← Lessons
        </button>
        <span className="lem-guide-count" data-testid="stop-counter">
          Stop {index + 1} of {lesson.stops.length}
        </span>
      </div>
      <p className="lem-guide-lesson">{lesson.title}</p>
      {problem && (
        <p className="lem-guide-problem" role="alert">
          {problem}
        </p>
      )}
      <StopView
        key={`${lesson.id}:${stop.id}`}
        lesson={lesson}
        stop={stop}
        plan={p}
        playing={playing}
        onPlay={playTo}
        onSkip={skip}
      />
      <nav className="lem-guide-nav" aria-label="Stops">
        <button type="button" className="lem-btn" disabled={index === 0} onClick={() => go(index - 1)}>
          ← Back
        </button>
        {last ? (
          <button
            type="button"
            className="lem-btn lem-btn--primary"
            onClick={() => setLesson(null)}
            data-testid="lesson-finish"
          >
            Finish: all lessons
          </button>
        ) : (
          <button
            type="button"
            className="lem-btn lem-btn--primary"
            onClick={() => go(index + 1)}
            data-testid="lesson-next"
          >
            Next →
          </button>
        )}
      </nav>
    </div>
  )
}
