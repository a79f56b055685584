import { useMemo } from 'react'
import { metricsFor, seriesAt } from '../store/metrics'
import { useSim } from '../store/SimProvider'
import { Sparkline } from './Sparkline'
import { formatMs } from './tokenText'

/** Live CloudWatch-style metrics at the playhead (the numbers are the cursor's state), one sparkline each up to it. */
export function MetricsPanel() {
  const samples = useSim((s) => s.run.frontier.samples)
  const cursor = useSim((s) => s.run.cursor)
  const model = useSim((s) => s.run.scenario.model)
  const upto = useMemo(() => seriesAt(samples, cursor), [samples, cursor])
  const last = upto[upto.length - 1]
  const now = cursor.now
  return (
    <section className="lem-metrics" aria-label="Metrics" data-step={cursor.step}>
      {metricsFor(model).map((m) => {
        const value = last ? last[m.name] : 0
        return (
          <figure key={m.name} className="lem-metric" data-metric={m.name} data-value={value}>
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
