import { useEffect, useId, useMemo, useState } from 'react'
import { GROUP_LABELS, MODEL_LABELS } from '../../scenarios'
import { startComparePlayback } from '../../store/comparePlayback'
import { createCompareStore } from '../../store/compareStore'
import { summarizeLane } from '../../store/compareSummary'
import { COMPARE_WORKLOADS, compareScenario, compareWorkloadById } from '../../scenarios/compareWorkloads'
import type { ComparedModel } from '../../scenarios/compareWorkloads'
import { CompareControls } from '../../view/compare/CompareControls'
import { CompareLane } from '../../view/compare/CompareLane'
import { CompareSummary } from '../../view/compare/CompareSummary'
import { CaptionDock } from '../../view/CaptionDock'
import { SimProvider } from '../../store/SimProvider'
import type { ThemeChoice } from '../../view/Visualizer'
import { effectiveTheme, loadTheme, saveTheme } from '../theme'
import { ThemeToggle } from '../ThemeToggle'
import { compareQuery } from './compareUrl'
import type { CompareLink } from './compareUrl'
import { useCompareKeys } from './useCompareKeys'
import { useCompareUrl } from './useCompareUrl'
import '../app.css'

const LABELS: Readonly<Record<ComparedModel, string>> = {
  sync: `${GROUP_LABELS.sync} (SDK RequestResponse)`,
  async: `${GROUP_LABELS.async} (SDK Event invoke)`,
  sqs: `${GROUP_LABELS.poll}: ${MODEL_LABELS.sqs} event source mapping`,
}

/** Short names for the tabs and the summary's columns. */
const SHORT: Readonly<Record<ComparedModel, string>> = {
  sync: GROUP_LABELS.sync,
  async: GROUP_LABELS.async,
  sqs: `${GROUP_LABELS.poll} (${MODEL_LABELS.sqs})`,
}

/**
 * `?compare=<workload>`: one workload through sync, async and SQS, on one clock. One model's
 * stage at a time, big enough to read (tabs switch; all three keep following the clock), drawn
 * the whole width of the screen so it is never below 1:1. Above it the one set of controls, under
 * it the shown model's caption: one screen. The summary of what differed follows below.
 */
export function ComparePage({ link }: { link: CompareLink }) {
  const known = compareWorkloadById(link.workloadId)
  const workload = known ?? COMPARE_WORKLOADS[0]
  const [store] = useState(() => createCompareStore(workload, { time: known ? link.time : 0 }))
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme)
  const lanes = store.getState().lanes
  const summaries = useMemo(
    () => lanes.map((l) => summarizeLane(l.model, compareScenario(workload, l.model))),
    [lanes, workload],
  )
  useEffect(() => startComparePlayback(store), [store])
  useCompareKeys(store)
  useCompareUrl(store)
  useEffect(() => {
    saveTheme(theme)
    document.documentElement.dataset.theme = effectiveTheme(theme)
  }, [theme])
  const [shown, setShown] = useState<ComparedModel>(lanes[0]?.model ?? 'sync')
  const tabs = useId()
  const shownLane = lanes.find((l) => l.model === shown)
  return (
    <div
      className="lem-root lem-app lem-compare-page"
      data-theme={theme === 'system' ? undefined : theme}
      data-testid="compare-page"
    >
      <header className="lem-app-header">
        <h1 className="lem-app-title">
          <span className="lem-app-mark" aria-hidden="true">
            λ
          </span>
          Compare the three models
        </h1>
        <label className="lem-field-inline lem-compare-pick">
          Workload
          <select
            className="lem-select"
            value={workload.id}
            onChange={(e) => {
              window.location.search = compareQuery(e.target.value, 0)
            }}
          >
            {COMPARE_WORKLOADS.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
              </option>
            ))}
          </select>
        </label>
        <a className="lem-btn" href="./">
          ← Back to the visualizer
        </a>
        <ThemeToggle theme={theme} onChange={setTheme} />
      </header>
      <main className="lem-compare">
        {!known && (
          <div className="lem-notice" role="alert" data-testid="notice">
            <p>
              There is no comparison called “{link.workloadId}”: showing “{workload.title}”.
            </p>
          </div>
        )}
        <div className="lem-compare-screen">
          <div className="lem-compare-bar">
            <div className="lem-tabs lem-compare-tabs" role="tablist" aria-label="Model shown">
              {lanes.map((lane) => (
                <button
                  key={lane.model}
                  type="button"
                  role="tab"
                  id={`${tabs}-tab-${lane.model}`}
                  aria-controls={`${tabs}-lane-${lane.model}`}
                  aria-selected={shown === lane.model}
                  className="lem-tab"
                  onClick={() => setShown(lane.model)}
                >
                  {SHORT[lane.model]}
                </button>
              ))}
            </div>
            <CompareControls store={store} />
          </div>
          <div className="lem-compare-lanes">
            {lanes.map((lane) => (
              <CompareLane
                key={lane.model}
                lane={lane}
                label={LABELS[lane.model]}
                hidden={shown !== lane.model}
                id={`${tabs}-lane-${lane.model}`}
              />
            ))}
          </div>
          {shownLane && (
            <div className="lem-compare-caption" data-model={shownLane.model}>
              <SimProvider store={shownLane.store}>
                <CaptionDock />
              </SimProvider>
            </div>
          )}
        </div>
        <div className="lem-compare-after">
          <p className="lem-compare-workload">{workload.description}</p>
          <CompareSummary lanes={summaries} labels={lanes.map((l) => SHORT[l.model])} />
        </div>
      </main>
    </div>
  )
}
