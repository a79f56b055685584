/**
 * What a reference points at: a function (by Ref, GetAtt, name or ARN), or a destination kind
 * (sqs / sns / lambda / eventbridge / s3) by the referenced resource's type or the ARN's service.
 */
import { isRecord, PartialString, resolve, ResourceRef } from './resolve'
import type { TemplateContext } from './resolve'

export const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function'])
export type TargetKind = 'sqs' | 'sns' | 'lambda' | 'eventbridge' | 's3'

export function typeOf(ctx: TemplateContext, id: string): string | null {
  const r = Object.prototype.hasOwnProperty.call(ctx.resources, id) ? ctx.resources[id] : undefined
  return isRecord(r) && typeof r['Type'] === 'string' ? r['Type'] : null
}

export function propsOf(ctx: TemplateContext, id: string): Record<string, unknown> {
  const r = Object.prototype.hasOwnProperty.call(ctx.resources, id) ? ctx.resources[id] : undefined
  const p = isRecord(r) ? r['Properties'] : undefined
  return isRecord(p) ? p : {}
}

const SERVICE_KINDS: Readonly<Record<string, TargetKind>> = {
  sqs: 'sqs',
  sns: 'sns',
  lambda: 'lambda',
  events: 'eventbridge',
  s3: 's3',
}

const TYPE_KINDS: Readonly<Record<string, TargetKind>> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::SNS::Topic': 'sns',
  'AWS::Lambda::Function': 'lambda',
  'AWS::Serverless::Function': 'lambda',
  'AWS::Lambda::Alias': 'lambda',
  'AWS::Lambda::Version': 'lambda',
  'AWS::Events::EventBus': 'eventbridge',
  'AWS::S3::Bucket': 's3',
}

/** SAM's `Type` on a destination or DLQ (`SQS`, `SNS`, `Lambda`, `EventBridge`, `S3`). */
export function kindOfSamType(type: unknown): TargetKind | null {
  if (typeof type !== 'string') return null
  const t = type.toLowerCase()
  return t === 'sqs' || t === 'sns' || t === 'lambda' || t === 's3' ? t : t === 'eventbridge' ? 'eventbridge' : null
}

/** A destination's kind, or null when neither its resource nor its ARN tells. */
export function kindOf(ctx: TemplateContext, target: unknown): TargetKind | null {
  if (target instanceof ResourceRef) return TYPE_KINDS[typeOf(ctx, target.id) ?? ''] ?? null
  const text = typeof target === 'string' ? target : target instanceof PartialString ? target.text : null
  const service = text ? /^arn:[^:]*:([a-z0-9-]+):/.exec(text)?.[1] : undefined
  return service ? (SERVICE_KINDS[service] ?? null) : null
}

/** The logical id of the function a FunctionName / ARN / Ref means, or null. */
export function functionOf(
  ctx: TemplateContext,
  target: unknown,
  functions: readonly string[],
  depth = 0,
): string | null {
  if (target instanceof ResourceRef) {
    const type = typeOf(ctx, target.id)
    if (type && FUNCTION_TYPES.has(type)) return target.id
    if ((type === 'AWS::Lambda::Alias' || type === 'AWS::Lambda::Version') && depth === 0) {
      const fn = resolve(ctx, propsOf(ctx, target.id)['FunctionName'])
      return fn.ok ? functionOf(ctx, fn.value, functions, 1) : null
    }
    return null
  }
  const text = typeof target === 'string' ? target : target instanceof PartialString ? target.text : null
  if (!text) return null
  const raw = /:function:([^:]+)/.exec(text)?.[1] ?? text
  // `arn:...:function:${Fn}` from a Sub whose Ref stayed symbolic.
  const name = /^\$\{([^}.]+)(?:\.Arn)?\}$/.exec(raw)?.[1] ?? raw
  for (const id of functions) {
    if (id === name) return id
    const fnName = propsOf(ctx, id)['FunctionName']
    if (typeof fnName === 'string' && fnName === name) return id
  }
  return null
}
