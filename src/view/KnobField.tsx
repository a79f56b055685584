import { useId, useState } from 'react'
import type { Knob } from './knobs'
import { knobText } from './knobs'

interface Props {
  readonly knob: Knob
  /** Allowed values and default, from the schema (knobRange). */
  readonly range: string
  readonly value: unknown
  /** Validates and applies; returns the parser's message when the value is rejected. */
  readonly onCommit: (text: string | boolean | null) => string | null
}

/** One knob: edited as text and applied on Enter or leaving the field, so typing never forks the run. */
export function KnobField({ knob, range, value, onCommit }: Props) {
  const id = useId()
  const current = knobText(knob, value)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const commit = (v: string | boolean | null) => {
    const message = onCommit(v)
    setError(message)
    if (message === null) setDraft(null)
  }
  const describedBy = `${id}-help${error ? ` ${id}-err` : ''}`
  let input
  if (knob.kind === 'bool') {
    input = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        aria-describedby={describedBy}
        onChange={(e) => commit(e.target.checked)}
      />
    )
  } else if (knob.kind === 'choice') {
    input = (
      <select
        id={id}
        className="lem-select"
        value={current}
        aria-describedby={describedBy}
        onChange={(e) => commit(e.target.value === '' ? null : e.target.value)}
      >
        {(knob.options ?? []).map((o) => (
          <option key={o ?? ''} value={o ?? ''}>
            {o ?? 'none'}
          </option>
        ))}
      </select>
    )
  } else {
    input = (
      <input
        id={id}
        className="lem-input"
        type="text"
        inputMode={knob.kind === 'number' ? 'decimal' : 'numeric'}
        value={draft ?? current}
        aria-invalid={error !== null}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== null && draft !== current && commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) commit(draft)
          if (e.key === 'Escape') {
            setDraft(null)
            setError(null)
          }
        }}
      />
    )
  }
  return (
    <div className={`lem-knob${knob.kind === 'bool' ? ' lem-knob--bool' : ''}`}>
      <label htmlFor={id} className="lem-knob-label">
        {knob.label}
      </label>
      {input}
      <p id={`${id}-help`} className="lem-knob-help">
        {knob.help} {range && <span className="lem-knob-range">({range})</span>}
      </p>
      {error && (
        <p id={`${id}-err`} className="lem-knob-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
