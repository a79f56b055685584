import { useState } from 'react'
import { useSim } from '../store/SimProvider'

/** The running scenario's title, explanation (two lines until opened) and doc link. */
export function ScenarioHeader() {
  const scenario = useSim((s) => s.run.scenario)
  const edited = useSim((s) => s.presetId === null)
  const [open, setOpen] = useState(false)
  const long = scenario.description.length > 160
  return (
    <header className="lem-scenario">
      <h2 className="lem-scenario-title">
        {scenario.title}
        {edited && <span className="lem-badge">custom</span>}
      </h2>
      {scenario.description && <p className={`lem-scenario-desc${open ? ' lem-scenario-desc--open' : ''}`}>{scenario.description}</p>}
      {long && (
        <button type="button" className="lem-linkish" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Less' : 'More'}
        </button>
      )}
      {scenario.docUrl && (
        <a className="lem-doc" href={scenario.docUrl} target="_blank" rel="noreferrer">
          Read the AWS documentation ↗
        </a>
      )}
    </header>
  )
}
