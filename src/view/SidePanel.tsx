import type { ModelGroup } from '../scenarios'
import { GROUP_LABELS } from '../scenarios'
import { useId } from 'react'
import { EventHistory } from './EventHistory'
import { EventLog } from './EventLog'
import { KnobsPanel } from './KnobsPanel'
import { PresetList } from './PresetList'

export type SideTab = 'presets' | 'knobs' | 'log'

const TABS: readonly { id: SideTab; label: string }[] = [
  { id: 'presets', label: 'Scenarios' },
  { id: 'knobs', label: 'Knobs' },
  { id: 'log', label: 'Event log' },
]

/** Scenarios, knobs and the event log, one at a time. */
export function SidePanel({ group, tab, onTab }: { group: ModelGroup; tab: SideTab; onTab: (t: SideTab) => void }) {
  const id = useId()
  return (
    <aside className="lem-side" aria-label="Scenario, knobs and log">
      <EventHistory />
      <div className="lem-tabs" role="tablist" aria-label="Panels">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`${id}-${t.id}`} aria-selected={tab === t.id} className="lem-tab" onClick={() => onTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="lem-tabpanel" role="tabpanel" aria-labelledby={`${id}-${tab}`}>
        {tab === 'presets' && (
          <>
            <h3 className="lem-panel-title">{GROUP_LABELS[group]} scenarios</h3>
            <PresetList group={group} />
          </>
        )}
        {tab === 'knobs' && <KnobsPanel />}
        {tab === 'log' && <EventLog />}
      </div>
    </aside>
  )
}
