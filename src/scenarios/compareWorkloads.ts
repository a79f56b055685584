import { parseScenario, type Model, type Scenario } from '../engine'

/**
 * Compare mode's workloads: one function and one stream of events, run through a synchronous
 * caller, an asynchronous source and an SQS queue. Data only; the per-model parts are the
 * plainest setting of each model (AWS defaults unless a workload needs otherwise).
 */
export interface CompareWorkload {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly seed: number
  readonly function: Record<string, unknown>
  readonly workload: readonly Record<string, unknown>[]
  readonly account?: Record<string, unknown>
  /** Extra per-model settings on top of COMPARED_MODELS' own. */
  readonly models?: Partial<Record<ComparedModel, Record<string, unknown>>>
}

export type ComparedModel = 'sync' | 'async' | 'sqs'
export const COMPARED_MODELS: readonly ComparedModel[] = ['sync', 'async', 'sqs']

const MODEL_BASE: Readonly<Record<ComparedModel, Record<string, unknown>>> = {
  sync: { sync: { caller: 'sdk' } },
  async: { async: { source: 'sdk', onFailure: 'sqs' } },
  sqs: { sqs: { batchSize: 10, visibilityTimeout: 30, maxReceiveCount: 3 } },
}

/** Never empty: compare mode falls back to the first. */
export const COMPARE_WORKLOADS: readonly [CompareWorkload, ...CompareWorkload[]] = [
  {
    id: 'burst',
    title: 'A burst: 40 requests in under half a second',
    description:
      'Sync and async start an environment per request in flight (cold starts); SQS pollers batch the messages, so far fewer invocations run.',
    seed: 1,
    function: { durationMs: 800, initDurationMs: 400 },
    workload: [{ atMs: 0, count: 40, everyMs: 10, idPrefix: 'req' }],
  },
  {
    id: 'steady',
    title: 'A steady rate: 5 requests a second',
    description:
      'Below every limit the three models look alike to the function: warm environments are reused, nothing waits.',
    seed: 2,
    function: { durationMs: 150, initDurationMs: 300 },
    workload: [{ atMs: 0, count: 25, everyMs: 200, idPrefix: 'req' }],
  },
  {
    id: 'failing',
    title: 'A failing event among good ones',
    description:
      'Sync hands the error to the caller at once; async retries twice (1 and 2 minutes later) then sends the event to its on-failure destination; SQS retries after each visibility timeout, then redrives to the DLQ.',
    seed: 3,
    function: { durationMs: 300, initDurationMs: 300 },
    workload: [
      { atMs: 0, count: 4, everyMs: 100, idPrefix: 'ok' },
      { atMs: 450, count: 1, idPrefix: 'bad', fail: 'always' },
      { atMs: 600, count: 4, everyMs: 100, idPrefix: 'ok' },
    ],
  },
  {
    id: 'throttled',
    title: 'A throttled function: reserved concurrency 2, 12 requests at once',
    description:
      'Sync callers get 429 TooManyRequestsException; async keeps the events and retries them with backoff; SQS pollers get throttled and leave the messages in the queue.',
    seed: 4,
    function: { durationMs: 1000, initDurationMs: 300, reservedConcurrentExecutions: 2 },
    workload: [{ atMs: 0, count: 12, everyMs: 20, idPrefix: 'req' }],
  },
]

export function compareWorkloadById(id: string): CompareWorkload | undefined {
  return COMPARE_WORKLOADS.find((w) => w.id === id)
}

/** The workload's scenario for one model. Throws only if the shipped data is invalid (tested). */
export function compareScenario(w: CompareWorkload, model: ComparedModel): Scenario {
  const raw = {
    version: 1,
    model: model satisfies Model,
    title: `${w.title} (${model})`,
    seed: w.seed,
    function: w.function,
    workload: w.workload,
    ...(w.account ? { account: w.account } : {}),
    ...MODEL_BASE[model],
    ...(w.models?.[model] ? { [model]: { ...(MODEL_BASE[model][model] as object), ...w.models[model] } } : {}),
  }
  const r = parseScenario(raw)
  if (!r.ok) throw new Error(`Compare workload ${w.id} (${model}) is invalid: ${JSON.stringify(r.issues)}`)
  return r.scenario
}
