import { useId, useState } from 'react'
import type { Question } from '../format'

export type Verdict = { readonly right: boolean; readonly given: string }

/** Is a typed number the computed one? Whole answers exactly; others to the nearest 0.1 of the unit. */
export function numberIsRight(given: string, answer: number): boolean {
  const n = Number(given.trim().replace(',', '.'))
  if (given.trim() === '' || !Number.isFinite(n)) return false
  return Number.isInteger(answer) ? n === answer : Math.abs(n - answer) <= 0.1 + 1e-9
}

/**
 * A question as a real form: radio buttons or a number field, and "Check". The verdict compares
 * with the answer the engine computed; it is shown (and announced) by the stop card after the reveal.
 */
export function QuestionForm({
  question,
  answer,
  disabled,
  onAnswer,
}: {
  question: Question
  answer: string | number
  disabled: boolean
  onAnswer: (v: Verdict) => void
}) {
  const id = useId()
  const [value, setValue] = useState('')
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    if (value === '') return
    const right = question.kind === 'choice' ? value === String(answer) : numberIsRight(value, Number(answer))
    const given = question.kind === 'choice' ? (question.choices.find((c) => c.id === value)?.label ?? value) : value
    onAnswer({ right, given })
  }
  return (
    <form className="lem-question" onSubmit={submit} data-testid="lesson-question">
      {question.kind === 'choice' ? (
        <fieldset disabled={disabled}>
          <legend className="lem-question-prompt">{question.prompt}</legend>
          {question.choices.map((c) => (
            <label key={c.id} className="lem-choice">
              <input
                type="radio"
                name={`${id}-q`}
                value={c.id}
                checked={value === c.id}
                onChange={() => setValue(c.id)}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <fieldset disabled={disabled}>
          <legend className="lem-question-prompt">{question.prompt}</legend>
          <label className="lem-number">
            <input
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-label={`Your answer${question.unit ? ` (${question.unit})` : ''}`}
            />
            {question.unit && <span aria-hidden="true">{question.unit}</span>}
          </label>
        </fieldset>
      )}
      <button type="submit" className="lem-btn lem-btn--primary" disabled={disabled || value === ''}>
        Check and show me
      </button>
    </form>
  )
}
