import { useState } from 'react'
import { useSim } from '../store/SimProvider'

/** The running scenario's title on one line; its explanation opens under "About"; its doc link. */
export function ScenarioHeader() {
  const scenario = useSim((s) => s.run.scenario)
  const edited = useSim((s) => s.presetId === null)
  const [open, setOpen] = useState(false)
  return (
    <header className="lem-scenario">
      <div className="lem-scenario-line">
        <h2 className="lem-scenario-title">
          {scenario.title}
          {edited && <span className="lem-badge">custom</span>}
        </h2>
        {scenario.description && (
          <button type="button" className="lem-linkish" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'About'}
            <span className="lem-sr"> this scenario</span>
          </button>
        )}
        {scenario.docUrl && (
          <a className="lem-doc" href={scenario.docUrl} target="_blank" rel="noreferrer">
            AWS docs<span className="lem-sr"> for this scenario</span> ↗
          </a>
        )}
      </div>
      {open && <p className="lem-scenario-desc">{scenario.description}</p>}
    </header>
  )
}
