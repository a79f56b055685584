/**
 * Reading one property of one resource: resolved through intrinsics, typed, and remembered with
 * where it came from (template, AWS default, or unresolvable) so every scenario value can be traced.
 */
import { show } from './errors'
import { isNoValue, isRecord, PartialString, resolve, ResourceRef } from './resolve'
import type { TemplateContext } from './resolve'
import type { SourceFrom } from './types'

/** A property that is present but unusable (wrong type): the trigger or function it belongs to is skipped. */
export class PropertyError extends Error {
  constructor(
    readonly resource: string,
    readonly property: string,
    reason: string,
  ) {
    super(reason)
  }
}

/** A resource, or a part of one read like a resource (a SAM event's Properties). */
export interface Res {
  readonly id: string
  readonly type: string
  readonly props: Readonly<Record<string, unknown>>
  /** Prepended to property paths in sources (`Events.Queue.Properties.`). */
  readonly prefix?: string
  /** SAM `Globals.Function`, consulted when the function itself does not set a property. */
  readonly globals?: Readonly<Record<string, unknown>>
}

export interface Val<T> {
  readonly value: T
  readonly from: SourceFrom
  readonly resource: string
  readonly property: string
  readonly reason?: string
}

type Lookup =
  | { readonly found: false }
  | {
      readonly found: true
      readonly ok: true
      readonly value: unknown
      readonly resource: string
      readonly property: string
    }
  | {
      readonly found: true
      readonly ok: false
      readonly reason: string
      readonly resource: string
      readonly property: string
    }

const own = (o: Readonly<Record<string, unknown>>, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined

function walk(ctx: TemplateContext, root: unknown, path: readonly string[]): Resolved2 {
  let current: unknown = root
  for (const key of path) {
    const r = resolve(ctx, current)
    if (!r.ok) return { ok: false, reason: r.reason }
    let v = r.value
    // Older templates give RedrivePolicy as a JSON string.
    if (typeof v === 'string' && v.trim().startsWith('{')) {
      try {
        v = JSON.parse(v)
      } catch {
        return { ok: true, value: undefined }
      }
    }
    if (!isRecord(v)) return { ok: true, value: undefined }
    current = own(v, key)
    if (current === undefined) return { ok: true, value: undefined }
  }
  const r = resolve(ctx, current)
  if (!r.ok) return r
  return { ok: true, value: isNoValue(r.value) ? undefined : r.value }
}
type Resolved2 = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string }

export function lookup(ctx: TemplateContext, res: Res, path: readonly string[]): Lookup {
  const property = `${res.prefix ?? ''}${path.join('.')}`
  const mine = walk(ctx, res.props, path)
  if (!mine.ok) return { found: true, ok: false, reason: mine.reason, resource: res.id, property }
  if (mine.value !== undefined) return { found: true, ok: true, value: mine.value, resource: res.id, property }
  if (res.globals) {
    const g = walk(ctx, res.globals, path)
    const gp = `Function.${path.join('.')}`
    if (!g.ok) return { found: true, ok: false, reason: g.reason, resource: 'Globals', property: gp }
    if (g.value !== undefined) return { found: true, ok: true, value: g.value, resource: 'Globals', property: gp }
  }
  return { found: false }
}

function read<T>(
  ctx: TemplateContext,
  res: Res,
  path: readonly string[],
  fallback: T,
  convert: (v: unknown) => T | undefined,
  expected: string,
): Val<T> {
  const l = lookup(ctx, res, path)
  const property = `${res.prefix ?? ''}${path.join('.')}`
  if (!l.found) return { value: fallback, from: 'default', resource: res.id, property }
  if (!l.ok)
    return { value: fallback, from: 'unresolved', resource: l.resource, property: l.property, reason: l.reason }
  if (l.value instanceof PartialString || l.value instanceof ResourceRef)
    return {
      value: fallback,
      from: 'unresolved',
      resource: l.resource,
      property: l.property,
      reason: 'the value is known only when the stack is deployed',
    }
  const v = convert(l.value)
  if (v === undefined)
    throw new PropertyError(
      l.resource,
      l.property,
      `${l.resource} ${l.property} must be ${expected}, got ${show(l.value)}.`,
    )
  return { value: v, from: 'template', resource: l.resource, property: l.property }
}

const toNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
  return Number.isFinite(n) ? n : undefined
}
const toBool = (v: unknown): boolean | undefined =>
  typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined
const toText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined

export const num = <T extends number | null>(ctx: TemplateContext, res: Res, path: readonly string[], fallback: T) =>
  read<number | T>(ctx, res, path, fallback, toNumber, 'a number')
export const bool = (ctx: TemplateContext, res: Res, path: readonly string[], fallback: boolean) =>
  read(ctx, res, path, fallback, toBool, 'true or false')
export const text = <T extends string | null>(ctx: TemplateContext, res: Res, path: readonly string[], fallback: T) =>
  read<string | T>(ctx, res, path, fallback, toText, 'text')

/** A property's resolved value as is (a ResourceRef, a PartialString, text, a list...), or undefined. */
export function value(ctx: TemplateContext, res: Res, path: readonly string[]): unknown {
  const l = lookup(ctx, res, path)
  return l.found && l.ok ? l.value : undefined
}

/** Whether a property is set at all (even to something unresolvable). */
export const has = (ctx: TemplateContext, res: Res, path: readonly string[]): boolean => lookup(ctx, res, path).found

/** A list property's items, each resolved. */
export function list(ctx: TemplateContext, res: Res, path: readonly string[]): unknown[] {
  const v = value(ctx, res, path)
  if (!Array.isArray(v)) return []
  return v.map((item) => {
    const r = resolve(ctx, item)
    return r.ok ? r.value : undefined
  })
}
