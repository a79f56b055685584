/**
 * A template read into what the scenarios need: each function, its configuration holders (the
 * function, its async invoke config, where its provisioned concurrency is set) and its triggers.
 */
import type { AsyncSource, SyncCaller } from '../engine'
import { typeReason, unreadProperties } from './catalog'
import { fail, show } from './errors'
import { has, list, value } from './properties'
import type { Res } from './properties'
import { isRecord, PartialString, resolve, ResourceRef } from './resolve'
import type { TemplateContext } from './resolve'
import { FUNCTION_TYPES, functionOf, propsOf, typeOf } from './targets'
import type { Unsupported } from './types'

interface TriggerBase {
  readonly name: string
  /** The SAM event Type, or the resource type that makes the trigger. */
  readonly type: string
  /** Where the trigger's own properties are read. */
  readonly res: Res
}
export type Trigger =
  | (TriggerBase & { readonly kind: 'sync'; readonly caller: SyncCaller })
  | (TriggerBase & { readonly kind: 'async'; readonly source: AsyncSource })
  | (TriggerBase & { readonly kind: 'sqs'; readonly queue: Res | null; readonly queueProperty: string })
  | (TriggerBase & {
      readonly kind: 'stream'
      readonly model: 'kinesis' | 'dynamodb'
      readonly stream: Res | null
      readonly streamProperty: string
    })

export interface FunctionModel {
  readonly id: string
  readonly type: string
  readonly res: Res
  readonly triggers: Trigger[]
  /** SAM EventInvokeConfig or an AWS::Lambda::EventInvokeConfig naming the function. */
  invokeConfig: Res | null
  /** The holder of ProvisionedConcurrencyConfig: the SAM function, or an alias or version. */
  provisioned: Res | null
}

export interface TemplateModel {
  readonly ctx: TemplateContext
  readonly functions: readonly FunctionModel[]
  readonly unsupported: Unsupported[]
}

const SAM_SYNC: Readonly<Record<string, SyncCaller>> = { Api: 'api-gateway', HttpApi: 'api-gateway' }
const SAM_ASYNC: Readonly<Record<string, AsyncSource>> = {
  S3: 's3',
  SNS: 'sns',
  EventBridgeRule: 'eventbridge',
  CloudWatchEvent: 'eventbridge',
  Schedule: 'eventbridge',
  // EventBridge Scheduler, which invokes its Lambda target asynchronously like a rule does.
  ScheduleV2: 'eventbridge',
}

const recordAt = (o: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> | undefined => {
  const v = Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined
  return isRecord(v) ? v : undefined
}

/** The template's top level, checked: a mapping with a Resources mapping of typed resources. */
export function templateContext(data: unknown): TemplateContext {
  if (!isRecord(data))
    fail(`A template is a mapping with a Resources section, got ${Array.isArray(data) ? 'a list' : show(data)}.`)
  const resources = recordAt(data, 'Resources')
  if (!resources) fail('The template has no Resources mapping, so it is not a CloudFormation or SAM template.')
  for (const [id, r] of Object.entries(resources)) {
    if (!isRecord(r) || typeof r['Type'] !== 'string') fail(`Resource ${id} has no Type.`)
    if (r['Properties'] !== undefined && r['Properties'] !== null && !isRecord(r['Properties']))
      fail(`Resource ${id} has Properties that are not a mapping.`)
  }
  return { resources, parameters: recordAt(data, 'Parameters') ?? {}, mappings: recordAt(data, 'Mappings') ?? {} }
}

export function readModel(data: unknown): TemplateModel {
  const ctx = templateContext(data)
  const unsupported: Unsupported[] = []
  const globals = isRecord(data) ? recordAt(recordAt(data, 'Globals') ?? {}, 'Function') : undefined
  const ids = Object.keys(ctx.resources)
  const fnIds = ids.filter((id) => FUNCTION_TYPES.has(typeOf(ctx, id) ?? ''))
  const functions = new Map<string, FunctionModel>()
  if (globals) noteProperties(unsupported, 'Globals', 'Globals', 'AWS::Serverless::Function', globals, 'Function.')
  for (const id of fnIds) {
    const type = typeOf(ctx, id) as string
    const props = propsOf(ctx, id)
    const res: Res = { id, type, props, globals: type === 'AWS::Serverless::Function' ? globals : undefined }
    const f: FunctionModel = { id, type, res, triggers: [], invokeConfig: null, provisioned: null }
    if (type === 'AWS::Serverless::Function') {
      const eic = recordAt(props, 'EventInvokeConfig') ?? recordAt(globals ?? {}, 'EventInvokeConfig')
      if (eic) f.invokeConfig = { id, type, props: eic, prefix: 'EventInvokeConfig.' }
      // Set even when unresolvable (`!If`), so the scenario's source says so.
      if (has(ctx, res, ['ProvisionedConcurrencyConfig'])) f.provisioned = res
      samEvents(ctx, f, unsupported)
      if (value(ctx, res, ['FunctionUrlConfig']) !== undefined)
        f.triggers.push({ kind: 'sync', caller: 'function-url', name: 'FunctionUrl', type: 'FunctionUrlConfig', res })
    }
    noteProperties(unsupported, id, type, type, props)
    functions.set(id, f)
  }
  const target = (v: unknown) => {
    const fid = functionOf(ctx, v, fnIds)
    return fid ? functions.get(fid) : undefined
  }
  for (const id of ids) {
    const type = typeOf(ctx, id) as string
    const props = propsOf(ctx, id)
    const res: Res = { id, type, props }
    const reason = typeReason(type)
    if (reason) {
      unsupported.push({ resource: id, type, reason })
      continue
    }
    const f = target(value(ctx, res, ['FunctionName']))
    if (type === 'AWS::Lambda::EventSourceMapping') {
      noteProperties(unsupported, id, type, type, props)
      if (!f) unsupported.push(noFunction(id, type))
      else mappingTrigger(ctx, f, res, unsupported)
    } else if (type === 'AWS::Lambda::EventInvokeConfig') {
      noteProperties(unsupported, id, type, type, props)
      if (!f) unsupported.push(noFunction(id, type))
      else f.invokeConfig ??= res
    } else if (type === 'AWS::Lambda::Alias' || type === 'AWS::Lambda::Version') {
      if (f && props['ProvisionedConcurrencyConfig'] !== undefined) f.provisioned ??= res
    } else if (type === 'AWS::Lambda::Url') {
      const g = target(value(ctx, res, ['TargetFunctionArn']))
      g?.triggers.push({ kind: 'sync', caller: 'function-url', name: id, type, res })
    } else if (type === 'AWS::SNS::Subscription') {
      if (value(ctx, res, ['Protocol']) === 'lambda')
        target(value(ctx, res, ['Endpoint']))?.triggers.push({ kind: 'async', source: 'sns', name: id, type, res })
    } else if (type === 'AWS::SNS::Topic') {
      for (const s of list(ctx, res, ['Subscription']))
        if (isRecord(s) && s['Protocol'] === 'lambda')
          target(resolved(ctx, s['Endpoint']))?.triggers.push({ kind: 'async', source: 'sns', name: id, type, res })
    } else if (type === 'AWS::Events::Rule') {
      for (const t of list(ctx, res, ['Targets']))
        if (isRecord(t))
          target(resolved(ctx, t['Arn']))?.triggers.push({ kind: 'async', source: 'eventbridge', name: id, type, res })
    } else if (type === 'AWS::Scheduler::Schedule') {
      const g = target(value(ctx, res, ['Target', 'Arn']))
      const t = value(ctx, res, ['Target'])
      if (g) {
        g.triggers.push({ kind: 'async', source: 'eventbridge', name: id, type, res })
        if (isRecord(t)) noteProperties(unsupported, id, type, 'SchedulerTarget', t, 'Target.')
      }
    } else if (type === 'AWS::S3::Bucket') {
      for (const c of list(ctx, res, ['NotificationConfiguration', 'LambdaConfigurations']))
        if (isRecord(c))
          target(resolved(ctx, c['Function']))?.triggers.push({ kind: 'async', source: 's3', name: id, type, res })
    } else if (type === 'AWS::SQS::Queue' || type === 'AWS::Kinesis::Stream') {
      noteProperties(unsupported, id, type, type, props)
    }
  }
  for (const f of functions.values()) asyncOnlyUnused(ctx, f, unsupported)
  return { ctx, functions: Array.from(functions.values()), unsupported }
}

const ASYNC_ONLY =
  'read but not used: it applies to asynchronous invocations only, and no trigger in this template invokes the function asynchronously (queue and stream triggers retry and redrive on their own terms)'

/**
 * On a function only queues and streams call, a dead-letter queue or invoke config would look
 * honoured though no scenario uses it, so it is listed. A Globals one is a blanket default and is
 * left alone.
 */
function asyncOnlyUnused(ctx: TemplateContext, f: FunctionModel, out: Unsupported[]): void {
  if (f.triggers.some((t) => t.kind === 'async')) return
  const own: Res = { ...f.res, globals: undefined }
  const dlq = f.type === 'AWS::Serverless::Function' ? 'DeadLetterQueue' : 'DeadLetterConfig'
  if (has(ctx, own, [dlq])) out.push({ resource: f.id, type: f.type, property: dlq, reason: ASYNC_ONLY })
  const eic = f.invokeConfig
  if (eic && (eic.prefix === undefined || has(ctx, own, ['EventInvokeConfig'])))
    out.push({
      resource: eic.id,
      type: eic.type,
      ...(eic.prefix ? { property: 'EventInvokeConfig' } : {}),
      reason: ASYNC_ONLY,
    })
}

function resolved(ctx: TemplateContext, v: unknown): unknown {
  const r = resolve(ctx, v)
  return r.ok ? r.value : undefined
}

const noFunction = (resource: string, type: string): Unsupported => ({
  resource,
  type,
  property: 'FunctionName',
  reason: 'not supported: FunctionName does not name a function of this template',
})

function noteProperties(
  out: Unsupported[],
  resource: string,
  type: string,
  kind: string,
  props: Readonly<Record<string, unknown>>,
  prefix = '',
) {
  for (const [property, reason] of unreadProperties(kind, props))
    out.push({ resource, type, property: `${prefix}${property}`, reason })
}

function samEvents(ctx: TemplateContext, f: FunctionModel, unsupported: Unsupported[]): void {
  const events = value(ctx, f.res, ['Events'])
  if (events === undefined) return
  if (!isRecord(events)) {
    unsupported.push({ resource: f.id, type: f.type, property: 'Events', reason: 'Events is not a mapping of events' })
    return
  }
  for (const [name, ev] of Object.entries(events)) {
    const type = isRecord(ev) && typeof ev['Type'] === 'string' ? ev['Type'] : null
    const props = isRecord(ev) && isRecord(ev['Properties']) ? ev['Properties'] : {}
    const prefix = `Events.${name}.Properties.`
    const res: Res = { id: f.id, type: f.type, props, prefix }
    const at = `Events.${name}`
    if (!type) {
      unsupported.push({ resource: f.id, type: f.type, property: at, reason: 'the event has no Type' })
      continue
    }
    const sync = SAM_SYNC[type]
    const source = SAM_ASYNC[type]
    if (sync || source) noteProperties(unsupported, f.id, f.type, type, props, prefix)
    if (sync) f.triggers.push({ kind: 'sync', caller: sync, name, type, res })
    else if (source) f.triggers.push({ kind: 'async', source, name, type, res })
    else if (type === 'SQS') {
      noteProperties(unsupported, f.id, f.type, 'SQS', props, prefix)
      f.triggers.push({
        kind: 'sqs',
        name,
        type,
        res,
        queue: sourceRes(ctx, value(ctx, res, ['Queue'])),
        queueProperty: 'Queue',
      })
    } else if (type === 'Kinesis' || type === 'DynamoDB') {
      noteProperties(unsupported, f.id, f.type, type, props, prefix)
      const model = type === 'Kinesis' ? 'kinesis' : 'dynamodb'
      f.triggers.push({
        kind: 'stream',
        model,
        name,
        type,
        res,
        stream: sourceRes(ctx, value(ctx, res, ['Stream'])),
        streamProperty: 'Stream',
      })
    } else
      unsupported.push({
        resource: f.id,
        type: f.type,
        property: at,
        reason: `not supported: a ${type} event is not one of the invocation models the scenario format has`,
      })
  }
}

/** The queue, stream or table resource an ARN reference points at, when it is in the template. */
function sourceRes(ctx: TemplateContext, ref: unknown): Res | null {
  if (!(ref instanceof ResourceRef)) return null
  const type = typeOf(ctx, ref.id)
  return type ? { id: ref.id, type, props: propsOf(ctx, ref.id) } : null
}

function mappingTrigger(ctx: TemplateContext, f: FunctionModel, res: Res, unsupported: Unsupported[]): void {
  const arn = value(ctx, res, ['EventSourceArn'])
  const source = sourceRes(ctx, arn)
  const text = typeof arn === 'string' ? arn : arn instanceof PartialString ? arn.text : ''
  const service = source?.type ?? /^arn:[^:]*:([a-z0-9-]+):/.exec(text)?.[1] ?? ''
  const base = { name: res.id, type: res.type, res }
  if (service === 'AWS::SQS::Queue' || service === 'sqs')
    f.triggers.push({ ...base, kind: 'sqs', queue: source, queueProperty: 'EventSourceArn' })
  else if (service === 'AWS::Kinesis::Stream' || service === 'kinesis')
    f.triggers.push({ ...base, kind: 'stream', model: 'kinesis', stream: source, streamProperty: 'EventSourceArn' })
  else if (service === 'AWS::DynamoDB::Table' || service === 'dynamodb')
    f.triggers.push({ ...base, kind: 'stream', model: 'dynamodb', stream: source, streamProperty: 'EventSourceArn' })
  else
    unsupported.push({
      resource: res.id,
      type: res.type,
      property: 'EventSourceArn',
      reason: `not supported: the event source ${show(text || source?.type || arn)} is not SQS, Kinesis or DynamoDB Streams`,
    })
}
