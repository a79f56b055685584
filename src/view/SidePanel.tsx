import { Suspense, useId } from 'react'
import { EventHistory } from './EventHistory'
import { MetricsPanel } from './MetricsPanel'
import { EventLog, KnobsPanel } from './sidePanels'

export type SideTab = 'knobs' | 'log' | 'metrics'

const TABS: readonly { id: SideTab; label: string }[] = [
  { id: 'metrics', label: 'Metrics' },
  { id: 'knobs', label: 'Knobs' },
  { id: 'log', label: 'Event log' },
]

/**
 * Beside the stage (under it on a phone): the selected token's history, then metrics, knobs or
 * the event log, one at a time, in a box that scrolls on its own so the stage never moves.
 */
export function SidePanel({ tab, onTab }: { tab: SideTab; onTab: (t: SideTab) => void }) {
  const id = useId()
  return (
    <aside className="lem-side" aria-label="History, metrics, knobs and log">
      <EventHistory />
      <div className="lem-tabs" role="tablist" aria-label="Panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${id}-${t.id}`}
            aria-selected={tab === t.id}
            className="lem-tab"
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="lem-tabpanel" role="tabpanel" aria-labelledby={`${id}-${tab}`}>
        {tab === 'metrics' && <MetricsPanel />}
        <Suspense fallback={<p className="lem-muted">Loading…</p>}>
          {tab === 'knobs' && <KnobsPanel />}
          {tab === 'log' && <EventLog />}
        </Suspense>
      </div>
    </aside>
  )
}
