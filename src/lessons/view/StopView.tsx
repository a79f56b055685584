import { useState } from 'react'
import type { Lesson, Stop } from '../format'
import { answerText } from './answerText'
import { QuestionForm } from './QuestionForm'
import type { Verdict } from './QuestionForm'
import { TaskBox } from './TaskBox'

export interface StopPlan {
  /** Where the stage stands when the stop opens (the previous stop's target). */
  readonly from: number
  /** Where it stops for this stop (the reveal). */
  readonly to: number
  /** The engine's answer to the stop's question. */
  readonly answer: string | number | null
}

/**
 * One stop: its prose and terms, then either "Show me" (plays to the stop's moment) or a question
 * that must be answered first; the reveal plays the stage to the moment that answers it. Keyed by
 * the stop, so each stop starts unanswered.
 */
export function StopView({
  lesson,
  stop,
  plan,
  playing,
  onPlay,
  onSkip,
}: {
  lesson: Lesson
  stop: Stop
  plan: StopPlan
  playing: boolean
  onPlay: (to: number) => void
  onSkip: () => void
}) {
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [shown, setShown] = useState(false)
  const q = stop.question
  const reveal = () => {
    setShown(true)
    onPlay(plan.to)
    // On a phone the guide sits above the stage: bring the stage into view to watch the reveal.
    if (window.matchMedia('(max-width: 699px)').matches)
      document.querySelector('.lem-stage-slot')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  }
  return (
    <div className="lem-stop" data-testid="lesson-stop" data-stop={stop.id}>
      <h2 className="lem-stop-title">{stop.title}</h2>
      <p className="lem-stop-text">{stop.text}</p>
      {stop.look && (
        <p className="lem-stop-look">
          <strong>Look at:</strong> {stop.look}
        </p>
      )}
      {stop.terms && stop.terms.length > 0 && (
        <details className="lem-terms">
          <summary>
            New {stop.terms.length === 1 ? 'term' : 'terms'}: {stop.terms.map((t) => t.term).join(', ')}
          </summary>
          <dl>
            {stop.terms.map((t) => (
              <div key={t.term}>
                <dt>{t.term}</dt>
                <dd>
                  {t.means}{' '}
                  <a href={t.docUrl} target="_blank" rel="noreferrer">
                    AWS docs
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {q && plan.answer !== null ? (
        <>
          {!verdict && (
            <QuestionForm
              key={stop.id}
              question={q}
              answer={plan.answer}
              disabled={verdict !== null}
              onAnswer={(v) => {
                setVerdict(v)
                reveal()
              }}
            />
          )}
          <div className="lem-verdict" role="status" aria-live="polite" data-testid="lesson-verdict">
            {verdict && (
              <>
                <p className="lem-verdict-q">{q.prompt}</p>
                <p className="lem-verdict-head" data-right={verdict.right}>
                  {verdict.right ? '✓ Right' : `✗ Not quite: you said ${verdict.given}`}. The answer:{' '}
                  {answerText(stop, plan.answer)}.
                </p>
                <p>{q.why}</p>
              </>
            )}
          </div>
        </>
      ) : (
        !shown && (
          <button type="button" className="lem-btn lem-btn--primary" onClick={reveal} data-testid="lesson-show">
            {plan.to > plan.from ? 'Show me' : 'Show the stage'}
          </button>
        )
      )}
      {playing && (
        <button type="button" className="lem-btn" onClick={onSkip}>
          Skip to the moment
        </button>
      )}
      {stop.task && (!q || verdict) && <TaskBox lesson={lesson} task={stop.task} onPassed={() => undefined} />}
      <p className="lem-stop-doc">
        <a href={stop.docUrl} target="_blank" rel="noreferrer">
          Read about this on AWS ↗
        </a>
      </p>
    </div>
  )
}
