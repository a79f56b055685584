import { useDeferredValue, useId, useMemo, useState } from 'react'
import { useSim, useSimStore } from '../store/SimProvider'
import { formatMs, sentence } from './tokenText'

const SHOWN = 300

/** Every transition so far, newest first, filtered by text or event id. */
export function EventLog() {
  const store = useSimStore()
  const log = useSim((s) => s.run.frontier.log)
  const step = useSim((s) => s.run.cursor.step)
  const id = useId()
  const [query, setQuery] = useState('')
  const q = useDeferredValue(query.trim().toLowerCase())
  const rows = useMemo(() => {
    const out = []
    for (let i = log.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const t = log[i]!
      if (t.step > step) continue
      if (q && !t.text.toLowerCase().includes(q) && !t.events?.some((e) => e.toLowerCase() === q)) continue
      out.push(t)
    }
    return out
  }, [log, step, q])
  return (
    <div className="lem-log">
      <label className="lem-knob-label" htmlFor={id}>
        Filter by text or event id
      </label>
      <input id={id} className="lem-input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. throttled, req-3" />
      <p className="lem-knobs-note" aria-live="polite">
        {rows.length === SHOWN ? `Latest ${SHOWN} matches` : `${rows.length} matching step${rows.length === 1 ? '' : 's'}`} up to step {step}
      </p>
      <ol className="lem-log-list">
        {rows.map((t, i) => (
          <li key={`${t.step}-${i}`} className="lem-log-row">
            <button type="button" className="lem-log-step" onClick={() => store.getState().goToStep(t.step)} aria-label={`Go to step ${t.step}`}>
              {formatMs(t.at)}
            </button>
            <span>{sentence(t.text)}</span>
          </li>
        ))}
      </ol>
    </div>
  )
}
