import { useState } from 'react'
import type { Model } from '../engine'
import { MODEL_LABELS, POLL_MODELS, presetsOf, starterScenario } from '../scenarios'
import type { ModelGroup } from '../scenarios'
import { useSim, useSimStore } from '../store/SimProvider'

/** The shipped scenarios of one model group; poll-based offers SQS / SQS FIFO / Kinesis / DynamoDB. */
export function PresetList({ group }: { group: ModelGroup }) {
  const store = useSimStore()
  const current = useSim((s) => s.presetId)
  const running = useSim((s) => s.run.scenario.model)
  const [source, setSource] = useState<Model>(POLL_MODELS.includes(running) ? running : 'sqs')
  const model: Model = group === 'poll' ? source : group
  const presets = presetsOf(group, group === 'poll' ? source : undefined)
  const starter = presets.length === 0 ? starterScenario(model) : null
  return (
    <div className="lem-presets">
      {group === 'poll' && (
        <div className="lem-sources" role="group" aria-label="Event source">
          {POLL_MODELS.map((m) => (
            <button key={m} type="button" className="lem-chip" aria-pressed={source === m} onClick={() => setSource(m)}>
              {MODEL_LABELS[m]}
            </button>
          ))}
        </div>
      )}
      {starter && (
        <button type="button" className="lem-btn" onClick={() => store.getState().load(starter, null)}>
          Start a {MODEL_LABELS[model]} scenario
        </button>
      )}
      <ul className="lem-preset-list">
        {presets.map((p) => (
          <li key={p.id} className="lem-preset">
            {/* A link, not a button: it is a place (shareable), and its words must not collide with the playback buttons' names. */}
            <a
              className="lem-preset-btn"
              href={`?scenario=${encodeURIComponent(p.id)}`}
              aria-current={current === p.id ? 'true' : undefined}
              onClick={(e) => {
                e.preventDefault()
                store.getState().load(p.scenario, p.id)
              }}
            >
              <span className="lem-preset-title">{p.title}</span>
              <span className="lem-preset-desc">{p.description}</span>
            </a>
            {p.docUrl && (
              <a className="lem-doc" href={p.docUrl} target="_blank" rel="noreferrer">
                AWS docs<span className="lem-sr">: {p.title}</span> ↗
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
