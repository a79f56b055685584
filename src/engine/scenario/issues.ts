/** Collecting scenario problems, and describing hostile values without running their code. */
import { SCENARIO_LIMITS } from './defaults'
import type { ScenarioIssue } from './types'

const MAX_VALUE_CHARS = 80
const MAX_KEY_CHARS = 60

export class Issues {
  readonly list: ScenarioIssue[] = []
  private readonly paths = new Set<string>()
  private dropped = 0

  add(path: string, value: unknown, message: string): void {
    this.paths.add(path)
    if (this.list.length < SCENARIO_LIMITS.maxIssues) this.list.push({ path, value: describeValue(value), message })
    else this.dropped++
  }

  /** Lets cross-field rules stay silent about a field that already has its own issue. */
  has(path: string): boolean {
    return this.paths.has(path)
  }

  get empty(): boolean {
    return this.paths.size === 0
  }

  result(): ScenarioIssue[] {
    if (this.dropped === 0) return this.list
    const message = `${this.dropped} more problems not listed (only the first ${SCENARIO_LIMITS.maxIssues} are shown)`
    return [...this.list, { path: '', value: '', message }]
  }
}

/** Marks a field that is absent, so the issue reads "(got nothing)". */
export const MISSING: unique symbol = Symbol('missing')
/** Marks an accessor property, whose getter is never called. */
export const GETTER: unique symbol = Symbol('getter')

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** `function.timeout`, or `function["odd key"]` for keys that are not identifiers. */
export function childPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key) && key.length <= MAX_KEY_CHARS) return parent === '' ? key : `${parent}.${key}`
  const shown = key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key
  return `${parent}[${JSON.stringify(shown)}]`
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`
}

/**
 * JSON-ish text of a value, at most 80 characters. Bounded in depth and width so a huge or deeply
 * nested value costs little, and reads only data properties so no getter of the input ever runs.
 */
export function describeValue(value: unknown): string {
  try {
    const text = value === MISSING ? 'nothing' : value === GETTER ? 'a getter (not called)' : show(value, 0)
    return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text
  } catch {
    return '(unreadable value)'
  }
}

function show(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value)
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value)
    case 'boolean':
      return String(value)
    case 'undefined':
      return 'undefined'
    case 'bigint':
      return `${value}n`
    case 'symbol':
      return 'a symbol'
    case 'function':
      return 'a function'
    default:
      break
  }
  if (value === null) return 'null'
  if (depth >= 2) return Array.isArray(value) ? '[…]' : '{…}'
  const parts: string[] = []
  let width = 0
  const push = (part: string): boolean => {
    parts.push(part)
    width += part.length + 1
    return width < MAX_VALUE_CHARS
  }
  if (Array.isArray(value)) {
    const length = Number(Object.getOwnPropertyDescriptor(value, 'length')?.value ?? 0)
    for (let i = 0; i < length; i++) {
      if (!push(showProperty(value, String(i), depth))) return `[${parts.join(',')},…]`
    }
    return `[${parts.join(',')}]`
  }
  // for..in stops early on a huge object, where Object.keys would list every key first.
  for (const key in value as object) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue
    if (!push(`${JSON.stringify(key.slice(0, MAX_VALUE_CHARS))}:${showProperty(value as object, key, depth)}`)) {
      return `{${parts.join(',')},…}`
    }
  }
  return `{${parts.join(',')}}`
}

function showProperty(owner: object, key: string, depth: number): string {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key)
  if (descriptor === undefined) return 'undefined'
  if (!('value' in descriptor)) return 'getter'
  return show(descriptor.value, depth + 1)
}
