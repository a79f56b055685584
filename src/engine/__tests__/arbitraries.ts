import fc from 'fast-check'
import { parseScenario } from '../scenario/parse'
import { MODELS } from '../scenario/types'
import type { Command } from '../sim'

/** Random valid scenarios of every model, small enough to run thousands, with user actions. */
const int = (min: number, max: number) => fc.integer({ min, max })
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

export const rawScenario = fc.record({
  model: fc.constantFrom(...MODELS),
  seed: int(0, 2 ** 32 - 1),
  stopAtMs: maybe(int(1, 4_000_000)),
  account: fc.record({ concurrencyLimit: int(100, 110), scalingRatePer10s: int(1, 20) }),
  function: fc.record({
    timeout: int(1, 60),
    reservedConcurrentExecutions: fc.option(int(0, 10), { nil: null }),
    provisionedConcurrentExecutions: int(0, 3),
    initDurationMs: fc.oneof(int(0, 2000), fc.constant(12000)),
    durationMs: fc.oneof(int(0, 70000), fc.record({ min: int(0, 100), max: int(100, 5000) })),
    errorRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    idleEnvironmentTtlMs: int(0, 700000),
    recursiveLoop: fc.constantFrom('Terminate', 'Allow'),
  }),
  workload: fc.array(
    fc.record({
      atMs: int(0, 5000),
      count: int(1, 15),
      everyMs: int(0, 2000),
      idPrefix: fc.constantFrom('evt', 'msg', 'rec'),
      fail: fc.oneof(fc.constant('never'), fc.constant('always'), int(0, 3)),
      durationMs: fc.option(int(0, 5000), { nil: null }),
      groupId: fc.constantFrom('A', 'B', 'C'),
      partitionKey: fc.option(fc.constantFrom('k1', 'k2', 'k3', 'k4'), { nil: null }),
      matchesFilter: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  sync: fc.record({
    caller: fc.constantFrom('api-gateway', 'alb', 'function-url', 'sdk'),
    clientMaxAttempts: int(1, 4),
    clientBackoffMs: int(0, 3000),
  }),
  async: fc.record({
    maximumRetryAttempts: int(0, 2),
    maximumEventAgeInSeconds: fc.constantFrom(60, 61, 200, 21600),
    onSuccess: fc.constantFrom(null, 'sqs', 'eventbridge'),
    onFailure: fc.constantFrom(null, 'sqs', 's3'),
    deadLetterQueue: fc.constantFrom(null, 'sqs', 'sns'),
    duplicateDeliveryRate: fc.constantFrom(0, 0.3),
    deadLetterQueueWriteFails: fc.boolean(),
  }),
  sqs: fc.record({
    batchSize: int(1, 10),
    maximumBatchingWindowInSeconds: int(0, 3),
    visibilityTimeout: int(60, 120),
    maxReceiveCount: fc.option(int(1, 4), { nil: null }),
    reportBatchItemFailures: fc.boolean(),
    maximumConcurrency: fc.option(int(2, 6), { nil: null }),
    minimumPollers: fc.option(int(2, 3), { nil: null, freq: 4 }),
    maximumPollers: fc.option(int(2, 4), { nil: null, freq: 4 }),
    functionSendsToSameQueue: fc.boolean(),
    messageRetentionPeriod: fc.constantFrom(60, 300, 345600),
  }),
  stream: fc.record({
    shards: int(1, 4),
    batchSize: int(1, 20),
    maximumBatchingWindowInSeconds: int(0, 2),
    parallelizationFactor: int(1, 3),
    maximumRetryAttempts: int(-1, 4),
    maximumRecordAgeInSeconds: fc.constantFrom(-1, 60, 600),
    bisectBatchOnFunctionError: fc.boolean(),
    reportBatchItemFailures: fc.boolean(),
    onFailure: fc.constantFrom(null, 'sqs', 's3'),
  }),
  actions: fc.array(fc.record({ afterSteps: int(0, 40), kind: fc.constantFrom('send', 'failNext', 'poison') }), {
    maxLength: 3,
  }),
})

export type RawCase = typeof rawScenario extends fc.Arbitrary<infer T> ? T : never

/** Parses a generated case (limits made consistent), and its actions as engine commands. */
export function prepare(r: RawCase) {
  const { actions, ...raw } = r
  const fifo = raw.model === 'sqs-fifo'
  const sqs = { ...raw.sqs, ...(fifo ? { maximumBatchingWindowInSeconds: 0 } : {}) }
  // A loop nothing stops (RecursiveLoop Allow) needs stopAtMs and handlers of at least 1 ms.
  const d = raw.function.durationMs
  const zeroMs = (typeof d === 'number' ? d : d.min) < 1 || raw.workload.some((e) => e.durationMs === 0)
  if (sqs.functionSendsToSameQueue && raw.function.recursiveLoop === 'Allow' && (raw.stopAtMs === undefined || zeroMs))
    sqs.functionSendsToSameQueue = false
  // Provisioned mode excludes MaximumConcurrency, and MinimumPollers may not exceed MaximumPollers.
  if (sqs.minimumPollers !== null || sqs.maximumPollers !== null) sqs.maximumConcurrency = null
  if (sqs.minimumPollers !== null && sqs.maximumPollers !== null)
    sqs.minimumPollers = Math.min(sqs.minimumPollers, sqs.maximumPollers)
  const room = raw.account.concurrencyLimit - 100
  const reserved =
    raw.function.reservedConcurrentExecutions === null
      ? null
      : Math.min(raw.function.reservedConcurrentExecutions, room)
  const pc = Math.min(raw.function.provisionedConcurrentExecutions, reserved ?? room)
  const parsed = parseScenario({
    version: 1,
    ...raw,
    sqs,
    function: { ...raw.function, reservedConcurrentExecutions: reserved, provisionedConcurrentExecutions: pc },
  })
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  const commands = actions.map((a) => ({
    afterSteps: a.afterSteps,
    command: (a.kind === 'failNext'
      ? { type: 'failNext' }
      : { type: 'sendEvent', event: a.kind === 'poison' ? { fail: 'always' } : {} }) as Command,
  }))
  return { parsed, actions, commands }
}
