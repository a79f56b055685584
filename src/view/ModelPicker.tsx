import type { ModelGroup } from '../scenarios'
import { GROUP_LABELS } from '../scenarios'

const GROUPS: readonly ModelGroup[] = ['sync', 'async', 'poll']

/** The three invocation models. Choosing one loads its first scenario (VisualizerBody). */
export function ModelPicker({ value, onChange }: { value: ModelGroup; onChange: (g: ModelGroup) => void }) {
  return (
    <div className="lem-models" role="group" aria-label="Invocation model">
      {GROUPS.map((g) => (
        <button key={g} type="button" className="lem-model" aria-pressed={value === g} onClick={() => onChange(g)}>
          {GROUP_LABELS[g]}
        </button>
      ))}
    </div>
  )
}
