import type { TransitionType } from '../engine'
import type { LoggedTransition } from './history'

/** Kinds of timeline markers: the moments a learner wants to jump to. */
export type MarkerKind = 'error' | 'throttle' | 'retry' | 'dlq' | 'coldStart'

export interface Marker {
  readonly kind: MarkerKind
  readonly at: number
  readonly step: number
  readonly text: string
}

export const MARKER_LABELS: Readonly<Record<MarkerKind, string>> = {
  error: 'Error',
  throttle: 'Throttle',
  retry: 'Retry',
  dlq: 'DLQ / on-failure',
  coldStart: 'Cold start',
}

const KIND: Partial<Record<TransitionType, MarkerKind>> = {
  functionError: 'error',
  timedOut: 'error',
  attemptFailed: 'error',
  callerTimedOut: 'error',
  throttled: 'throttle',
  retryScheduled: 'retry',
  retried: 'retry',
  dlq: 'dlq',
  discarded: 'dlq',
  expired: 'dlq',
  coldStart: 'coldStart',
}

/** The marker kind of a transition: by its type, and for a delivery by where it went (Transition.to). */
export function kindOf(t: LoggedTransition): MarkerKind | undefined {
  if (t.to === 'onFailure' || t.to === 'dlq' || t.to === 'discarded') return 'dlq'
  if (t.type === 'delivered') return undefined
  return KIND[t.type]
}

/** Markers from transitions (in step order), at most one per kind and step. */
export function markersOf(log: readonly LoggedTransition[]): Marker[] {
  return appendMarkers([], log)
}

/** Adds the markers of `log` (transitions after those of `out`, in step order) to `out`. */
export function appendMarkers(out: Marker[], log: readonly LoggedTransition[]): Marker[] {
  for (const t of log) {
    const kind = kindOf(t)
    if (!kind) continue
    let dup = false
    // One marker per kind and step; and a failure shown in one step (attemptFailed) and explained
    // in the next at the same millisecond (functionError) is one marker, on the step that shows it.
    for (let i = out.length - 1; i >= 0; i--) {
      const m = out[i]
      if (m === undefined || m.step < t.step - 1) break
      if (m.kind === kind && (m.step === t.step || (kind === 'error' && m.at === t.at))) dup = true
    }
    if (dup) continue
    out.push({ kind, at: t.at, step: t.step, text: t.text })
  }
  return out
}

/**
 * Keeps a marker list within `max`: the older half is thinned to every other marker of each kind
 * (the most recent markers stay exact), so a very long run keeps markers from its whole length.
 */
export function capMarkers(markers: readonly Marker[], max: number): readonly Marker[] {
  if (markers.length <= max) return markers
  const keep = markers.length - Math.floor(max / 2)
  const seen: Partial<Record<MarkerKind, number>> = {}
  const older = markers.slice(0, keep).filter((m) => {
    const n = (seen[m.kind] = (seen[m.kind] ?? 0) + 1)
    return n % 2 === 1
  })
  return [...older, ...markers.slice(keep)]
}

/** The first marker of a kind after the given step, or undefined. */
export function nextMarker(markers: readonly Marker[], kind: MarkerKind, afterStep: number): Marker | undefined {
  return markers.find((m) => m.kind === kind && m.step > afterStep)
}
