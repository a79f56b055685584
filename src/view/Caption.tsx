import { useSim } from '../store/SimProvider'
import { formatMs, sentence } from './tokenText'

/** What the last step did and why, read out by screen readers. */
export function Caption() {
  const caption = useSim((s) => s.run.caption)
  const step = useSim((s) => s.run.cursor.step)
  return (
    <section className="lem-caption" data-testid="caption" aria-live="polite" aria-label="What just happened">
      {step === 0 && caption.length === 0 ? (
        <p className="lem-caption-empty">Press Play or Step forward to start. Each step shows what Lambda did and why.</p>
      ) : caption.length === 0 ? (
        <p className="lem-caption-empty">Step {step}: nothing visible changed (housekeeping).</p>
      ) : (
        <ol className="lem-caption-list">
          {caption.map((t, i) => (
            <li key={i} className={`lem-caption-item lem-caption-item--${t.type}`}>
              <span className="lem-caption-time">{formatMs(t.at)}</span>
              <span className="lem-caption-text">{sentence(t.text)}</span>{' '}
              <a className="lem-doc" href={t.ref.url} target="_blank" rel="noreferrer">
                AWS docs<span className="lem-sr"> for this step</span> ↗
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
