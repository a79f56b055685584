/**
 * Small validators for one field each. A validator records every problem in `Issues` and returns a
 * placeholder (the default) when the value is bad: the scenario is only handed out when no issue was
 * recorded, and collecting all problems needs the walk to go on.
 */
import { GETTER, MISSING, childPath } from './issues'
import type { Issues } from './issues'
import type { DurationSpec, FailSpec } from './types'

export type Field<T> = (issues: Issues, path: string, value: unknown, fallback: T) => T

/** One validator per field of T: the type checker keeps schemas and types.ts in step. */
export type Schema<T> = { readonly [K in keyof T]-?: Field<T[K]> }

export interface Range {
  readonly min: number
  readonly max: number
  /** Units or the AWS parameter, shown in the message: "seconds; AWS Timeout". */
  readonly note?: string
}

const MAX_DURATION_MS = 900000

function describeRange(range: Range, integer: boolean): string {
  const kind = integer ? 'an integer' : 'a number'
  const note = range.note === undefined ? '' : ` (${range.note})`
  return `${kind} from ${range.min} to ${range.max}${note}`
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'object':
      return 'an object'
    case 'undefined':
      return 'undefined'
    default:
      return `a ${typeof value}`
  }
}

/**
 * Checks a number against a range. `alternatives` are accepted values outside it (-1 = no limit) or
 * null, described first: "must be null (unreserved) or an integer from 0 to 900".
 */
/** What a numeric field accepts, readable by other layers (the knobs panel words it for people). */
export interface NumberRule {
  readonly integer: boolean
  readonly min: number
  readonly max: number
  /** Values accepted outside the range, with their meaning: [null, "unreserved"], [-1, "no limit"]. */
  readonly alternatives: readonly (readonly [number | null, string])[]
}

/** The rule of a numeric field made by this module, or null for any other field. */
export function numberRule(field: unknown): NumberRule | null {
  return typeof field === 'function' && 'rule' in field ? (field.rule as NumberRule) : null
}

function numberField(
  range: Range,
  integer: boolean,
  alternatives: readonly [number | null, string][] = [],
): Field<number> {
  const allowed = [
    ...alternatives.map(([v, meaning]) => `${String(v)} (${meaning})`),
    describeRange(range, integer),
  ].join(' or ')
  const rule: NumberRule = { integer, min: range.min, max: range.max, alternatives }
  const field: Field<number> = (issues, path, value, fallback) => {
    if (alternatives.some(([v]) => v === value)) return value as number
    if (typeof value !== 'number') {
      issues.add(path, value, `must be ${allowed}, not ${typeName(value)}`)
      return fallback
    }
    if (!Number.isFinite(value)) {
      issues.add(path, value, `must be a finite number: ${allowed}`)
      return fallback
    }
    if ((integer && !Number.isInteger(value)) || value < range.min || value > range.max) {
      issues.add(path, value, `must be ${allowed}`)
      return fallback
    }
    return value === 0 ? 0 : value // -0 becomes 0 so the scenario survives JSON unchanged
  }
  return Object.assign(field, { rule })
}

export const int = (min: number, max: number, note?: string): Field<number> => numberField({ min, max, note }, true)
export const real = (min: number, max: number, note?: string): Field<number> => numberField({ min, max, note }, false)

/** An integer in range, or null with the given meaning ("unreserved", "no redrive"). */
export function intOrNull(min: number, max: number, nullMeaning: string, note?: string): Field<number | null> {
  return numberField({ min, max, note }, true, [[null, nullMeaning]]) as Field<number | null>
}

/** An integer in range, or -1 meaning no limit (stream retry and record-age settings). */
export const intOrMinusOne = (min: number, max: number, note?: string): Field<number> =>
  numberField({ min, max, note }, true, [[-1, 'no limit']])

export function choice<T extends string | null>(
  options: readonly T[],
  extra?: (value: unknown) => string | undefined,
): Field<T> {
  const allowed = options.map((o) => (o === null ? 'null' : JSON.stringify(o))).join(', ')
  return (issues, path, value, fallback) => {
    if (options.includes(value as T)) return value as T
    issues.add(path, value, extra?.(value) ?? `must be one of ${allowed}`)
    return fallback
  }
}

export const bool: Field<boolean> = (issues, path, value, fallback) => {
  if (typeof value === 'boolean') return value
  issues.add(path, value, `must be true or false, not ${typeName(value)}`)
  return fallback
}

/** Length in characters as a reader counts them (an emoji is one), cheap even on a huge string. */
function characters(text: string, max: number): number {
  if (text.length > max * 2) return text.length
  let count = 0
  for (const _ of text) count++
  return count
}

export interface TextRule {
  readonly min: number
  readonly max: number
  readonly pattern?: RegExp
  /** What the pattern allows, in words: "lowercase letters, digits and '-'". */
  readonly patternNote?: string
}

export function text(rule: TextRule): Field<string> {
  return textField(rule, undefined) as Field<string>
}

export function textOrNull(rule: TextRule, nullMeaning: string): Field<string | null> {
  return textField(rule, nullMeaning)
}

function textField(rule: TextRule, nullMeaning: string | undefined): Field<string | null> {
  const chars = rule.patternNote === undefined ? 'characters' : `characters of ${rule.patternNote}`
  const length = rule.min === 0 ? `at most ${rule.max}` : `${rule.min} to ${rule.max}`
  const orNull = nullMeaning === undefined ? '' : `null (${nullMeaning}) or `
  const allowed = `${orNull}a string of ${length} ${chars}`
  return (issues, path, value, fallback) => {
    if (value === null && nullMeaning !== undefined) return null
    if (typeof value !== 'string') {
      issues.add(path, value, `must be ${allowed}, not ${typeName(value)}`)
      return fallback
    }
    const count = characters(value, rule.max)
    if (count < rule.min || count > rule.max || (rule.pattern !== undefined && !rule.pattern.test(value))) {
      issues.add(path, value, `must be ${allowed}`)
      return fallback
    }
    return value
  }
}

const durationNumber = int(0, MAX_DURATION_MS, 'milliseconds')
const DURATION_ALLOWED = `an integer from 0 to ${MAX_DURATION_MS} (milliseconds) or { "min": ms, "max": ms }`

/** A fixed handler time, or { min, max } with 0 ≤ min ≤ max ≤ 900000. Its numberRule is that of each number. */
const durationField: Field<DurationSpec> = (issues, path, value, fallback) => {
  if (typeof value === 'number') return durationNumber(issues, path, value, typeof fallback === 'number' ? fallback : 0)
  const fields = readObject(issues, path, value, ['min', 'max'], DURATION_ALLOWED)
  if (fields === null) return fallback
  let ok = true
  const part = (key: 'min' | 'max'): number => {
    const partPath = childPath(path, key)
    if (!fields.has(key)) {
      issues.add(
        partPath,
        MISSING,
        `is required when ${path} is a range: an integer from 0 to ${MAX_DURATION_MS} (milliseconds)`,
      )
      ok = false
      return 0
    }
    const before = issues.has(partPath)
    const result = durationNumber(issues, partPath, fields.get(key), 0)
    if (!before && issues.has(partPath)) ok = false
    return result
  }
  const min = part('min')
  const max = part('max')
  if (ok && min > max) {
    issues.add(childPath(path, 'min'), min, `must not be greater than ${path}.max (${max})`)
    return fallback
  }
  return { min, max }
}
export const duration: Field<DurationSpec> = Object.assign(durationField, { rule: numberRule(durationNumber) })

export const durationOrNull: Field<DurationSpec | null> = (issues, path, value, fallback) =>
  value === null ? null : duration(issues, path, value, fallback ?? 0)

export const fail: Field<FailSpec> = (issues, path, value, fallback) => {
  if (value === 'never' || value === 'always') return value
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000)
    return value === 0 ? 0 : value
  issues.add(
    path,
    value,
    'must be "never" (errorRate applies), "always", or an integer from 0 to 1000 (fail the first N attempts that ran)',
  )
  return fallback
}

/** A plain object: made by `{}`/JSON.parse or with a null prototype; not an array, class instance or Date. */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  // Object.prototype of this realm or another: its own prototype is null.
  return proto === null || Object.getPrototypeOf(proto) === null
}

/**
 * The own enumerable data properties of a plain object among `allowed`, each other key reported as
 * an unknown field (`__proto__` included). Getters are never called; undefined counts as absent.
 * Returns null (after one issue) when the value is not a plain object.
 */
export function readObject(
  issues: Issues,
  path: string,
  value: unknown,
  allowed: readonly string[],
  what = 'an object',
): Map<string, unknown> | null {
  if (!isPlainObject(value)) {
    issues.add(path, value, `must be ${what}, not ${typeName(value)}`)
    return null
  }
  const fields = new Map<string, unknown>()
  for (const key of Object.keys(value)) {
    const keyPath = childPath(path, key)
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (descriptor === undefined) continue // a proxy may list a key it does not have
    const data = 'value' in descriptor
    if (!allowed.includes(key)) {
      issues.add(keyPath, data ? descriptor.value : GETTER, unknownFieldMessage(key, allowed))
    } else if (!data) {
      issues.add(keyPath, GETTER, 'must be a plain value; accessor properties are not read')
    } else if (descriptor.value !== undefined) {
      fields.set(key, descriptor.value)
    }
  }
  return fields
}

function unknownFieldMessage(key: string, allowed: readonly string[]): string {
  const guess = key.length <= 64 ? allowed.find((name) => isNear(key, name)) : undefined
  return guess === undefined ? 'unknown field' : `unknown field (did you mean "${guess}"?)`
}

/** Same name but for case, or at most two single-character edits: catches most typos. */
function isNear(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true
  if (Math.abs(a.length - b.length) > 2) return false
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost))
    }
    previous = row
  }
  return (previous[b.length] ?? 99) <= Math.min(2, Math.floor(b.length / 3))
}

/** Reads a block through its schema: omitted fields take the default, unknown ones are issues. */
export function readBlock<T extends object>(
  issues: Issues,
  path: string,
  value: unknown,
  schema: Schema<T>,
  defaults: T,
): { block: T; present: ReadonlySet<string> } {
  const keys = Object.keys(schema) as (keyof T & string)[]
  const fields =
    value === undefined
      ? new Map<string, unknown>()
      : (readObject(issues, path, value, keys) ?? new Map<string, unknown>())
  const block = {} as { [K in keyof T]: T[K] }
  for (const key of keys) {
    const validate = schema[key] as Field<T[typeof key]>
    block[key] = fields.has(key)
      ? validate(issues, childPath(path, key), fields.get(key), defaults[key])
      : defaults[key]
  }
  return { block, present: new Set(fields.keys()) }
}
