import type { Attempt, Delivery, SimState } from '../engine'
import type { LoggedTransition } from '../store/history'

/** One line of an event's story, in time order. */
export interface StoryLine {
  readonly at: number
  readonly kind: 'attempt' | 'delivery' | 'transition'
  readonly title: string
  readonly detail: string
  readonly tone: 'ok' | 'bad' | 'throttle' | 'neutral'
  readonly url?: string
  /** The record Lambda sent with this delivery, as JSON text, and what to call it. */
  readonly record?: { readonly label: string; readonly json: string }
}

const RESULT: Record<Attempt['result'], string> = {
  success: 'succeeded',
  error: 'function error',
  timeout: 'timed out',
  throttled: 'throttled',
  running: 'running',
}

function attemptLine(a: Attempt, n: number): StoryLine {
  const where = a.environment ? ` in ${a.environment}${a.coldStart ? ' (cold start)' : ' (warm)'}` : ''
  const batch = a.batch ? `, batch ${a.batch}` : ''
  const end = a.endMs !== null ? `, ended at ${a.endMs} ms` : ''
  const reason = a.reason ? ` Reason: ${a.reason}.` : ''
  const tone =
    a.result === 'success' ? 'ok' : a.result === 'throttled' ? 'throttle' : a.result === 'running' ? 'neutral' : 'bad'
  return {
    at: a.atMs,
    kind: 'attempt',
    title: `Attempt ${n}: ${RESULT[a.result]}`,
    detail: `Started at ${a.atMs} ms${where}${batch}${end}.${reason}`,
    tone,
  }
}

function deliveryLine(d: Delivery): StoryLine {
  const parts = [
    d.status !== undefined ? `HTTP ${d.status}` : '',
    d.functionError ? `X-Amz-Function-Error: ${d.functionError}` : '',
    d.condition ? `condition ${d.condition}` : '',
    d.reason ? `Reason ${d.reason}` : '',
    d.target ? `to ${d.target}` : '',
  ].filter(Boolean)
  const to =
    d.to === 'caller'
      ? 'Answer to the caller'
      : d.to === 'dlq'
        ? 'Moved to the dead-letter queue'
        : d.to === 'discarded'
          ? 'Discarded'
          : d.to === 'onSuccess'
            ? 'Sent to the on-success destination'
            : 'Sent to the on-failure destination'
  const bad =
    d.to === 'dlq' ||
    d.to === 'discarded' ||
    d.to === 'onFailure' ||
    (d.status !== undefined && d.status >= 400) ||
    d.functionError !== undefined
  const line: StoryLine = {
    at: d.atMs,
    kind: 'delivery',
    title: to,
    detail: parts.join(' · '),
    tone: d.status === 429 ? 'throttle' : bad ? 'bad' : 'ok',
  }
  return d.record === undefined
    ? line
    : { ...line, record: { label: recordLabel(d), json: JSON.stringify(d.record, null, 2) } }
}

function recordLabel(d: Delivery): string {
  if (d.to === 'dlq')
    return d.target === 'sqs' || d.target === 'sns'
      ? `The ${d.target.toUpperCase()} message (JSON)`
      : 'The message (JSON)'
  if (d.target === 'eventbridge') return 'The EventBridge event (JSON)'
  return 'The record Lambda sends (JSON)'
}

/** The event's whole story: its attempts and deliveries (the report's data) and the captions that mention it. */
export function eventStory(
  s: SimState,
  log: readonly LoggedTransition[],
  id: string,
): { outcome: string; lines: StoryLine[] } | null {
  const ev = s.events.find((e) => e.id === id)
  if (!ev) return null
  const lines: StoryLine[] = [...ev.attempts.map((a, i) => attemptLine(a, i + 1)), ...ev.deliveries.map(deliveryLine)]
  for (const t of log) {
    if (t.step > s.step || !t.events?.includes(id)) continue
    lines.push({ at: t.at, kind: 'transition', title: t.type, detail: t.text, tone: 'neutral', url: t.ref.url })
  }
  const order = { transition: 0, attempt: 1, delivery: 2 }
  lines.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind])
  return { outcome: ev.outcome, lines }
}
