import type { Stop } from '../format'
import { answerText } from './answerText'
import type { StopPlan } from './StopView'

const LETTERS = 'ABCDEFGH'

/**
 * A stop for a class: the question large with its choices lettered for a show of hands, the answer
 * hidden until the clicker (or Reveal) plays the stage to the moment that answers it. Controlled by
 * the guide, which moves stop → reveal → next stop on each forward.
 */
export function PresentStop({
  stop,
  plan,
  revealed,
  playing,
  onForward,
  onBack,
  canBack,
  last,
}: {
  stop: Stop
  plan: StopPlan
  revealed: boolean
  playing: boolean
  onForward: () => void
  onBack: () => void
  canBack: boolean
  last: boolean
}) {
  const q = stop.question
  const right = plan.answer === null ? null : String(plan.answer)
  const forward = playing ? 'Skip to the moment' : !revealed ? (q ? 'Reveal the answer' : 'Show me') : 'Next stop'
  return (
    <div className="lem-pstop" data-testid="present-stop" data-stop={stop.id} data-revealed={revealed || undefined}>
      <h2 className="lem-pstop-title">{stop.title}</h2>
      <p className="lem-pstop-text">{stop.text}</p>
      {q && (
        <div className="lem-pstop-q">
          <p className="lem-pstop-prompt" data-testid="present-question">
            {q.prompt}
          </p>
          {q.kind === 'choice' ? (
            <ol className="lem-pstop-choices">
              {q.choices.map((c, i) => (
                <li key={c.id} data-right={revealed && c.id === right ? 'true' : undefined}>
                  <span className="lem-pstop-letter" aria-hidden="true">
                    {LETTERS[i]}
                  </span>
                  {c.label}
                  {revealed && c.id === right && <span className="lem-pstop-tick"> ✓</span>}
                </li>
              ))}
            </ol>
          ) : (
            <p className="lem-pstop-hint">Answer with a number{q.unit ? ` (${q.unit})` : ''}.</p>
          )}
        </div>
      )}
      <div className="lem-pstop-answer" role="status" aria-live="polite" data-testid="present-answer">
        {revealed && q && (
          <>
            <p className="lem-pstop-answer-head">The answer: {answerText(stop, plan.answer)}.</p>
            <p>{q.why}</p>
          </>
        )}
        {revealed && !q && stop.look && (
          <p>
            <strong>Look at:</strong> {stop.look}
          </p>
        )}
      </div>
      {stop.task && revealed && <p className="lem-pstop-task">Try it on your own: {stop.task.prompt}</p>}
      <nav className="lem-pstop-nav" aria-label="Stops">
        <button type="button" className="lem-btn" disabled={!canBack} onClick={onBack}>
          ← Back
        </button>
        <button
          type="button"
          className="lem-btn lem-btn--primary"
          onClick={onForward}
          disabled={revealed && last && !playing}
          data-testid="present-forward"
        >
          {revealed && last && !playing ? 'End of the lesson' : `${forward} →`}
        </button>
      </nav>
      <p className="lem-pstop-keys">Clicker or → / PageDown: next · ← / PageUp: back</p>
    </div>
  )
}
