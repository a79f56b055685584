import { useSim } from '../store/SimProvider'
import { TIMER_R } from './layout/metrics'
import { progress } from './layout/progress'

const C = 2 * Math.PI * TIMER_R

/** A countdown ring around a waiting token: how much of its wait (retry delay, visibility timeout) has passed. */
export function TokenTimer({ since, until }: { since: number; until: number }) {
  const clock = useSim((s) => s.clock)
  const p = progress(clock, since, until)
  return <circle className="lem-token-timer" r={TIMER_R} strokeDasharray={`${C * p} ${C}`} transform="rotate(-90)" />
}
