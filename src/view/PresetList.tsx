import { useEffect, useRef, useState } from 'react'
import type { Model } from '../engine'
import { MODEL_LABELS, POLL_MODELS, presetsOf, starterScenario } from '../scenarios'
import type { ModelGroup } from '../scenarios'
import { useSim, useSimStore } from '../store/SimProvider'
import { ScrollEdge } from './ScrollEdge'

/**
 * The shipped scenarios of one model group as a compact strip beside the model tabs (it scrolls
 * sideways when they do not fit); poll-based first offers SQS / SQS FIFO / Kinesis / DynamoDB.
 */
export function PresetList({ group }: { group: ModelGroup }) {
  const store = useSimStore()
  const current = useSim((s) => s.presetId)
  const running = useSim((s) => s.run.scenario.model)
  // A source picked that has no preset yet (it offers a starter instead), until the run changes model.
  const [picked, setPicked] = useState<{ model: Model; over: Model } | null>(null)
  const source: Model =
    picked && picked.over === running ? picked.model : POLL_MODELS.includes(running) ? running : 'sqs'
  const model: Model = group === 'poll' ? source : group
  const presets = presetsOf(group, group === 'poll' ? source : undefined)
  const starter = presets.length === 0 ? starterScenario(model) : null
  const strip = useRef<HTMLUListElement>(null)
  // Keep the running scenario's chip in view inside the strip (never scrolls the page).
  useEffect(() => {
    const list = strip.current
    const on = list?.querySelector<HTMLElement>('[aria-current="true"]')
    if (!list || !on) return
    const left = on.offsetLeft - list.offsetLeft
    if (left < list.scrollLeft || left + on.offsetWidth > list.scrollLeft + list.clientWidth)
      list.scrollLeft = Math.max(0, left - 24)
  }, [current, group])
  const pickSource = (m: Model) => {
    const first = presetsOf('poll', m)[0]
    if (first) store.getState().load(first.scenario, first.id)
    else setPicked({ model: m, over: running })
  }
  return (
    <div className="lem-presets" role="group" aria-label="Scenarios">
      {group === 'poll' && (
        <div className="lem-sources" role="group" aria-label="Event source">
          {POLL_MODELS.map((m) => (
            <button
              key={m}
              type="button"
              className="lem-chip"
              aria-pressed={source === m}
              onClick={() => pickSource(m)}
            >
              {MODEL_LABELS[m]}
            </button>
          ))}
        </div>
      )}
      {starter && (
        <button type="button" className="lem-btn lem-btn--small" onClick={() => store.getState().load(starter, null)}>
          Start a {MODEL_LABELS[model]} scenario
        </button>
      )}
      {!(typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__) && (
        <ScrollEdge target={strip} side="left" label="scenarios" />
      )}
      <ul ref={strip} className="lem-preset-list">
        {presets.map((p) => (
          <li key={p.id} className="lem-preset">
            {/* A link, not a button: it is a place (shareable), and its words must not collide with
                the playback buttons' names. */}
            <a
              className="lem-preset-btn"
              href={`?scenario=${encodeURIComponent(p.id)}`}
              aria-label={p.title}
              title={`${p.title}. ${p.description}`}
              aria-current={current === p.id ? 'true' : undefined}
              onClick={(e) => {
                e.preventDefault()
                store.getState().load(p.scenario, p.id)
              }}
            >
              {p.label}
            </a>
          </li>
        ))}
      </ul>
      {!(typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__) && (
        <ScrollEdge target={strip} side="right" label="scenarios" />
      )}
    </div>
  )
}
