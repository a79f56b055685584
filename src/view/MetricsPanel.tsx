import { useMemo } from 'react'
import { metricsFor } from '../store/metrics'
import { useSim } from '../store/SimProvider'
import { Sparkline } from './Sparkline'
import { formatMs } from './tokenText'

/** Live CloudWatch-style metrics up to the playhead, one sparkline each. */
export function MetricsPanel() {
  const samples = useSim((s) => s.run.frontier.samples)
  const step = useSim((s) => s.run.cursor.step)
  const now = useSim((s) => s.run.cursor.now)
  const model = useSim((s) => s.run.scenario.model)
  const upto = useMemo(() => samples.filter((x) => x.step <= step), [samples, step])
  const last = upto[upto.length - 1]
  return (
    <section className="lem-metrics" aria-label="Metrics">
      {metricsFor(model).map((m) => {
        const value = last ? last[m.name] : 0
        return (
          <figure key={m.name} className="lem-metric" data-metric={m.name}>
            <figcaption className="lem-metric-head">
              <span className="lem-metric-name" title={m.help}>
                {m.label}
              </span>
              <span className="lem-metric-value">{m.unit === 'ms' ? formatMs(value) : value}</span>
            </figcaption>
            <Sparkline points={upto.map((x) => [x.at, x[m.name]] as const)} end={Math.max(now, 1)} />
          </figure>
        )
      })}
    </section>
  )
}
