import { useSim } from '../store/SimProvider'
import { formatCountdown } from './tokenText'
import { progress } from './layout/progress'

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
 * has passed, with the time left as text in the ring's open bottom (the badge slots, layout/badges.ts).
 * Both follow the engine's deadline and the store's clock.
 */
export function TokenTimer({
  since,
  until,
  ring,
  readout,
}: {
  since: number
  until: number
  /** The ring's arc (badgeSlots). */
  ring: string
  /** Baseline of the readout, or null when the answer chip takes the bottom slot. */
  readout: number | null
}) {
  const left = useTimeLeft(until)
  const p = progress(until - left, since, until)
  return (
    <g className="lem-token-timer" data-countdown-ms={Math.round(left)}>
      <path className="lem-token-timer-ring" d={ring} pathLength={100} strokeDasharray={`${100 * p} 100`} />
      {readout !== null && (
        <text className="lem-token-countdown" data-badge="countdown" y={readout} textAnchor="middle" aria-hidden="true">
          {formatCountdown(left)}
        </text>
      )}
    </g>
  )
}
