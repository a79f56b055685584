import { useDeferredValue, useId, useMemo, useState } from 'react'
import { useSim, useSimStore } from '../store/SimProvider'
import { MAX_LOG } from '../store/frontier'
import { firstAtOrAfter } from '../store/timeline'
import { formatMs, sentence } from './tokenText'

const SHOWN = 300

/** Every transition up to the cursor, newest first, filtered by text or event id. */
export function EventLog() {
  const store = useSimStore()
  const frontier = useSim((s) => s.run.frontier)
  const step = useSim((s) => s.run.cursor.step)
  const id = useId()
  const [query, setQuery] = useState('')
  const q = useDeferredValue(query.trim().toLowerCase())
  const { log, logFrom, dropped } = frontier
  const rows = useMemo(() => {
    const out = []
    // The log is in step order: start at the cursor's last transition and walk back.
    for (let i = firstAtOrAfter(log, step + 1) - 1; i >= 0 && out.length < SHOWN; i--) {
      const t = log[i]
      if (t === undefined) continue
      if (q && !t.text.toLowerCase().includes(q) && !t.events?.some((e) => e.toLowerCase() === q)) continue
      out.push({ t, i })
    }
    return out
  }, [log, step, q])
  const older = dropped > 0 && step >= logFrom
  return (
    <div className="lem-log">
      <label className="lem-knob-label" htmlFor={id}>
        Filter by text or event id
      </label>
      <input
        id={id}
        className="lem-input"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="e.g. throttled, req-3"
      />
      <p className="lem-knobs-note" aria-live="polite">
        {rows.length === SHOWN
          ? `Latest ${SHOWN} matches`
          : `${rows.length} matching transition${rows.length === 1 ? '' : 's'}`}{' '}
        up to step {step}
      </p>
      {dropped > 0 && (
        <p className="lem-knobs-note lem-log-dropped" data-testid="log-dropped">
          Older entries dropped: the log keeps the latest {MAX_LOG.toLocaleString('en-US')} transitions
          {older ? `, from step ${logFrom.toLocaleString('en-US')}` : ''}.{' '}
          {step < logFrom
            ? 'This step is before them: its caption is recomputed, and Step forward still works.'
            : 'Every step still has its caption.'}
        </p>
      )}
      <ol className="lem-log-list">
        {rows.map(({ t, i }) => (
          <li key={`${t.step}-${i}`} className="lem-log-row">
            <button
              type="button"
              className="lem-log-step"
              onClick={() => store.getState().goToStep(t.step)}
              aria-label={`Go to step ${t.step}`}
            >
              {formatMs(t.at)}
            </button>
            <span>{sentence(t.text)}</span>
          </li>
        ))}
      </ol>
    </div>
  )
}
