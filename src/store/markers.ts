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
  callerTimedOut: 'error',
  throttled: 'throttle',
  retryScheduled: 'retry',
  retried: 'retry',
  dlq: 'dlq',
  discarded: 'dlq',
  expired: 'dlq',
  coldStart: 'coldStart',
}

function kindOf(t: LoggedTransition): MarkerKind | undefined {
  // A delivery is a DLQ / on-failure move only when it reports a failure.
  if (t.type === 'delivered') return /on-failure|OnFailure|failure destination/i.test(t.text) ? 'dlq' : undefined
  return KIND[t.type]
}

/** Markers from the transition log; at most one per kind and step. */
export function markersOf(log: readonly LoggedTransition[]): Marker[] {
  const out: Marker[] = []
  const seen = new Set<string>()
  for (const t of log) {
    const kind = kindOf(t)
    if (!kind) continue
    const key = `${kind}:${t.step}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ kind, at: t.at, step: t.step, text: t.text })
  }
  return out
}

/** The first marker of a kind after the given step, or undefined. */
export function nextMarker(markers: readonly Marker[], kind: MarkerKind, afterStep: number): Marker | undefined {
  return markers.find((m) => m.kind === kind && m.step > afterStep)
}
