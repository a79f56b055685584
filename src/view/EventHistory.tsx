import { useEffect, useRef } from 'react'
import { useSim, useSimStore } from '../store/SimProvider'
import { eventStory } from './eventStory'
import { formatMs, sentence } from './tokenText'

/** The story of the selected token: every attempt, each wait and why, and where it ended. */
export function EventHistory() {
  const store = useSimStore()
  const id = useSim((s) => s.selected)
  const cursor = useSim((s) => s.run.cursor)
  const log = useSim((s) => s.run.frontier.log)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (id) heading.current?.focus()
  }, [id])
  if (!id) return null
  const story = eventStory(cursor, log, id)
  const close = () => store.getState().select(null)
  return (
    <section
      className="lem-history"
      aria-label={`History of ${id}`}
      data-testid="event-history"
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <div className="lem-history-head">
        <h3 ref={heading} tabIndex={-1} className="lem-panel-title">
          History of {id}
        </h3>
        <button type="button" className="lem-btn lem-btn--small" onClick={close}>
          Close
        </button>
      </div>
      {!story ? (
        <p>This event has not arrived yet at this point of the run.</p>
      ) : (
        <>
          <p className="lem-history-outcome">
            Outcome so far: <strong>{story.outcome}</strong> · {story.lines.filter((l) => l.kind === 'attempt').length}{' '}
            attempt(s)
          </p>
          <ol className="lem-history-list">
            {story.lines.map((l, i) => (
              <li key={i} className={`lem-story lem-story--${l.kind} lem-story--${l.tone}`} data-story-kind={l.kind}>
                <span className="lem-story-time">{formatMs(l.at)}</span>
                <span className="lem-story-body">
                  {l.kind !== 'transition' && <strong>{l.title}. </strong>}
                  {sentence(l.detail)}
                  {l.record && (
                    <details className="lem-story-record" data-testid="story-record">
                      <summary>{l.record.label}</summary>
                      <pre tabIndex={0} aria-label={l.record.label}>
                        {l.record.json}
                      </pre>
                    </details>
                  )}
                  {l.url && (
                    <>
                      {' '}
                      <a className="lem-doc" href={l.url} target="_blank" rel="noreferrer">
                        docs ↗
                      </a>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
