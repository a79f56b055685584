import type { LaneSummary } from '../../store/compareSummary'
import { formatMs } from '../tokenText'

interface Row {
  readonly label: string
  readonly value: (s: LaneSummary) => string
}

const ROWS: readonly Row[] = [
  { label: 'What the caller saw', value: (s) => s.callerSaw },
  { label: 'Invocations (cold starts)', value: (s) => `${s.invocations} (${s.coldStarts})` },
  { label: 'Retries', value: (s) => String(s.retries) },
  { label: 'Throttles', value: (s) => String(s.throttles) },
  { label: 'Where failures went', value: (s) => s.failuresWent },
  {
    label: 'Latency p50 / p99 (arrival to final answer)',
    value: (s) => `${formatMs(s.latencyP50Ms)} / ${formatMs(s.latencyP99Ms)}`,
  },
  { label: 'All done at', value: (s) => formatMs(s.endedAtMs) },
]

/** The end of each run side by side; rows whose values differ are marked (in words too). */
export function CompareSummary({ lanes, labels }: { lanes: readonly LaneSummary[]; labels: readonly string[] }) {
  return (
    <section className="lem-compare-summary" aria-labelledby="lem-compare-summary-title">
      <h2 id="lem-compare-summary-title">What differed, by the end of the run</h2>
      <div className="lem-compare-table-wrap">
        <table className="lem-compare-table" data-testid="compare-summary">
          <thead>
            <tr>
              <th scope="col">Engine report</th>
              {labels.map((l) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const values = lanes.map(row.value)
              const differs = new Set(values).size > 1
              return (
                <tr key={row.label} data-differs={differs ? 'true' : undefined}>
                  <th scope="row">
                    {row.label}
                    {differs && <span className="lem-compare-differs"> (differs)</span>}
                  </th>
                  {values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
