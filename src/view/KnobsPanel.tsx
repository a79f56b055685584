import { formatIssues, parseScenario } from '../scenarios'
import { useSim, useSimStore } from '../store/SimProvider'
import { KnobField } from './KnobField'
import { knobsFor, knobValue, readKnob, withKnob } from './knobs'

/**
 * The scenario's knobs. Every change goes through parseScenario: a rejected value shows the
 * parser's message and is not applied. Before the run starts a change restarts the scenario;
 * during the run it applies from the playhead on (a fork, via the engine's configure command).
 */
export function KnobsPanel() {
  const store = useSimStore()
  const current = useSim((s) => s.run.cursor.scenario)
  const started = useSim((s) => s.run.cursor.step > 0 || s.run.history.commands.length > 0)
  const commit = (path: string, raw: unknown): string | null => {
    const r = parseScenario(withKnob(current, path, raw))
    if (!r.ok) {
      const own = r.issues.filter((i) => i.path === path)
      return formatIssues(own.length > 0 ? own : r.issues.slice(0, 3))
    }
    const a = store.getState()
    if (started) a.send({ type: 'configure', scenario: r.scenario })
    else a.load(r.scenario, null)
    return null
  }
  return (
    <div className="lem-knobs">
      <p className="lem-knobs-note">{started ? 'Changes apply from the playhead on; the rest of the run is recomputed.' : 'Changes restart the scenario with the new settings.'}</p>
      {knobsFor(current.model).map((k) => (
        <KnobField key={`${k.path}:${String(JSON.stringify(readKnob(current, k.path)))}`} knob={k} value={readKnob(current, k.path)} onCommit={(v) => commit(k.path, typeof v === 'string' ? knobValue(k, v) : v)} />
      ))}
    </div>
  )
}
