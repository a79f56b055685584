import type { Command, Model, Scenario } from '../engine'

/** One action the command bar offers: what it sends and, when it cannot mean anything now, why it is off. */
export interface OfferedCommand {
  readonly id: 'send' | 'failNext' | 'poison'
  readonly label: string
  readonly help: string
  readonly command: Command
  /** Why the action means nothing in this scenario right now (the button is shown disabled), or null. */
  readonly disabledWhy: string | null
}

const SEND_LABEL: Record<Model, [string, string]> = {
  sync: ['Send request', 'The caller sends one more request and waits for the answer.'],
  async: ['Send event', 'The source sends one more event; Lambda answers 202 and queues it.'],
  sqs: ['Send message', 'One more message arrives in the queue.'],
  'sqs-fifo': ['Send message', 'One more message arrives in the queue.'],
  kinesis: ['Put record', 'One more record is written to the stream.'],
  dynamodb: ['Write item', 'One more change record reaches the stream.'],
}

const POISON: Partial<Record<Model, [string, string]>> = {
  sqs: ['Add poison message', 'A message the handler fails on every time it is received.'],
  'sqs-fifo': ['Add poison message', 'A message the handler fails on every time: it blocks its message group.'],
  kinesis: ['Add poison record', 'A record the handler fails on every time: it blocks its shard.'],
  dynamodb: ['Add poison record', 'A record the handler fails on every time: it blocks its shard.'],
}

/** Why making the next invocation fail would change nothing in this scenario, or null. */
function failNextWhyNot(scenario: Scenario): string | null {
  const f = scenario.function
  if (f.reservedConcurrentExecutions === 0) return 'Reserved concurrency is 0: no invocation runs, so none can fail.'
  if (f.errorRate >= 1) return 'The error rate is 1: every invocation fails already.'
  const shortest = typeof f.durationMs === 'number' ? f.durationMs : f.durationMs.min
  const overrides = scenario.workload.some((e) => e.durationMs !== null)
  // Per-event durations can be shorter than the function's, so only a function-wide rule counts.
  if (!overrides && shortest > f.timeout * 1000)
    return `The handler needs ${shortest} ms, more than the ${f.timeout} s timeout: every invocation times out already.`
  return null
}

/**
 * The actions that mean something for this scenario. A poison record (fails every attempt) is a
 * poll-based idea: the record comes back (visibility timeout, the shard's retry) and holds up the
 * others; a sync request or async event that fails is already what "make next invocation fail" shows.
 * Failing the next invocation means nothing when none runs (reserved concurrency 0) or all fail anyway.
 */
export function commandsFor(scenario: Scenario): readonly OfferedCommand[] {
  const model = scenario.model
  const noRuns = failNextWhyNot(scenario)
  const [sendLabel, sendHelp] = SEND_LABEL[model]
  const out: OfferedCommand[] = [
    { id: 'send', label: sendLabel, help: sendHelp, command: { type: 'sendEvent' }, disabledWhy: null },
    {
      id: 'failNext',
      label: 'Make next invocation fail',
      help: 'The next invocation throws an error, whatever it runs.',
      command: { type: 'failNext' },
      disabledWhy: noRuns,
    },
  ]
  const poison = POISON[model]
  if (poison)
    out.push({
      id: 'poison',
      label: poison[0],
      help: poison[1],
      command: { type: 'sendEvent', event: { fail: 'always' } },
      disabledWhy: null,
    })
  return out
}
