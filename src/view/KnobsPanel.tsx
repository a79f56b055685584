import { useSim, useSimStore } from '../store/SimProvider'
import { KnobField } from './KnobField'
import { applyKnob, knobRange, knobsFor, knobValue, readKnob } from './knobs'
import type { Knob } from './knobs'

/**
 * The scenario's knobs. Every change goes through parseScenario: a rejected value is named in plain
 * words (knobProblem) and is not applied. Before the run starts a change restarts the scenario;
 * during the run it applies from the playhead on (a fork, via the engine's configure command).
 */
export function KnobsPanel() {
  const store = useSimStore()
  const current = useSim((s) => s.run.cursor.scenario)
  const started = useSim((s) => s.run.cursor.step > 0 || s.run.history.commands.length > 0)
  const commit = (knob: Knob, raw: unknown): string | null => {
    const r = applyKnob(current, knob, raw)
    if ('problem' in r) return r.problem
    const a = store.getState()
    if (started) a.send({ type: 'configure', scenario: r.scenario })
    else a.load(r.scenario, null)
    return null
  }
  return (
    <div className="lem-knobs">
      <p className="lem-knobs-note">
        {started
          ? 'Changes apply from the playhead on; the rest of the run is recomputed.'
          : 'Changes restart the scenario with the new settings.'}
      </p>
      {knobsFor(current.model).map((k) => (
        <KnobField
          key={`${k.path}:${String(JSON.stringify(readKnob(current, k.path)))}`}
          knob={k}
          range={knobRange(current, k)}
          value={readKnob(current, k.path)}
          onCommit={(v) => commit(k, typeof v === 'string' ? knobValue(k, v) : v)}
        />
      ))}
    </div>
  )
}
