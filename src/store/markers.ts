import type { TransitionType } from '../engine'
import type { LoggedTransition } from './history'

/**
 * Kinds of timeline markers: the moments a learner wants to jump to. The last three are the run's
 * turning points: a record given up so its shard or queue moves on, scaling reaching its limit,
 * and the end of the run.
 */
export type MarkerKind = 'error' | 'throttle' | 'retry' | 'dlq' | 'coldStart' | 'moveOn' | 'cap' | 'end'

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
  moveOn: 'Given up, moves on',
  cap: 'Limit reached',
  end: 'End',
}

/** Facts of a record given up (retention, redrive, the loop guard) after which the shard or queue moves on. */
const MOVE_ON: ReadonlySet<string> = new Set(['streamGaveUp', 'sqsExpired', 'sqsRedriven', 'sqsLoopStopped'])

/**
 * The turning point a transition is, if any: a record given up, or scaling at its cap (pollers
 * reaching the mapping's cap; a throttle is concurrency at its limit, the first one counts:
 * `capped` says whether a cap marker is already there, asked only of a throttle).
 */
export function turnOf(t: LoggedTransition, capped: () => boolean): MarkerKind | undefined {
  const f = t.fact
  if (MOVE_ON.has(f.kind)) return 'moveOn'
  if (f.kind === 'sqsScaled') return f.how.kind === 'scaleUp' && f.to >= f.how.cap ? 'cap' : undefined
  return t.type === 'throttled' && !capped() ? 'cap' : undefined
}

/** The marker of the run's last step (frontier.ts adds it when the run is finished). */
export function endMarker(at: number, step: number): Marker {
  return { kind: 'end', at, step, text: 'Run finished' }
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
  let capped: boolean | undefined
  const isCapped = () => (capped ??= out.some((m) => m.kind === 'cap'))
  for (const t of log) {
    const turn = turnOf(t, isCapped)
    if (turn) {
      if (turn === 'cap') capped = true
      const last = out[out.length - 1]
      if (!(last && last.kind === turn && last.step === t.step))
        out.push({ kind: turn, at: t.at, step: t.step, text: t.text })
    }
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
