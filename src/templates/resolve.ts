/**
 * Intrinsic functions, resolved as far as a template alone allows: `Ref` to a parameter's Default,
 * `Ref` / `GetAtt` to a resource of the template (kept as a ResourceRef, since its physical name or
 * ARN only exists once deployed), `Sub`, `Join`, `Select`, `Split`, `FindInMap`. What depends on a
 * deployment (pseudo parameters, conditions, imports) is unresolved, with the reason.
 */
import { show } from './errors'

export class ResourceRef {
  constructor(
    readonly id: string,
    /** null for `Ref`; the attribute for `GetAtt` (`Arn`, `StreamArn`, ...). */
    readonly attr: string | null,
  ) {}
}

/** A string built from pieces not all known (`arn:${AWS::Partition}:sqs:...`): its shape still tells a service. */
export class PartialString {
  constructor(readonly text: string) {}
}

export type Resolved = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string }

export interface TemplateContext {
  readonly parameters: Readonly<Record<string, unknown>>
  readonly resources: Readonly<Record<string, unknown>>
  readonly mappings: Readonly<Record<string, unknown>>
}

const NO_VALUE = Symbol('AWS::NoValue')
const ok = (value: unknown): Resolved => ({ ok: true, value })
const no = (reason: string): Resolved => ({ ok: false, reason })

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  !(v instanceof ResourceRef) &&
  !(v instanceof PartialString)

const own = (o: Readonly<Record<string, unknown>>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined

/** The one key of an intrinsic-function object, or null for plain data. */
function intrinsic(v: unknown): [string, unknown] | null {
  if (!isRecord(v)) return null
  const keys = Object.keys(v)
  if (keys.length !== 1) return null
  const [key] = keys as [string]
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? [key, v[key]] : null
}

/**
 * Resolves a value shallowly: intrinsics at the top are evaluated; plain objects and lists are
 * returned as they are (their parts are resolved when read). `undefined` = absent or AWS::NoValue.
 */
export function resolve(ctx: TemplateContext, value: unknown, depth = 0): Resolved {
  if (depth > 50) return no('intrinsic functions nested too deeply')
  const fn = intrinsic(value)
  if (!fn) return ok(value)
  const [name, arg] = fn
  switch (name) {
    case 'Ref':
      return ref(ctx, arg)
    case 'Fn::GetAtt': {
      const parts = typeof arg === 'string' ? arg.split('.') : arg
      if (!Array.isArray(parts) || typeof parts[0] !== 'string' || typeof parts[1] !== 'string')
        return no(`Fn::GetAtt needs [resource, attribute], got ${show(arg)}`)
      if (own(ctx.resources, parts[0]) === undefined) return no(`Fn::GetAtt names ${parts[0]}, not a resource here`)
      return ok(new ResourceRef(parts[0], parts.slice(1).join('.')))
    }
    case 'Fn::Sub':
      return sub(ctx, arg, depth)
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2) return no('Fn::Join needs [delimiter, list]')
      const list = resolve(ctx, arg[1], depth + 1)
      if (!list.ok) return list
      if (typeof arg[0] !== 'string' || !Array.isArray(list.value)) return no('Fn::Join needs [delimiter, list]')
      const parts: string[] = []
      let partial = false
      for (const item of list.value) {
        const r = resolve(ctx, item, depth + 1)
        if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) parts.push(String(r.value))
        else if (r.ok && r.value instanceof PartialString) {
          parts.push(r.value.text)
          partial = true
        } else {
          parts.push('${?}')
          partial = true
        }
      }
      const text = parts.join(arg[0])
      return ok(partial ? new PartialString(text) : text)
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg) || arg.length !== 2) return no('Fn::Select needs [index, list]')
      const index = resolve(ctx, arg[0], depth + 1)
      const list = resolve(ctx, arg[1], depth + 1)
      if (!index.ok) return index
      if (!list.ok) return list
      const i = Number(index.value)
      if (!Array.isArray(list.value) || !Number.isInteger(i) || i < 0 || i >= list.value.length)
        return no('Fn::Select index is not in its list')
      return resolve(ctx, list.value[i], depth + 1)
    }
    case 'Fn::Split': {
      if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string')
        return no('Fn::Split needs [delimiter, text]')
      const text = resolve(ctx, arg[1], depth + 1)
      if (!text.ok) return text
      return typeof text.value === 'string'
        ? ok(text.value.split(arg[0]))
        : no('Fn::Split of a value known only when deployed')
    }
    case 'Fn::FindInMap': {
      if (!Array.isArray(arg) || arg.length < 3) return no('Fn::FindInMap needs [map, key, key]')
      const keys = arg.slice(0, 3).map((k) => resolve(ctx, k, depth + 1))
      const names = keys.map((k) => (k.ok && typeof k.value === 'string' ? k.value : null))
      if (names.some((k) => k === null)) return no('Fn::FindInMap with a key known only when deployed')
      const [m, a, b] = names as [string, string, string]
      const map = own(ctx.mappings, m)
      const row = isRecord(map) ? own(map, a) : undefined
      const found = isRecord(row) ? own(row, b) : undefined
      return found === undefined ? no(`Fn::FindInMap finds nothing at ${m}.${a}.${b}`) : resolve(ctx, found, depth + 1)
    }
    case 'Fn::If':
      return no('Fn::If depends on a condition, which is decided when the stack is deployed')
    case 'Fn::ImportValue':
      return no("Fn::ImportValue reads another stack's output")
    default:
      return no(`${name} is evaluated only when the stack is deployed`)
  }
}

function ref(ctx: TemplateContext, name: unknown): Resolved {
  if (typeof name !== 'string') return no(`Ref needs a name, got ${show(name)}`)
  if (name === 'AWS::NoValue') return ok(NO_VALUE)
  if (name.startsWith('AWS::')) return no(`${name} is known only when the stack is deployed`)
  const param = own(ctx.parameters, name)
  if (param !== undefined) {
    const def = isRecord(param) ? own(param, 'Default') : undefined
    if (def === undefined) return no(`parameter ${name} has no Default`)
    const type = isRecord(param) ? param['Type'] : undefined
    if (type === 'Number' && typeof def === 'string' && def.trim() !== '' && Number.isFinite(Number(def)))
      return ok(Number(def))
    return ok(def)
  }
  if (own(ctx.resources, name) !== undefined) return ok(new ResourceRef(name, null))
  return no(`Ref ${name} names no parameter or resource of this template`)
}

function sub(ctx: TemplateContext, arg: unknown, depth: number): Resolved {
  const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, {}]
  if (typeof template !== 'string' || !isRecord(vars)) return no('Fn::Sub needs text (and a map of variables)')
  const whole = /^\$\{([^!}][^}]*)\}$/.exec(template)
  let partial = false
  const lookup = (name: string): unknown => {
    const local = own(vars, name)
    if (local !== undefined) return resolve(ctx, local, depth + 1)
    const dot = name.indexOf('.')
    if (dot > 0) return resolve(ctx, { 'Fn::GetAtt': [name.slice(0, dot), name.slice(dot + 1)] }, depth + 1)
    return ref(ctx, name)
  }
  if (whole?.[1]) {
    const r = lookup(whole[1]) as Resolved
    return r.ok && r.value instanceof ResourceRef ? r : subText()
  }
  return subText()

  function subText(): Resolved {
    const text = (template as string).replace(/\$\{([^}]*)\}/g, (all, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`
      const r = lookup(name) as Resolved
      if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) return String(r.value)
      partial = true
      return all
    })
    return ok(partial ? new PartialString(text) : text)
  }
}

export const isNoValue = (v: unknown): boolean => v === NO_VALUE
