/** Playback speed: virtual milliseconds per wall millisecond. */
export const MIN_SPEED = 0.1
export const MAX_SPEED = 1000
export const SPEED_PRESETS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000]

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed))
}

/** Wall time (ms) an idle gap may take at most when "skip idle" is on. */
export const IDLE_GAP_WALL_MS = 600

/**
 * The rate while nothing runs: fast enough that the whole gap (a 60 s retry delay, a 30 s
 * visibility timeout) passes in IDLE_GAP_WALL_MS, never slower than the chosen speed.
 */
export function idleRate(speed: number, gapMs: number): number {
  return Math.max(speed, gapMs / IDLE_GAP_WALL_MS)
}

/** Speed on a log scale, for a slider from 0 to 1. */
export function speedFromSlider(x: number): number {
  const k = Math.min(1, Math.max(0, x))
  return clampSpeed(Math.round(MIN_SPEED * (MAX_SPEED / MIN_SPEED) ** k * 100) / 100)
}

export function sliderFromSpeed(speed: number): number {
  return Math.log(clampSpeed(speed) / MIN_SPEED) / Math.log(MAX_SPEED / MIN_SPEED)
}

export function formatSpeed(speed: number): string {
  return `${speed >= 10 ? Math.round(speed) : Number(speed.toFixed(2))}×`
}

/**
 * Beat paces: wall milliseconds each beat stays on screen while playing (beats.ts), long enough to
 * read its caption whatever the simulated time between beats. The middle one is the default.
 */
export const BEAT_PACES: readonly number[] = [3000, 1500, 700]
export const DEFAULT_BEAT_MS = 1500

export function clampBeatMs(ms: number | null): number | null {
  if (ms === null) return null
  return Number.isFinite(ms) ? Math.min(10000, Math.max(200, ms)) : DEFAULT_BEAT_MS
}

export function formatBeatPace(ms: number): string {
  return `${ms === DEFAULT_BEAT_MS ? 'Beats' : ms > DEFAULT_BEAT_MS ? 'Beats, slow' : 'Beats, quick'} (${Number((ms / 1000).toFixed(1))} s)`
}
