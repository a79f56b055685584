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
