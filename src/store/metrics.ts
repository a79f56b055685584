import { percentile } from '../engine'
import type { Model, SimState } from '../engine'

/**
 * Metric values of one engine state (CloudWatch names). Counts are running totals since the start
 * of the run; ages are the largest seen so far, as the report has them. The panel reads its numbers
 * from the state at the cursor (seriesAt), so they always agree with the stage.
 */
export interface Sample {
  readonly step: number
  readonly at: number
  readonly Invocations: number
  readonly Errors: number
  readonly Throttles: number
  readonly ConcurrentExecutions: number
  readonly Duration: number
  readonly QueueDepth: number
  readonly AsyncEventAge: number
  readonly IteratorAge: number
  readonly DLQSize: number
}

export type MetricName = Exclude<keyof Sample, 'step' | 'at'>

export interface MetricInfo {
  readonly name: MetricName
  /** The CloudWatch name shown to the user. */
  readonly label: string
  readonly unit: 'count' | 'ms'
  readonly help: string
}

const ALL: readonly MetricInfo[] = [
  {
    name: 'Invocations',
    label: 'Invocations',
    unit: 'count',
    help: 'Times the function code ran (a batch counts once); throttled tries are not invocations.',
  },
  { name: 'Errors', label: 'Errors', unit: 'count', help: 'Invocations that ended in a function error or timeout.' },
  {
    name: 'Throttles',
    label: 'Throttles',
    unit: 'count',
    help: 'Invoke requests rejected for lack of concurrency (429).',
  },
  {
    name: 'ConcurrentExecutions',
    label: 'ConcurrentExecutions',
    unit: 'count',
    help: 'Environments busy right now (Init or handler).',
  },
  { name: 'Duration', label: 'Duration (p50)', unit: 'ms', help: 'Median handler time so far.' },
  {
    name: 'QueueDepth',
    label: 'Queue depth',
    unit: 'count',
    help: 'Events waiting in the queue or stream, or for a retry.',
  },
  { name: 'AsyncEventAge', label: 'AsyncEventAge (max)', unit: 'ms', help: 'Longest time from enqueue to an attempt.' },
  {
    name: 'IteratorAge',
    label: 'IteratorAge (max)',
    unit: 'ms',
    help: 'Longest time from a record reaching the stream to the end of its invocation.',
  },
  { name: 'DLQSize', label: 'Dead-letter messages', unit: 'count', help: 'Messages moved to a dead-letter queue.' },
]

/** The metrics that exist for a model (others are left out rather than drawn flat). */
export function metricsFor(model: Model): readonly MetricInfo[] {
  const extra: Record<Model, readonly MetricName[]> = {
    sync: [],
    async: ['QueueDepth', 'AsyncEventAge', 'DLQSize'],
    sqs: ['QueueDepth', 'DLQSize'],
    'sqs-fifo': ['QueueDepth', 'DLQSize'],
    kinesis: ['QueueDepth', 'IteratorAge'],
    dynamodb: ['QueueDepth', 'IteratorAge'],
  }
  const base: readonly MetricName[] = ['Invocations', 'Errors', 'Throttles', 'ConcurrentExecutions', 'Duration']
  const names = new Set<MetricName>([...base, ...extra[model]])
  return ALL.filter((m) => names.has(m.name))
}

const WAITING = new Set(['queued', 'batching', 'waiting', 'invisible'])

export function sampleOf(s: SimState): Sample {
  const m = s.metrics
  let depth = 0
  if (s.scenario.model !== 'sync') for (const e of s.events) if (WAITING.has(e.stage)) depth++
  return {
    step: s.step,
    at: s.now,
    Invocations: m.Invocations,
    Errors: m.Errors,
    Throttles: m.Throttles,
    ConcurrentExecutions: s.concurrency.busy,
    Duration: percentile(m.durationHist, m.durationCount, 50),
    QueueDepth: depth,
    AsyncEventAge: m.MaxAsyncEventAgeMs,
    IteratorAge: m.MaxIteratorAgeMs,
    DLQSize: m.DeadLetterMessages,
  }
}

/**
 * What the metrics panel shows at the cursor: the samples the run computed before the cursor's
 * step, then the cursor's own values (last, so the numbers are the stage's). Nothing after the
 * playhead is drawn. `samples` is in step order.
 */
export function seriesAt(samples: readonly Sample[], cursor: SimState): readonly Sample[] {
  let lo = 0
  let hi = samples.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((samples[mid]?.step ?? cursor.step) < cursor.step) lo = mid + 1
    else hi = mid
  }
  return [...samples.slice(0, lo), sampleOf(cursor)]
}
