import { useSim, useSimStore } from '../store/SimProvider'

/** Dismissible messages: a broken link, an unsupported model, a run step out of range. */
export function Notices() {
  const store = useSimStore()
  const notices = useSim((s) => s.notices)
  if (notices.length === 0) return null
  return (
    <div className="lem-notices">
      {notices.map((n, i) => (
        <div key={n} className="lem-notice" role="alert" data-testid="notice">
          <p>{n}</p>
          <button
            type="button"
            className="lem-btn lem-btn--small"
            onClick={() => store.getState().dismiss(i)}
            aria-label="Dismiss message"
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
