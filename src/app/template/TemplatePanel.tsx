import { useEffect, useRef, useState } from 'react'
import type { Scenario } from '../../engine'
import { useSimStore } from '../../store/SimProvider'
import { TemplateError, WORKLOAD_DESCRIPTIONS, WORKLOAD_SHAPES, findingConcerns, importTemplate } from '../../templates'
import type { Finding, TemplateImport, WorkloadShape } from '../../templates'
import { useReducedMotion } from '../../view/useReducedMotion'
import { SAMPLES } from './samples'
import './template.css'

type State = { readonly result: TemplateImport } | { readonly problem: string } | null

function read(text: string, workload: WorkloadShape): State {
  try {
    return { result: importTemplate(text, { workload }) }
  } catch (e) {
    return { problem: e instanceof TemplateError ? e.message : 'This file could not be read as a template.' }
  }
}

/**
 * "Your template": paste, drop or pick a SAM / CloudFormation template; the functions and triggers
 * found, each with its findings, and one click to load a function × trigger onto the stage. The
 * template is read here, in the browser; the share link holds the scenario, never the template.
 */
export default function TemplatePanel() {
  const store = useSimStore()
  const [text, setText] = useState('')
  const [workload, setWorkload] = useState<WorkloadShape>('steady')
  const [state, setState] = useState<State>(null)
  const [loaded, setLoaded] = useState<string | null>(null)
  const outcome = useRef<HTMLDivElement>(null)
  const still = useReducedMotion()
  // A read's outcome is below the text box, out of the panel's view where it is short (1280x720):
  // brought into view, so picking a sample or reading a template visibly answers.
  useEffect(() => {
    if (state !== null) outcome.current?.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' })
  }, [state, still])
  const open = (t: string, w = workload) => {
    setText(t)
    setState(t.trim() === '' ? null : read(t, w))
    setLoaded(null)
  }
  const show = (key: string, scenario: Scenario) => {
    store.getState().load(scenario, null)
    setLoaded(key)
    // On a phone the stage is below this panel: the reader is taken to what they asked to see, once
    // the new scenario is drawn (its title and stage change the page's height).
    const app = outcome.current?.closest('.lem-app')
    requestAnimationFrame(() => {
      const line = app?.querySelector('.lem-scenario-line')
      const top = line?.getBoundingClientRect().top
      if (line && top !== undefined && (top < 0 || top > window.innerHeight / 2))
        line.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' })
    })
  }
  const onFile = (file: File | undefined) => {
    if (!file) return
    if (file.size > 3 * 1024 * 1024) return setState({ problem: `${file.name} is larger than 3 MB: not a template.` })
    void file.text().then((t) => open(t))
  }
  return (
    <div className="lem-template" data-testid="template-panel">
      <div className="lem-guide-head">
        <h2 className="lem-guide-title">Your template</h2>
      </div>
      <p className="lem-template-privacy">Read in this browser only: nothing is uploaded.</p>
      <label className="lem-template-label" htmlFor="lem-template-text">
        Paste a SAM or CloudFormation template (YAML or JSON), drop a file, or pick a sample
      </label>
      <textarea
        id="lem-template-text"
        className="lem-template-text"
        value={text}
        spellCheck={false}
        rows={6}
        placeholder="Resources:&#10;  MyFunction:&#10;    Type: AWS::Serverless::Function"
        onChange={(e) => setText(e.target.value)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault()
          onFile(e.dataTransfer.files[0])
        }}
        data-testid="template-text"
      />
      <div className="lem-template-row">
        <button
          type="button"
          className="lem-btn lem-btn--primary"
          onClick={() => open(text)}
          data-testid="template-read"
        >
          Read template
        </button>
        <label className="lem-btn lem-template-file">
          Open a file…
          <input type="file" accept=".yaml,.yml,.json,.template" onChange={(e) => onFile(e.target.files?.[0])} />
        </label>
      </div>
      <div className="lem-template-row">
        <label className="lem-field-inline">
          <span>Sample</span>
          <select
            className="lem-select"
            value=""
            onChange={(e) => {
              const s = SAMPLES.find((x) => x.id === e.target.value)
              if (s) open(s.text)
            }}
            data-testid="template-sample"
          >
            <option value="">Pick one…</option>
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="lem-field-inline">
          <span>Traffic</span>
          <select
            className="lem-select"
            value={workload}
            onChange={(e) => {
              const w = e.target.value as WorkloadShape
              setWorkload(w)
              if (text.trim() !== '') open(text, w)
            }}
            title={WORKLOAD_DESCRIPTIONS[workload]}
          >
            {WORKLOAD_SHAPES.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div ref={outcome} className="lem-template-outcome">
        <div role="status" aria-live="polite">
          {state && 'problem' in state && (
            <p className="lem-guide-problem" data-testid="template-problem">
              {state.problem}
            </p>
          )}
        </div>
        {state && 'result' in state && <Results result={state.result} loaded={loaded} onShow={show} />}
      </div>
    </div>
  )
}

/** "See it": loads the finding's consequence scenario, when it has one. */
function seeIt(f: Finding, key: string, onShow: (key: string, s: Scenario) => void): (() => void) | undefined {
  const s = f.seeIt
  return s ? () => onShow(key, s) : undefined
}

function FindingItem({ f, onSee }: { f: Finding; onSee?: () => void }) {
  return (
    <li className="lem-finding" data-severity={f.severity} data-rule={f.rule}>
      <span className="lem-finding-sev">{f.severity === 'error' ? '✗ Error' : '⚠ Warning'}</span>{' '}
      <span className="lem-finding-where">
        {f.resource}
        {f.property ? ` · ${f.property}` : ''}
      </span>
      <p>{f.message}</p>
      <a href={f.docUrl} target="_blank" rel="noreferrer">
        AWS docs ↗
      </a>
      {onSee && (
        <button type="button" className="lem-btn lem-template-see" onClick={onSee}>
          See it
        </button>
      )}
    </li>
  )
}

function Results({
  result,
  loaded,
  onShow,
}: {
  result: TemplateImport
  loaded: string | null
  onShow: (key: string, s: Scenario) => void
}) {
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const warnings = result.findings.length - errors
  return (
    <div className="lem-template-results" data-testid="template-results">
      <p className="lem-template-summary">
        {result.scenarios.length} function × trigger {result.scenarios.length === 1 ? 'pair' : 'pairs'} · {errors}{' '}
        {errors === 1 ? 'error' : 'errors'} · {warnings} {warnings === 1 ? 'warning' : 'warnings'}
      </p>
      <ul className="lem-template-list">
        {result.scenarios.map((s) => {
          const key = `${s.function}/${s.trigger}`
          const mine = result.findings.filter((f) => findingConcerns(f, s))
          return (
            <li key={key} className="lem-template-item">
              <div className="lem-template-item-head">
                <span>
                  <strong>{s.function}</strong> ← {s.trigger}{' '}
                  <span className="lem-template-type">({s.triggerType})</span>
                </span>
                <button
                  type="button"
                  className="lem-btn"
                  aria-pressed={loaded === key}
                  onClick={() => onShow(key, s.scenario)}
                  data-testid="template-load"
                >
                  {loaded === key ? 'On the stage' : 'Show on stage'}
                </button>
              </div>
              {mine.length > 0 && (
                <ul className="lem-findings">
                  {mine.map((f, i) => (
                    <FindingItem key={`${f.rule}:${i}`} f={f} onSee={seeIt(f, `${key}:see:${i}`, onShow)} />
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
      {(() => {
        const rest = result.findings.filter((f) => !result.scenarios.some((s) => findingConcerns(f, s)))
        return rest.length > 0 ? (
          <>
            <h3 className="lem-template-h">Other findings</h3>
            <ul className="lem-findings">
              {rest.map((f, i) => (
                <FindingItem key={`${f.rule}:${i}`} f={f} onSee={seeIt(f, `other:${i}`, onShow)} />
              ))}
            </ul>
          </>
        ) : null
      })()}
      {result.unsupported.length > 0 && (
        <details className="lem-template-unsupported">
          <summary>Not simulated ({result.unsupported.length})</summary>
          <ul>
            {result.unsupported.map((u, i) => (
              <li key={i}>
                {u.resource} ({u.type}){u.property ? ` · ${u.property}` : ''}: {u.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
