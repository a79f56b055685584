import { memo } from 'react'
import type { EnvLayout } from './geometry'
import { EnvProgress } from './EnvProgress'
import { ENV_WORDS } from './tokenText'

/** One execution environment: its id, lifecycle state (shape of the badge and words), and the invocation's progress. */
export const EnvCard = memo(function EnvCard({ layout }: { layout: EnvLayout }) {
  const { env, x, y, w, h, hidden } = layout
  const running = env.state === 'init' || env.state === 'busy'
  return (
    <g className={`lem-env lem-env--${env.state}`} data-env-id={env.id} data-env-state={env.state}>
      <rect className="lem-env-box" x={x} y={y} width={w} height={h} rx={10} />
      <text className="lem-env-id" x={x + 10} y={y + 22}>
        {env.id}
        {env.provisioned ? ' · PC' : ''}
      </text>
      <text className="lem-env-state" x={x + 10} y={y + 44}>
        {ENV_WORDS[env.state]}
      </text>
      {running && env.busyUntil !== null && <EnvProgress x={x + 8} y={y + h - 14} w={w - 16} env={env} />}
      {!running && env.served > 0 && (
        <text className="lem-env-served" x={x + 10} y={y + h - 12}>
          served {env.served}
        </text>
      )}
      {hidden > 0 && (
        <text className="lem-node-more" x={x + w - 10} y={y + 76} textAnchor="end">
          +{hidden}
        </text>
      )}
      {env.provisioned && <title>Provisioned concurrency: initialised ahead, no cold start</title>}
    </g>
  )
})
