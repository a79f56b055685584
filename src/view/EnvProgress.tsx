import type { StageEnv } from '../engine'
import { useSim } from '../store/SimProvider'
import { PROGRESS_H } from './layout/metrics'
import { progress } from './layout/progress'

/** Progress of the running invocation, with the Init part of a cold start drawn apart. */
export function EnvProgress({ x, y, w, env }: { x: number; y: number; w: number; env: StageEnv }) {
  const clock = useSim((s) => s.clock)
  const end = env.busyUntil ?? env.since
  const total = Math.max(1, end - env.since)
  const initW = env.initUntil !== null ? (w * Math.max(0, env.initUntil - env.since)) / total : 0
  const p = progress(clock, env.since, end)
  return (
    <g className="lem-env-progress" role="presentation">
      <rect className="lem-env-track" x={x} y={y} width={w} height={PROGRESS_H} rx={PROGRESS_H / 2} />
      {initW > 0 && <rect className="lem-env-init" x={x} y={y} width={initW} height={PROGRESS_H} rx={PROGRESS_H / 2} />}
      <rect className="lem-env-fill" x={x} y={y} width={w * p} height={PROGRESS_H} rx={PROGRESS_H / 2} />
    </g>
  )
}
