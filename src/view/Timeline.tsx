import { nextStepAt } from '../engine'
import { useSim, useSimStore } from '../store/SimProvider'
import { MARKER_LABELS } from '../store/markers'
import type { Marker, MarkerKind } from '../store/markers'
import { horizon, markers } from '../store/timeline'
import { formatMs } from './tokenText'

const KINDS: readonly MarkerKind[] = ['error', 'throttle', 'retry', 'dlq', 'coldStart', 'moveOn', 'cap']

/** At most one marker of each kind per 0.25% of the track: a long run's markers cover it all, in a few hundred elements. */
function spread(all: readonly Marker[], end: number): Marker[] {
  const seen = new Set<string>()
  const out: Marker[] = []
  for (const m of all) {
    const key = `${m.kind}:${Math.floor((400 * m.at) / end)}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(m)
  }
  return out
}

/**
 * The timeline over virtual time: a slider, markers where things go wrong and where the run turns
 * (a record given up, a limit reached), and "next" jumps, with End (the end of the run) always there.
 */
export function Timeline() {
  const store = useSimStore()
  const clock = useSim((s) => s.clock)
  const run = useSim((s) => s.run)
  const end = horizon(run)
  const all = markers(run)
  const present = KINDS.filter((k) => all.some((m) => m.kind === k))
  const step = run.cursor.step
  const atEnd = run.frontier.finished && nextStepAt(run.cursor) === null
  return (
    <div className="lem-timeline">
      <div className="lem-timeline-row">
        <span className="lem-time" aria-hidden="true">
          {formatMs(clock)}
        </span>
        <div className="lem-timeline-track">
          <input
            type="range"
            className="lem-range"
            aria-label="Timeline"
            aria-valuetext={`${formatMs(clock)} of ${formatMs(end)}, step ${step}`}
            min={0}
            max={end}
            step={1}
            value={Math.min(end, Math.floor(clock))}
            // The track's start (Home on the slider) is the start of the run: step 0, before the arrivals at 0 ms.
            onChange={(e) =>
              Number(e.target.value) === 0 ? store.getState().reset() : store.getState().seek(Number(e.target.value))
            }
          />
          <div className="lem-markers" aria-hidden="true">
            {spread(all, end).map((m) => (
              <span
                key={`${m.kind}-${m.step}`}
                className={`lem-marker lem-marker--${m.kind}`}
                style={{ left: `${(100 * m.at) / end}%` }}
                title={`${MARKER_LABELS[m.kind]} at ${formatMs(m.at)}`}
              />
            ))}
          </div>
        </div>
        <span className="lem-time lem-time--end" aria-hidden="true">
          {formatMs(end)}
          {run.frontier.finished ? '' : '…'}
        </span>
      </div>
      <div className="lem-jumps" role="group" aria-label="Jump to the next marker">
        <span className="lem-jumps-label">Next:</span>
        {present.map((k) => (
          <button
            key={k}
            type="button"
            className={`lem-chip lem-chip--${k}`}
            onClick={() => store.getState().jumpToNext(k)}
            disabled={!all.some((m) => m.kind === k && m.step > step)}
          >
            <span className={`lem-marker-dot lem-marker--${k}`} aria-hidden="true" />
            {MARKER_LABELS[k]}
          </button>
        ))}
        <button
          type="button"
          className="lem-chip lem-chip--end"
          onClick={() => store.getState().jumpToNext('end')}
          disabled={atEnd}
        >
          <span className="lem-marker-dot lem-marker--end" aria-hidden="true" />
          {MARKER_LABELS.end}
        </button>
      </div>
    </div>
  )
}
