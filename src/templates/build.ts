/**
 * One function x one trigger -> one scenario of docs/SCENARIO.md, every value from the template or
 * AWS's default, each with its source. The engine's parser has the last word on validity.
 */
import { formatIssues, parseScenario } from '../engine'
import type { Model, Scenario } from '../engine'
import type { FunctionModel, Trigger } from './model'
import { bool, has, list, lookup, num, PropertyError, text, value } from './properties'
import type { Res, Val } from './properties'
import { PartialString } from './resolve'
import type { TemplateContext } from './resolve'
import { kindOf, kindOfSamType } from './targets'
import type { Source, WorkloadShape } from './types'
import { workloadFor, WORKLOAD_DESCRIPTIONS } from './workloads'

export class ScenarioRejected extends Error {}

export interface Built {
  readonly model: Model
  readonly scenario: Scenario
  readonly sources: Source[]
}

/** Tweaks for scenarios that show a lint finding's consequence (a slower handler, say). */
export interface Tweak {
  readonly durationMs?: number
}

const DOC_BY_MODEL: Readonly<Record<Model, string>> = {
  sync: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html',
  async: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html',
  sqs: 'https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html',
  'sqs-fifo': 'https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html',
  kinesis: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html',
  dynamodb: 'https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html',
}

class Fields {
  readonly candidate: Record<string, Record<string, unknown>> = {}
  readonly sources: Source[] = []
  set<T>(field: string, v: Val<T>, mapped: unknown = v.value): void {
    const [block, key] = field.split('.') as [string, string]
    ;(this.candidate[block] ??= {})[key] = mapped
    this.sources.push({
      field,
      value: mapped,
      from: v.from,
      resource: v.resource,
      property: v.property,
      ...(v.reason ? { reason: v.reason } : {}),
    })
  }
}

const fixed = <T>(value: T, resource: string, property: string, from: Val<T>['from'] = 'template'): Val<T> => ({
  value,
  from,
  resource,
  property,
})

export function buildScenario(
  ctx: TemplateContext,
  f: FunctionModel,
  trigger: Trigger | null,
  shape: WorkloadShape,
  tweak: Tweak = {},
): Built {
  const fields = new Fields()
  fields.set('function.timeout', num(ctx, f.res, ['Timeout'], 3))
  fields.set('function.reservedConcurrentExecutions', num(ctx, f.res, ['ReservedConcurrentExecutions'], null))
  const pc = f.provisioned ?? { ...f.res, prefix: undefined }
  fields.set(
    'function.provisionedConcurrentExecutions',
    num(ctx, pc, ['ProvisionedConcurrencyConfig', 'ProvisionedConcurrentExecutions'], 0),
  )
  if (has(ctx, f.res, ['RecursiveLoop']))
    fields.set('function.recursiveLoop', text(ctx, f.res, ['RecursiveLoop'], 'Terminate'))
  let model: Model = 'sync'
  if (!trigger) fields.set('sync.caller', fixed('sdk', f.id, '(no trigger: a direct Invoke)', 'default'))
  else if (trigger.kind === 'sync') {
    fields.set('sync.caller', fixed(trigger.caller, trigger.res.id, typeProperty(trigger.res)))
    // Unset, API Gateway still gives up: after 29 s for a REST API, 30 s for an HTTP API.
    if (trigger.type === 'HttpApi' || trigger.type === 'Api')
      fields.set(
        'sync.callerTimeoutMs',
        num(ctx, trigger.res, ['TimeoutInMillis'], trigger.type === 'HttpApi' ? 30000 : 29000),
      )
  } else if (trigger.kind === 'async') {
    model = 'async'
    asyncFields(ctx, f, trigger, fields)
  } else if (trigger.kind === 'sqs') model = sqsFields(ctx, trigger, fields)
  else model = streamFields(ctx, trigger, fields)

  const c = fields.candidate
  const fn = (c['function'] ??= {})
  if (tweak.durationMs !== undefined) fn['durationMs'] = tweak.durationMs
  const name = trigger ? `${trigger.name} (${trigger.type})` : 'a direct invoke (no trigger)'
  const candidate = {
    version: 1,
    id: slug(`${f.id}-${trigger?.name ?? 'invoke'}-${shape}`),
    title: `${f.id} invoked by ${name}`.slice(0, 200),
    description: `Imported from a template: function ${f.id}, trigger ${name}, workload "${shape}" (${WORKLOAD_DESCRIPTIONS[shape]}).`,
    docUrl: DOC_BY_MODEL[model],
    model,
    seed: 1,
    ...c,
    workload: workloadFor(shape, model),
  }
  const parsed = parseScenario(candidate)
  if (!parsed.ok) throw new ScenarioRejected(formatIssues(parsed.issues).split('\n').join('; '))
  return { model, scenario: parsed.scenario, sources: fields.sources }
}

function slug(s: string): string {
  const out = s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
  return out || 'imported'
}

/** A destination property -> its kind, with SAM's `Type` when given. */
function destination(
  ctx: TemplateContext,
  res: Res,
  path: readonly string[],
  field: string,
  fields: Fields,
  allowed: readonly string[],
): void {
  const l = lookup(ctx, res, [...path, 'Destination'])
  const samType = value(ctx, res, [...path, 'Type'])
  const property = `${res.prefix ?? ''}${path.join('.')}.Destination`
  if (!l.found && samType === undefined) {
    fields.set(field, fixed(null, res.id, property, 'default'))
    return
  }
  const target = l.found && l.ok ? l.value : undefined
  const kind = kindOfSamType(samType) ?? kindOf(ctx, target)
  if (kind && allowed.includes(kind)) fields.set(field, fixed(kind, l.found ? l.resource : res.id, property))
  else if (kind)
    fields.set(field, {
      value: null,
      from: 'unresolved',
      resource: res.id,
      property,
      reason: `a ${kind} destination is not one the scenario format has here (${allowed.join(', ')})`,
    })
  else
    fields.set(field, {
      value: null,
      from: 'unresolved',
      resource: res.id,
      property,
      reason: 'the destination is set but neither its resource nor its ARN says which service it is',
    })
}

function asyncFields(
  ctx: TemplateContext,
  f: FunctionModel,
  trigger: Trigger & { kind: 'async' },
  fields: Fields,
): void {
  fields.set('async.source', fixed(trigger.source, trigger.res.id, typeProperty(trigger.res)))
  const eic: Res = f.invokeConfig ?? { id: f.id, type: f.type, props: {}, prefix: 'EventInvokeConfig.' }
  fields.set('async.maximumRetryAttempts', num(ctx, eic, ['MaximumRetryAttempts'], 2))
  fields.set('async.maximumEventAgeInSeconds', num(ctx, eic, ['MaximumEventAgeInSeconds'], 21600))
  destination(ctx, eic, ['DestinationConfig', 'OnSuccess'], 'async.onSuccess', fields, [
    'sqs',
    'sns',
    'eventbridge',
    'lambda',
  ])
  destination(ctx, eic, ['DestinationConfig', 'OnFailure'], 'async.onFailure', fields, [
    'sqs',
    'sns',
    'eventbridge',
    'lambda',
    's3',
  ])
  const sam = f.type === 'AWS::Serverless::Function'
  const path = sam ? ['DeadLetterQueue'] : ['DeadLetterConfig']
  const dlqProperty = sam ? 'DeadLetterQueue.TargetArn' : 'DeadLetterConfig.TargetArn'
  const l = lookup(ctx, f.res, [...path, 'TargetArn'])
  if (!l.found) fields.set('async.deadLetterQueue', fixed(null, f.id, dlqProperty, 'default'))
  else {
    const kind =
      (sam ? kindOfSamType(value(ctx, f.res, [...path, 'Type'])) : null) ?? kindOf(ctx, l.ok ? l.value : undefined)
    if (kind === 'sqs' || kind === 'sns') fields.set('async.deadLetterQueue', fixed(kind, l.resource, l.property))
    else
      fields.set('async.deadLetterQueue', {
        value: null,
        from: 'unresolved',
        resource: l.resource,
        property: l.property,
        reason: 'the dead-letter target is not recognisable as an SQS queue or SNS topic',
      })
  }
}

const QUEUE_DEFAULTS = { VisibilityTimeout: 30, MessageRetentionPeriod: 345600 }

function sqsFields(ctx: TemplateContext, t: Trigger & { kind: 'sqs' }, fields: Fields): Model {
  const r = t.res
  fields.set('sqs.batchSize', num(ctx, r, ['BatchSize'], 10))
  fields.set('sqs.maximumBatchingWindowInSeconds', num(ctx, r, ['MaximumBatchingWindowInSeconds'], 0))
  fields.set('sqs.maximumConcurrency', num(ctx, r, ['ScalingConfig', 'MaximumConcurrency'], null))
  responseTypes(ctx, r, 'sqs.reportBatchItemFailures', fields)
  if (has(ctx, r, ['ProvisionedPollerConfig'])) {
    fields.set('sqs.minimumPollers', num(ctx, r, ['ProvisionedPollerConfig', 'MinimumPollers'], 2))
    fields.set('sqs.maximumPollers', num(ctx, r, ['ProvisionedPollerConfig', 'MaximumPollers'], 200))
  }
  const q = t.queue
  if (!q) {
    const missing = (field: string, v: unknown, property: string) =>
      fields.set(field, {
        value: v,
        from: 'unresolved',
        resource: r.id,
        property: `${r.prefix ?? ''}${t.queueProperty}`,
        reason: `the queue is not defined in this template, so its ${property} is not known (AWS default used)`,
      })
    missing('sqs.visibilityTimeout', QUEUE_DEFAULTS.VisibilityTimeout, 'VisibilityTimeout')
    missing('sqs.messageRetentionPeriod', QUEUE_DEFAULTS.MessageRetentionPeriod, 'MessageRetentionPeriod')
    missing('sqs.maxReceiveCount', null, 'RedrivePolicy')
    const arn = value(ctx, r, [t.queueProperty])
    const name = typeof arn === 'string' ? arn : arn instanceof PartialString ? arn.text : ''
    return name.endsWith('.fifo') ? 'sqs-fifo' : 'sqs'
  }
  fields.set('sqs.visibilityTimeout', num(ctx, q, ['VisibilityTimeout'], QUEUE_DEFAULTS.VisibilityTimeout))
  fields.set(
    'sqs.messageRetentionPeriod',
    num(ctx, q, ['MessageRetentionPeriod'], QUEUE_DEFAULTS.MessageRetentionPeriod),
  )
  fields.set('sqs.maxReceiveCount', num(ctx, q, ['RedrivePolicy', 'maxReceiveCount'], null))
  return bool(ctx, q, ['FifoQueue'], false).value ? 'sqs-fifo' : 'sqs'
}

function responseTypes(ctx: TemplateContext, r: Res, field: string, fields: Fields): void {
  const types = list(ctx, r, ['FunctionResponseTypes'])
  const on = types.includes('ReportBatchItemFailures')
  fields.set(
    field,
    fixed(
      on,
      r.id,
      `${r.prefix ?? ''}FunctionResponseTypes`,
      has(ctx, r, ['FunctionResponseTypes']) ? 'template' : 'default',
    ),
  )
}

function streamFields(ctx: TemplateContext, t: Trigger & { kind: 'stream' }, fields: Fields): Model {
  const r = t.res
  const s = t.stream
  const streamAt = `${r.prefix ?? ''}${t.streamProperty}`
  if (t.model === 'kinesis') {
    if (s) {
      const mode = text(ctx, s, ['StreamModeDetails', 'StreamMode'], 'PROVISIONED')
      if (mode.value === 'ON_DEMAND')
        fields.set('stream.shards', fixed(4, s.id, 'StreamModeDetails.StreamMode', 'default'))
      else fields.set('stream.shards', num(ctx, s, ['ShardCount'], 1))
      fields.set('stream.retentionPeriodHours', num(ctx, s, ['RetentionPeriodHours'], 24))
    } else {
      const reason = 'the stream is not defined in this template (AWS default used)'
      fields.set('stream.shards', { value: 1, from: 'unresolved', resource: r.id, property: streamAt, reason })
      fields.set('stream.retentionPeriodHours', {
        value: 24,
        from: 'unresolved',
        resource: r.id,
        property: streamAt,
        reason,
      })
    }
  } else {
    if (s && s.type === 'AWS::DynamoDB::Table' && !has(ctx, s, ['StreamSpecification']))
      throw new PropertyError(
        s.id,
        'StreamSpecification',
        `Table ${s.id} has no StreamSpecification, so it has no stream to read.`,
      )
    const reason = 'DynamoDB decides how many shards a table stream has'
    fields.set('stream.shards', {
      value: 1,
      from: 'unresolved',
      resource: s?.id ?? r.id,
      property: s ? 'StreamSpecification' : streamAt,
      reason,
    })
    fields.set('stream.retentionPeriodHours', fixed(24, s?.id ?? r.id, 'StreamSpecification', 'default'))
  }
  fields.set('stream.batchSize', num(ctx, r, ['BatchSize'], 100))
  fields.set('stream.maximumBatchingWindowInSeconds', num(ctx, r, ['MaximumBatchingWindowInSeconds'], 0))
  const start = text(ctx, r, ['StartingPosition'], 'TRIM_HORIZON')
  if (start.value === 'AT_TIMESTAMP')
    fields.set('stream.startingPosition', {
      ...start,
      value: 'TRIM_HORIZON',
      from: 'unresolved',
      reason: 'AT_TIMESTAMP is not in the scenario format; both positions read every workload record',
    })
  else fields.set('stream.startingPosition', start)
  fields.set('stream.parallelizationFactor', num(ctx, r, ['ParallelizationFactor'], 1))
  fields.set('stream.maximumRetryAttempts', num(ctx, r, ['MaximumRetryAttempts'], -1))
  fields.set('stream.maximumRecordAgeInSeconds', num(ctx, r, ['MaximumRecordAgeInSeconds'], -1))
  fields.set('stream.bisectBatchOnFunctionError', bool(ctx, r, ['BisectBatchOnFunctionError'], false))
  responseTypes(ctx, r, 'stream.reportBatchItemFailures', fields)
  destination(ctx, r, ['DestinationConfig', 'OnFailure'], 'stream.onFailure', fields, ['sqs', 'sns', 's3'])
  return t.model
}

/** Where a trigger's kind is written: a SAM event's `Type` (beside its Properties), else the resource's. */
const typeProperty = (res: Res): string => (res.prefix ? res.prefix.replace(/Properties\.$/, 'Type') : 'Type')
