import type { Model, Scenario } from '../engine'
import { defaultAt } from '../engine'
import { numberRuleAt, parseScenario } from '../scenarios'
import { allowedWords, fieldName, problemWords, valueWords } from '../scenarios/problemWords'

/**
 * The knobs panel's fields: AWS names and a one-line explanation. The allowed values and defaults
 * shown under each come from the schema's rules and the engine's defaults (knobRange); the parser
 * (parseScenario) is what accepts or rejects a value, and a rejection is worded from the same rule
 * (knobProblem), never from a second copy of it.
 */
export type KnobKind = 'int' | 'number' | 'intOrNull' | 'duration' | 'bool' | 'choice'

export interface Knob {
  /** Path in the scenario, such as "function.timeout". */
  readonly path: string
  readonly label: string
  readonly kind: KnobKind
  /** What the schema's range and the default cannot say (units, a rule between fields). */
  readonly note?: string
  /** False where the default depends on another field (shown in the note instead). */
  readonly showDefault?: false
  readonly help: string
  readonly options?: readonly (string | null)[]
}

const FUNCTION_KNOBS: readonly Knob[] = [
  {
    path: 'function.timeout',
    label: 'Timeout',
    kind: 'int',
    note: 'in seconds',
    help: 'How long the handler may run before Lambda stops it (Unhandled error, environment reset).',
  },
  {
    path: 'function.reservedConcurrentExecutions',
    label: 'ReservedConcurrentExecutions',
    kind: 'intOrNull',
    help: 'Caps this function’s environments and sets them aside for it; 0 throttles every request.',
  },
  {
    path: 'function.provisionedConcurrentExecutions',
    label: 'ProvisionedConcurrentExecutions',
    kind: 'int',
    note: 'at most the reserved concurrency',
    help: 'Environments initialised ahead of time: no cold start until they are all busy.',
  },
  {
    path: 'function.initDurationMs',
    label: 'Init duration (ms)',
    kind: 'int',
    help: 'The Init phase of a cold start, before the handler runs.',
  },
  {
    path: 'function.durationMs',
    label: 'Handler duration (ms)',
    kind: 'duration',
    note: 'or a range such as 80-200',
    help: 'Handler time per invocation (per batch for poll-based); "80-200" draws from a range.',
  },
  {
    path: 'function.errorRate',
    label: 'Error rate',
    kind: 'number',
    help: 'Chance that an invocation throws, drawn from the seeded random generator.',
  },
  {
    path: 'account.concurrencyLimit',
    label: 'Account concurrency limit',
    kind: 'int',
    help: 'ConcurrentExecutions quota shared by every function of the account in the Region.',
  },
  {
    path: 'account.scalingRatePer10s',
    label: 'Scaling rate per 10 s',
    kind: 'int',
    help: 'New environments a function may add per 10 seconds (refilled continuously).',
  },
]

const SYNC_KNOBS: readonly Knob[] = [
  {
    path: 'sync.caller',
    label: 'Caller',
    kind: 'choice',
    options: ['api-gateway', 'alb', 'function-url', 'sdk'],
    help: 'Who calls Invoke and waits for the answer.',
  },
  {
    path: 'sync.callerTimeoutMs',
    label: 'Caller timeout (ms)',
    kind: 'intOrNull',
    note: 'default depends on the caller',
    showDefault: false,
    help: 'How long the caller waits per attempt before answering 504 (the function may run on).',
  },
  {
    path: 'sync.clientMaxAttempts',
    label: 'Client max attempts',
    kind: 'int',
    help: 'The caller’s own retries after a 429 or its timeout; Lambda never retries a sync call.',
  },
]

const ASYNC_KNOBS: readonly Knob[] = [
  {
    path: 'async.maximumRetryAttempts',
    label: 'MaximumRetryAttempts',
    kind: 'int',
    help: 'Retries after a function error (about 1 min, then 2 min apart).',
  },
  {
    path: 'async.maximumEventAgeInSeconds',
    label: 'MaximumEventAgeInSeconds',
    kind: 'int',
    help: 'How long Lambda keeps trying an event before giving up on it.',
  },
  {
    path: 'async.onSuccess',
    label: 'On-success destination',
    kind: 'choice',
    options: [null, 'sqs', 'sns', 'eventbridge', 'lambda'],
    help: 'Where Lambda sends a record of each successful invocation.',
  },
  {
    path: 'async.onFailure',
    label: 'On-failure destination',
    kind: 'choice',
    options: [null, 'sqs', 'sns', 'eventbridge', 'lambda', 's3'],
    help: 'Where Lambda sends an event it gave up on, with the reason.',
  },
  {
    path: 'async.deadLetterQueue',
    label: 'Dead-letter queue',
    kind: 'choice',
    options: [null, 'sqs', 'sns'],
    help: 'The older alternative to an on-failure destination: the event only.',
  },
]

const SQS_KNOBS: readonly Knob[] = [
  {
    path: 'sqs.batchSize',
    label: 'BatchSize',
    kind: 'int',
    note: 'FIFO at most 10',
    help: 'Most messages per invocation; above 10 needs a batching window.',
  },
  {
    path: 'sqs.maximumBatchingWindowInSeconds',
    label: 'MaximumBatchingWindowInSeconds',
    kind: 'int',
    help: 'How long the poller gathers messages before invoking.',
  },
  {
    path: 'sqs.visibilityTimeout',
    label: 'VisibilityTimeout (s)',
    kind: 'int',
    note: 'in seconds, at least the function timeout',
    help: 'How long a received message stays hidden before it can be received again.',
  },
  {
    path: 'sqs.maxReceiveCount',
    label: 'maxReceiveCount',
    kind: 'intOrNull',
    help: 'Receives before the queue moves a message to its dead-letter queue.',
  },
  {
    path: 'sqs.reportBatchItemFailures',
    label: 'ReportBatchItemFailures',
    kind: 'bool',
    help: 'Retry only the messages the handler reports as failed.',
  },
  {
    path: 'sqs.maximumConcurrency',
    label: 'MaximumConcurrency',
    kind: 'intOrNull',
    help: 'Most concurrent invocations this mapping may start.',
  },
  {
    path: 'sqs.functionSendsToSameQueue',
    label: 'Handler sends to its own queue',
    kind: 'bool',
    help: 'A bug that makes a recursive loop: each processed message is sent back to this queue.',
  },
  {
    path: 'function.recursiveLoop',
    label: 'RecursiveLoop',
    kind: 'choice',
    options: ['Terminate', 'Allow'],
    help: 'Terminate stops a loop after 16 invocations; Allow lets it run (needs a stop time).',
  },
  {
    path: 'sqs.minimumPollers',
    label: 'MinimumPollers (provisioned mode)',
    kind: 'intOrNull',
    help: 'Event pollers kept ready; each runs up to 10 invocations at once. Not with MaximumConcurrency.',
  },
  {
    path: 'sqs.maximumPollers',
    label: 'MaximumPollers (provisioned mode)',
    kind: 'intOrNull',
    help: 'Most event pollers the mapping scales to (10 invocations each). Not with MaximumConcurrency.',
  },
]

const STREAM_KNOBS: readonly Knob[] = [
  {
    path: 'stream.shards',
    label: 'Shards',
    kind: 'int',
    help: 'Shards of the stream; each is read in order by its own poller.',
  },
  {
    path: 'stream.batchSize',
    label: 'BatchSize',
    kind: 'int',
    help: 'Most records per invocation.',
  },
  {
    path: 'stream.maximumBatchingWindowInSeconds',
    label: 'MaximumBatchingWindowInSeconds',
    kind: 'int',
    help: 'How long the poller gathers records before invoking.',
  },
  {
    path: 'stream.parallelizationFactor',
    label: 'ParallelizationFactor',
    kind: 'int',
    help: 'Concurrent batches per shard (records of one key stay in order).',
  },
  {
    path: 'stream.maximumRetryAttempts',
    label: 'MaximumRetryAttempts',
    kind: 'int',
    help: 'Retries of a failing batch before it is sent on-failure and skipped.',
  },
  {
    path: 'stream.maximumRecordAgeInSeconds',
    label: 'MaximumRecordAgeInSeconds',
    kind: 'int',
    help: 'Records older than this are skipped (sent on-failure).',
  },
  {
    path: 'stream.bisectBatchOnFunctionError',
    label: 'BisectBatchOnFunctionError',
    kind: 'bool',
    help: 'Split a failing batch in two to isolate a poison record.',
  },
  {
    path: 'stream.reportBatchItemFailures',
    label: 'ReportBatchItemFailures',
    kind: 'bool',
    help: 'Checkpoint up to the first failed record instead of retrying all.',
  },
  {
    path: 'stream.onFailure',
    label: 'On-failure destination',
    kind: 'choice',
    options: [null, 'sqs', 'sns', 's3'],
    help: 'Where metadata of discarded batches is sent.',
  },
]

export function knobsFor(model: Model): readonly Knob[] {
  if (model === 'sync') return [...SYNC_KNOBS, ...FUNCTION_KNOBS]
  if (model === 'async') return [...ASYNC_KNOBS, ...FUNCTION_KNOBS]
  if (model === 'sqs' || model === 'sqs-fifo') return [...SQS_KNOBS, ...FUNCTION_KNOBS]
  return [...STREAM_KNOBS, ...FUNCTION_KNOBS]
}

export function readKnob(s: Scenario, path: string): unknown {
  let v: unknown = s
  for (const k of path.split('.'))
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
  return v
}

/** The field's current value as the text shown in its input. */
export function knobText(knob: Knob, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (knob.kind === 'duration' && typeof value === 'object') {
    const r = value as { min: number; max: number }
    return `${r.min}-${r.max}`
  }
  return String(value)
}

/** Turns typed text into the JSON value to validate; unparseable text is passed on as is, for the parser to name. */
export function knobValue(knob: Knob, text: string): unknown {
  const t = text.trim()
  if (knob.kind === 'intOrNull' && t === '') return null
  if (knob.kind === 'duration') {
    const m = /^(\d+)\s*[-–]\s*(\d+)$/.exec(t)
    if (m) return { min: Number(m[1]), max: Number(m[2]) }
  }
  if (knob.kind === 'int' || knob.kind === 'number' || knob.kind === 'intOrNull' || knob.kind === 'duration') {
    return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t
  }
  return t
}

/** A copy of the scenario (as plain JSON) with one field replaced. */
export function withKnob(s: Scenario, path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(s)) as Record<string, unknown>
  const keys = path.split('.')
  const last = keys.pop() ?? path
  let obj = copy
  for (const k of keys) obj = obj[k] as Record<string, unknown>
  obj[last] = value
  return copy
}

/**
 * One knob changed, through the parser: the new scenario, or the rejection in plain words
 * (knobProblem). What to do with the scenario (restart or fork the run) is the caller's choice.
 */
export function applyKnob(
  current: Scenario,
  knob: Knob,
  raw: unknown,
): { readonly scenario: Scenario } | { readonly problem: string } {
  const r = parseScenario(withKnob(current, knob.path, raw))
  return r.ok ? { scenario: r.scenario } : { problem: knobProblem(knob, raw, current, r.issues) }
}

const count = (n: number): string => n.toLocaleString('en-US')

/** A default as the knob's hint shows it. */
function defaultText(value: unknown): string | null {
  if (value === undefined) return null
  if (value === null) return 'none'
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  return typeof value === 'number' ? count(value) : String(value)
}

/**
 * The hint under a knob ("1–900, in seconds, default 3"): its allowed values from the schema's
 * rule for this scenario, its note, and its default from the engine's defaults; never typed again.
 */
export function knobRange(scenario: Scenario, knob: Knob): string {
  const rule = numberRuleAt(scenario, knob.path)
  const def = knob.showDefault === false ? undefined : defaultAt(knob.path)
  const parts: string[] = []
  if (rule) {
    const span = `${count(rule.min)}–${count(rule.max)}`
    const others = rule.alternatives.map(([v, meaning]) => `${v === null ? 'empty' : count(v)} = ${meaning}`)
    parts.push(others.length > 0 ? `${others.join(', ')}, or ${span}` : span)
  }
  if (knob.note) parts.push(knob.note)
  // A null default of a numeric field is already named by its alternative ("empty = unreserved").
  const shown = rule && def === null ? null : defaultText(def)
  if (shown !== null) parts.push(`default ${shown}`)
  return parts.join(', ')
}

interface Issue {
  readonly path: string
  readonly message: string
}

/**
 * A rejected knob value in the words a broken link gets (problemWords): "Function timeout must be
 * a whole number of seconds from 1 to 900; you typed -5, so 3 s (the last valid value) still
 * applies." The knob's own problems come first; without any, the others its change caused (a rule
 * between fields keeps the parser's reason).
 */
export function knobProblem(knob: Knob, value: unknown, scenario: Scenario, issues: readonly Issue[]): string {
  const own = issues.filter((i) => i.path === knob.path || i.path.startsWith(`${knob.path}.`))
  const asked = `you typed ${valueWords(value, knob.path)}`
  const kept = `${valueWords(readKnob(scenario, knob.path), knob.path)} (the last valid value) still applies`
  const range = knob.kind === 'duration' ? numberRuleAt(scenario, knob.path) : null
  if (range && own.length > 0)
    return `${fieldName(knob.path)} must be ${allowedWords(range, knob.path)}, or a range such as 80-200 (smaller number first); ${asked}, so ${kept}.`
  const lines = (own.length > 0 ? own : issues.slice(0, 3)).map((i) =>
    problemWords(
      i.path,
      i.path === knob.path ? numberRuleAt(scenario, knob.path) : null,
      value,
      i.message,
      asked,
      kept,
    ),
  )
  return Array.from(new Set(lines)).join('\n')
}
