import { useSim } from '../store/SimProvider'
import { COUNTDOWN_BASELINE, TIMER_R } from './layout/metrics'
import { progress } from './layout/progress'
import { formatCountdown } from './tokenText'

const C = 2 * Math.PI * TIMER_R

/** Time left until `until` on the sim clock (ms, never below 0). */
export function useTimeLeft(until: number): number {
  return useSim((s) => Math.max(0, until - s.clock))
}

/**
 * The time left as the readout shows it, for names and titles: a string, so its users re-render
 * when the text changes (every 0.1 s or 1 s), not at every frame of playback.
 */
export function useCountdownText(until: number | null): string | null {
  return useSim((s) => (until === null ? null : formatCountdown(until - s.clock)))
}

/**
 * A countdown ring around a waiting token: how much of its wait (retry delay, visibility timeout)
 * has passed, with the time left as text. Both follow the engine's deadline and the store's clock.
 */
export function TokenTimer({ since, until, readout = true }: { since: number; until: number; readout?: boolean }) {
  const left = useTimeLeft(until)
  const p = progress(until - left, since, until)
  return (
    <g className="lem-token-timer" data-countdown-ms={Math.round(left)}>
      <circle className="lem-token-timer-ring" r={TIMER_R} strokeDasharray={`${C * p} ${C}`} transform="rotate(-90)" />
      {readout && (
        <text className="lem-token-countdown" y={COUNTDOWN_BASELINE} textAnchor="middle" aria-hidden="true">
          {formatCountdown(left)}
        </text>
      )}
    </g>
  )
}
