import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useSim, useSimStore } from '../../store/SimProvider'
import { diffOf } from '../../store/scenarioDiff'
import { readDiff, toBase64Url } from '../../store/url'
import { useBrowserLayoutEffect } from '../../view/useBrowserLayoutEffect'
import { LESSONS, lessonById } from '../catalog'
import type { Lesson } from '../format'
import { answerOf, lessonScenario, runScenario, targetStep } from '../lessonRun'
import { lessonHref } from '../lessonUrl'
import type { LessonLink } from '../lessonUrl'
import { loadProgress, reach, saveProgress } from '../progress'
import type { Progress } from '../progress'
import { LessonList } from './LessonList'
import { PresentStop } from './PresentStop'
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

/** What a clicker sends; the handler says whether it used it (else the stage steps as usual). */
export type ClickerHandler = (action: 'forward' | 'back') => boolean

export interface LessonGuideProps {
  readonly link: LessonLink
  /**
   * 'app': the address bar follows the stop (and the learner's changes) and progress is saved.
   * 'embed': one lesson in a box on someone else's page: nothing outside the box is touched.
   */
  readonly host?: 'app' | 'embed'
  /** Presentation: one stop at a time, question large, answer hidden until the clicker reveals it. */
  readonly presenting?: boolean
  /** While presenting, receives the handler for the clicker's keys (null when it lets go). */
  readonly onClicker?: (handler: ClickerHandler | null) => void
  /** Appended to the address the guide writes (the app's `&present=1`). */
  readonly hrefSuffix?: string
}

/**
 * The lesson guide beside the stage (loaded only when a lesson or the list is opened): the list,
 * or one lesson's stops with Back / Next. It drives the visualizer's own store: loads the lesson's
 * scenario, moves to each stop's moment and, in the app, keeps `?lesson=…&stop=…` (and `&d=…` for
 * the learner's task changes) in the address bar.
 */
export default function LessonGuide({
  link,
  host = 'app',
  presenting = false,
  onClicker,
  hrefSuffix = '',
}: LessonGuideProps) {
  const store = useSimStore()
  const inApp = host === 'app'
  const first = link.lesson === null ? undefined : lessonById(link.lesson)
  const [problem, setProblem] = useState<string | null>(() => linkProblem(link, first))
  const [lesson, setLesson] = useState<Lesson | null>(first ?? null)
  const [index, setIndex] = useState(() => (first ? Math.min(link.stop, first.stops.length) - 1 : 0))
  const [revealed, setRevealed] = useState(false)
  const [progress, setProgress] = useState<Progress>(() => {
    const p = inApp ? loadProgress() : {}
    return first && inApp ? remember(p, first, Math.min(link.stop, first.stops.length) - 1) : p
  })
  const plan = useMemo(() => (lesson ? planOf(lesson) : null), [lesson])
  const { playTo, skip, land, playing } = usePlayTo(store)
  const heading = useRef<HTMLDivElement>(null)
  // The link's task changes apply once, to the stop the link opens.
  const changes = useRef(link.changes ?? null)
  // Going back from a stop opens the previous one with its answer shown.
  const openRevealed = useRef(false)
  const scenario = useSim((s) => s.run.scenario)

  const write = useCallback(
    (href: string) => {
      if (inApp) window.history.replaceState(null, '', `${href}${hrefSuffix}`)
    },
    [inApp, hrefSuffix],
  )

  // Open the stop: the lesson's own scenario (a task's changes are dropped, except those the link
  // brought), at the moment the previous stop ended. At the commit that shows the stop, not after
  // its paint: a clicker key pressed as it shows must find it opened (else the opening, coming
  // after, undid what the key did: Back twice showed the answer again).
  useBrowserLayoutEffect(() => {
    if (!lesson || !plan) return
    const sc = plan.scenario
    if (!('scenario' in sc)) return
    const preset = 'preset' in lesson.scenario && !lesson.scenario.overrides ? lesson.scenario.preset : null
    const p = plan.plans[index]
    let live = true
    // After the commit: the stage's redraw (flushSync) must not run inside React's effect phase.
    queueMicrotask(() => {
      if (!live) return
      const d = changes.current
      changes.current = null
      const changed = d === null ? null : readDiff(d, sc.scenario)
      if (typeof changed === 'string') setProblem(`${changed.trim()} Showing the lesson’s own scenario.`)
      const back = openRevealed.current
      openRevealed.current = false
      setRevealed(back)
      const a = store.getState()
      if (changed !== null && typeof changed !== 'string') return a.load(changed, null)
      if (JSON.stringify(a.run.scenario) !== JSON.stringify(sc.scenario)) a.load(sc.scenario, preset)
      if (p) land(back ? p.to : p.from)
    })
    return () => {
      live = false
    }
  }, [lesson, plan, index, store, land])

  // The address follows the stop, and the learner's changes while on it.
  useEffect(() => {
    if (!lesson) return write(lessonHref(null))
    const sc = plan?.scenario
    const diff = sc && 'scenario' in sc ? diffOf(sc.scenario, scenario) : null
    const d = diff && Object.keys(diff).length > 0 ? toBase64Url(JSON.stringify(diff)) : null
    write(lessonHref(lesson.id, index + 1, d))
  }, [lesson, plan, index, scenario, write])

  const open = useCallback(
    (id: string) => {
      const l = lessonById(id)
      if (!l) return
      setProblem(null)
      setLesson(l)
      setIndex(0)
      if (inApp) setProgress((p) => remember(p, l, 0))
    },
    [inApp],
  )
  const go = useCallback(
    (i: number, withAnswer = false) => {
      openRevealed.current = withAnswer
      // With the index, not after it: a clicker's Back pressed as the new stop shows must not find
      // the last stop's answer still revealed (it would hide it instead of going back).
      setRevealed(withAnswer)
      setIndex(i)
      if (lesson && inApp) setProgress((p) => remember(p, lesson, i))
      if (!presenting) heading.current?.focus()
    },
    [lesson, inApp, presenting],
  )

  // Presenting: each forward is the next of stop → reveal → next stop; back undoes one.
  const p = plan?.plans[index]
  const count = lesson?.stops.length ?? 0
  const forward = useCallback(() => {
    if (!p) return
    if (playing) return skip()
    if (!revealed) {
      setRevealed(true)
      playTo(p.to)
    } else if (index < count - 1) go(index + 1)
  }, [p, playing, skip, revealed, playTo, index, count, go])
  const back = useCallback(() => {
    if (!p) return
    if (revealed || playing) {
      setRevealed(false)
      land(p.from)
    } else if (index > 0) go(index - 1, true)
  }, [p, revealed, playing, land, index, go])
  // The clicker calls the moves of the stop on screen: they are renewed with the commit that draws
  // it, not in an effect after the paint, so a key pressed as a stop shows never meets the last
  // stop's moves (Back would show the same stop's answer again instead of hiding it).
  const moves = useRef({ forward, back })
  useBrowserLayoutEffect(() => {
    moves.current = { forward, back }
  }, [forward, back])
  useEffect(() => {
    if (!presenting || !onClicker || !lesson) return
    onClicker((action) => {
      if (action === 'forward') moves.current.forward()
      else moves.current.back()
      return true
    })
    return () => onClicker(null)
  }, [presenting, onClicker, lesson])

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
  if ('problem' in plan.scenario || !stop || !p) {
    return (
      <p role="alert">This lesson cannot run: {'problem' in plan.scenario ? plan.scenario.problem : 'no stops'}.</p>
    )
  }
  const last = index === lesson.stops.length - 1
  const head = (
    <div className="lem-guide-head" ref={heading} tabIndex={-1}>
      {inApp && !presenting ? (
        <button type="button" className="lem-btn lem-guide-back" onClick={() => setLesson(null)}>
          ← Lessons
        </button>
      ) : (
        <span className="lem-guide-lesson lem-guide-lesson--head">{lesson.title}</span>
      )}
      <span className="lem-guide-count" data-testid="stop-counter">
        Stop {index + 1} of {lesson.stops.length}
      </span>
    </div>
  )
  const note = problem && (
    <p className="lem-guide-problem" role="alert">
      {problem}
    </p>
  )
  if (presenting) {
    return (
      <div className="lem-lesson lem-lesson--present" data-testid="lesson" data-lesson={lesson.id}>
        {head}
        {note}
        <PresentStop
          stop={stop}
          plan={p}
          revealed={revealed}
          playing={playing}
          onForward={forward}
          onBack={back}
          canBack={index > 0 || revealed || playing}
          last={last}
        />
      </div>
    )
  }
  return (
    <div className="lem-lesson" data-testid="lesson" data-lesson={lesson.id}>
      {head}
      {inApp && <p className="lem-guide-lesson">{lesson.title}</p>}
      {note}
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
            onClick={() => (inApp ? setLesson(null) : go(0))}
            data-testid="lesson-finish"
          >
            {inApp ? 'Finish: all lessons' : 'Start again'}
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
