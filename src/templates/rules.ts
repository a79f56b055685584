/**
 * Lint rules from AWS's documentation. Error: AWS rejects the configuration, or it loses or blocks
 * data. Warning: AWS advises against it. Rules read the template (not the scenarios), so they still
 * speak when the engine rejects a scenario for the very reason a rule names.
 */
import type { Scenario } from '../engine'
import { buildScenario } from './build'
import type { Tweak } from './build'
import type { FunctionModel, TemplateModel, Trigger } from './model'
import { bool, has, list, num, PropertyError, value } from './properties'
import type { Res } from './properties'
import { PartialString, ResourceRef } from './resolve'
import type { TemplateContext } from './resolve'
import { propsOf, typeOf } from './targets'
import type { Finding, Severity, WorkloadShape } from './types'

const LAMBDA = 'https://docs.aws.amazon.com/lambda/latest/dg'

export interface RuleInfo {
  readonly severity: Severity
  readonly docUrl: string
  /** Why, in one sentence, for docs/TEMPLATES.md and the tests. */
  readonly why: string
}

export const RULES = {
  'sqs-visibility-below-timeout': {
    severity: 'error',
    docUrl: `${LAMBDA}/services-sqs-configure.html`,
    why: 'Lambda refuses to create an SQS event source mapping when the function timeout exceeds the queue visibility timeout.',
  },
  'sqs-visibility-below-six-timeouts': {
    severity: 'warning',
    docUrl: `${LAMBDA}/services-sqs-configure.html`,
    why: 'AWS advises a visibility timeout of at least six times the function timeout (plus the batching window), so throttled retries do not make messages visible again while they are still being worked on.',
  },
  'sqs-redrive-max-receive-low': {
    severity: 'warning',
    docUrl: `${LAMBDA}/services-sqs-configure.html`,
    why: 'AWS advises a maxReceiveCount of at least 5, so a message that was only throttled is not moved to the dead-letter queue.',
  },
  'sqs-reserved-without-max-concurrency': {
    severity: 'warning',
    docUrl: `${LAMBDA}/services-sqs-scaling.html`,
    why: 'The SQS poller does not know the reserved concurrency and receives more messages than the function may run; the throttled ones count as receives and healthy messages can end in the dead-letter queue; ScalingConfig.MaximumConcurrency caps the poller instead.',
  },
  'sqs-batch-size-without-window': {
    severity: 'error',
    docUrl: `${LAMBDA}/services-sqs-parameters.html`,
    why: 'Lambda rejects an SQS mapping with BatchSize above 10 unless MaximumBatchingWindowInSeconds is at least 1.',
  },
  'sqs-fifo-batch-size': {
    severity: 'error',
    docUrl: `${LAMBDA}/services-sqs-parameters.html`,
    why: 'For a FIFO queue the batch size is at most 10; Lambda rejects a larger one.',
  },
  'sqs-fifo-batching-window': {
    severity: 'error',
    docUrl: `${LAMBDA}/services-sqs-parameters.html`,
    why: 'FIFO queues do not support a batching window; Lambda rejects MaximumBatchingWindowInSeconds on them.',
  },
  'sqs-fifo-standard-dlq': {
    severity: 'error',
    docUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
    why: 'The dead-letter queue of a FIFO queue must be a FIFO queue (and a standard queue needs a standard one); SQS rejects the redrive policy.',
  },
  'stream-poison-blocks-shard': {
    severity: 'error',
    docUrl: `${LAMBDA}/with-kinesis.html`,
    why: 'With endless retries (MaximumRetryAttempts -1, the default) and no on-failure destination, one failing record blocks its shard until it expires, and then it is lost without a trace.',
  },
  'stream-discards-without-destination': {
    severity: 'warning',
    docUrl: `${LAMBDA}/with-kinesis.html`,
    why: 'When a failing batch runs out of retries, Lambda skips it and moves on; without an on-failure destination nothing records which records were skipped.',
  },
  'stream-no-bisect': {
    severity: 'warning',
    docUrl: `${LAMBDA}/with-kinesis.html`,
    why: 'Without BisectBatchOnFunctionError (or partial batch responses), a failing record makes Lambda retry its whole batch, healthy records included, and the shard waits.',
  },
  'async-no-failure-destination': {
    severity: 'warning',
    docUrl: `${LAMBDA}/invocation-async-retain-records.html`,
    why: 'Without an on-failure destination or a dead-letter queue, an asynchronous event that fails every attempt or grows too old is discarded.',
  },
  'api-timeout-above-integration': {
    severity: 'warning',
    docUrl: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html',
    why: 'API Gateway stops waiting after its integration timeout (29 seconds by default) and answers 504, while the function keeps running.',
  },
  'provisioned-above-reserved': {
    severity: 'error',
    docUrl: `${LAMBDA}/provisioned-concurrency.html`,
    why: "Provisioned concurrency cannot exceed the function's reserved concurrency; Lambda rejects the configuration.",
  },
  'sam-provisioned-without-alias': {
    severity: 'error',
    docUrl: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
    why: 'SAM applies ProvisionedConcurrencyConfig to the alias AutoPublishAlias creates; without AutoPublishAlias the template does not deploy.',
  },
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof RULES

type Emit = (rule: RuleId, resource: string, property: string, message: string, seeIt?: Scenario) => void

/** Every finding for the template, in resource order. */
export function lintModel(model: TemplateModel): Finding[] {
  const { ctx } = model
  const findings: Finding[] = []
  const seen = new Set<string>()
  const emit: Emit = (rule, resource, property, message, seeIt) => {
    // Two events of one function can make the same finding (two async events, two APIs): say it once.
    const key = JSON.stringify([rule, resource, property, message])
    if (seen.has(key)) return
    seen.add(key)
    findings.push({
      rule,
      severity: RULES[rule].severity,
      resource,
      property,
      message,
      docUrl: RULES[rule].docUrl,
      ...(seeIt ? { seeIt } : {}),
    })
  }
  const guarded = (check: () => void) => {
    try {
      check()
    } catch (e) {
      // A property of the wrong type: the importer lists it; the rule has nothing to judge.
      if (!(e instanceof PropertyError)) throw e
    }
  }
  for (const f of model.functions) {
    const see = (t: Trigger | null, shape: WorkloadShape, tweak?: Tweak): Scenario | undefined => {
      try {
        return buildScenario(ctx, f, t, shape, tweak).scenario
      } catch {
        return undefined
      }
    }
    guarded(() => concurrencyRules(ctx, f, emit))
    for (const t of f.triggers)
      guarded(() => {
        if (t.kind === 'sqs') sqsRules(ctx, f, t, emit, see)
        else if (t.kind === 'stream') streamRules(ctx, t, emit, see)
        else if (t.kind === 'async') asyncRules(ctx, f, emit, see(t, 'poison'))
        else if (t.caller === 'api-gateway') apiRules(ctx, f, t, emit, see)
      })
  }
  for (const id of Object.keys(ctx.resources))
    if (typeOf(ctx, id) === 'AWS::SQS::Queue') guarded(() => dlqTypeRule(ctx, id, emit))
  return findings
}

type See = (t: Trigger | null, shape: WorkloadShape, tweak?: Tweak) => Scenario | undefined

function concurrencyRules(ctx: TemplateContext, f: FunctionModel, emit: Emit): void {
  const reserved = num(ctx, f.res, ['ReservedConcurrentExecutions'], null).value
  if (f.provisioned) {
    const pc = num(ctx, f.provisioned, ['ProvisionedConcurrencyConfig', 'ProvisionedConcurrentExecutions'], 0)
    if (reserved !== null && pc.value > reserved)
      emit(
        'provisioned-above-reserved',
        pc.resource,
        pc.property,
        `${f.id} asks for ${pc.value} provisioned environments but reserves only ${reserved}: Lambda rejects provisioned concurrency above reserved concurrency.`,
      )
    if (f.provisioned === f.res && !has(ctx, f.res, ['AutoPublishAlias']))
      emit(
        'sam-provisioned-without-alias',
        f.id,
        'AutoPublishAlias',
        `${f.id} sets ProvisionedConcurrencyConfig without AutoPublishAlias: SAM needs the alias to put provisioned concurrency on.`,
      )
  }
}

function queueIsFifo(ctx: TemplateContext, target: unknown): boolean | null {
  if (target instanceof ResourceRef && typeOf(ctx, target.id) === 'AWS::SQS::Queue')
    return bool(ctx, { id: target.id, type: 'AWS::SQS::Queue', props: propsOf(ctx, target.id) }, ['FifoQueue'], false)
      .value
  const text = typeof target === 'string' ? target : target instanceof PartialString ? target.text : null
  return text && text.startsWith('arn:') ? text.endsWith('.fifo') : null
}

function dlqTypeRule(ctx: TemplateContext, id: string, emit: Emit): void {
  const q: Res = { id, type: 'AWS::SQS::Queue', props: propsOf(ctx, id) }
  const target = value(ctx, q, ['RedrivePolicy', 'deadLetterTargetArn'])
  if (target === undefined) return
  const fifo = bool(ctx, q, ['FifoQueue'], false).value
  const dlqFifo = queueIsFifo(ctx, target)
  const dlqName = target instanceof ResourceRef ? target.id : 'its dead-letter queue'
  if (fifo && dlqFifo === false)
    emit(
      'sqs-fifo-standard-dlq',
      id,
      'RedrivePolicy.deadLetterTargetArn',
      `FIFO queue ${id} redrives to ${dlqName}, a standard queue: a FIFO queue's dead-letter queue must also be FIFO.`,
    )
  else if (!fifo && dlqFifo === true)
    emit(
      'sqs-fifo-standard-dlq',
      id,
      'RedrivePolicy.deadLetterTargetArn',
      `Standard queue ${id} redrives to ${dlqName}, a FIFO queue: a standard queue's dead-letter queue must also be standard.`,
    )
}

function sqsRules(ctx: TemplateContext, f: FunctionModel, t: Trigger & { kind: 'sqs' }, emit: Emit, see: See): void {
  const timeout = num(ctx, f.res, ['Timeout'], 3).value
  const batch = num(ctx, t.res, ['BatchSize'], 10)
  const window = num(ctx, t.res, ['MaximumBatchingWindowInSeconds'], 0)
  const q = t.queue
  const fifo = q
    ? bool(ctx, q, ['FifoQueue'], false).value
    : queueIsFifo(ctx, value(ctx, t.res, [t.queueProperty])) === true
  if (q) {
    const vt = num(ctx, q, ['VisibilityTimeout'], 30)
    if (vt.from !== 'unresolved') {
      if (vt.value < timeout)
        emit(
          'sqs-visibility-below-timeout',
          q.id,
          'VisibilityTimeout',
          `Queue ${q.id} hides a received message for ${vt.value} s but ${f.id} may run ${timeout} s: Lambda refuses to create the mapping ${t.name}.`,
        )
      else if (vt.value < 6 * timeout + window.value)
        emit(
          'sqs-visibility-below-six-timeouts',
          q.id,
          'VisibilityTimeout',
          `Queue ${q.id}'s visibility timeout (${vt.value} s) is below six times ${f.id}'s timeout${window.value ? ' plus the batching window' : ''} (${6 * timeout + window.value} s), as AWS advises.`,
        )
    }
    const mrc = num(ctx, q, ['RedrivePolicy', 'maxReceiveCount'], null)
    if (mrc.value !== null && mrc.value < 5)
      emit(
        'sqs-redrive-max-receive-low',
        q.id,
        'RedrivePolicy.maxReceiveCount',
        `Queue ${q.id} moves a message to its dead-letter queue after ${mrc.value} receive${mrc.value === 1 ? '' : 's'}; AWS advises at least 5, so throttled messages are not moved.`,
        see(t, 'poison'),
      )
  }
  const reserved = num(ctx, f.res, ['ReservedConcurrentExecutions'], null).value
  if (reserved !== null && !has(ctx, t.res, ['ScalingConfig', 'MaximumConcurrency']))
    emit(
      'sqs-reserved-without-max-concurrency',
      t.res.id,
      `${t.res.prefix ?? ''}ScalingConfig.MaximumConcurrency`,
      `${f.id} reserves ${reserved} environments but the mapping ${t.name} has no MaximumConcurrency, so the poller can receive more messages than the function runs and throttled ones count as failed receives.`,
      see(t, 'burst'),
    )
  if (fifo) {
    if (batch.value > 10)
      emit(
        'sqs-fifo-batch-size',
        batch.resource,
        batch.property,
        `The FIFO mapping ${t.name} asks for batches of ${batch.value}; FIFO queues allow at most 10.`,
      )
    if (window.value > 0)
      emit(
        'sqs-fifo-batching-window',
        window.resource,
        window.property,
        `The FIFO mapping ${t.name} sets a ${window.value} s batching window, which Lambda does not support for FIFO queues.`,
      )
  } else if (batch.value > 10 && window.value < 1)
    emit(
      'sqs-batch-size-without-window',
      batch.resource,
      batch.property,
      `The mapping ${t.name} asks for batches of ${batch.value} with no batching window; Lambda rejects an SQS batch size above 10 without a window of at least 1 s.`,
    )
}

function streamRules(ctx: TemplateContext, t: Trigger & { kind: 'stream' }, emit: Emit, see: See): void {
  const retries = num(ctx, t.res, ['MaximumRetryAttempts'], -1)
  const onFailure = has(ctx, t.res, ['DestinationConfig', 'OnFailure', 'Destination'])
  const partial = list(ctx, t.res, ['FunctionResponseTypes']).includes('ReportBatchItemFailures')
  const bisect = bool(ctx, t.res, ['BisectBatchOnFunctionError'], false).value
  const kind = t.model === 'kinesis' ? 'Kinesis' : 'DynamoDB'
  const poison =
    (t.model === 'kinesis' || t.model === 'dynamodb') && (retries.value === -1 || retries.from === 'unresolved')
  if (poison && !onFailure)
    emit(
      'stream-poison-blocks-shard',
      retries.resource,
      retries.property,
      `The ${kind} mapping ${t.name} retries a failing batch until its records expire and has no on-failure destination, so one bad record blocks its shard and is then lost.`,
      see(t, 'poison'),
    )
  // Finite retries end the blocking, and the batch is dropped: the poison rule's other half.
  else if (!poison && !onFailure) {
    const n = retries.value
    emit(
      'stream-discards-without-destination',
      retries.resource,
      retries.property,
      `The ${kind} mapping ${t.name} gives up on a failing batch after ${n === 0 ? 'its first attempt' : `${n} ${n === 1 ? 'retry' : 'retries'}`} and has no on-failure destination, so the records it skips leave no trace.`,
      see(t, 'poison'),
    )
  }
  if (!bisect && !partial)
    emit(
      'stream-no-bisect',
      t.res.id,
      `${t.res.prefix ?? ''}BisectBatchOnFunctionError`,
      `The ${kind} mapping ${t.name} neither bisects failed batches nor reports batch item failures, so one bad record makes the whole batch retry.`,
      see(t, 'poison'),
    )
}

function asyncRules(ctx: TemplateContext, f: FunctionModel, emit: Emit, seeIt: Scenario | undefined): void {
  const eic = f.invokeConfig
  const onFailure = eic ? has(ctx, eic, ['DestinationConfig', 'OnFailure']) : false
  const sam = f.type === 'AWS::Serverless::Function'
  const dlq = has(ctx, f.res, [sam ? 'DeadLetterQueue' : 'DeadLetterConfig', 'TargetArn'])
  if (!onFailure && !dlq)
    emit(
      'async-no-failure-destination',
      eic?.id ?? f.id,
      eic
        ? `${eic.prefix ?? ''}DestinationConfig.OnFailure`
        : sam
          ? 'EventInvokeConfig.DestinationConfig.OnFailure'
          : 'DeadLetterConfig',
      `${f.id} is invoked asynchronously with no on-failure destination or dead-letter queue, so an event that fails every attempt is discarded.`,
      seeIt,
    )
}

function apiRules(ctx: TemplateContext, f: FunctionModel, t: Trigger & { kind: 'sync' }, emit: Emit, see: See): void {
  const timeout = num(ctx, f.res, ['Timeout'], 3)
  // REST APIs wait 29 s unless the integration says otherwise (raised quotas allow more); HTTP APIs at most 30 s.
  const http = t.type === 'HttpApi'
  const own = num(ctx, t.res, ['TimeoutInMillis'], http ? 30000 : 29000).value
  const limitMs = http ? Math.min(own, 30000) : own
  if (timeout.value * 1000 > limitMs) {
    // A handler that outlives the caller but not the function: the 504 case.
    const durationMs = Math.round((limitMs + timeout.value * 1000) / 2)
    emit(
      'api-timeout-above-integration',
      timeout.resource,
      timeout.property,
      `${f.id} may run ${timeout.value} s but ${t.type === 'HttpApi' ? 'the HTTP API' : 'API Gateway'} stops waiting after ${limitMs / 1000} s and answers 504 while the function keeps running.`,
      see(t, 'steady', { durationMs }),
    )
  }
}
