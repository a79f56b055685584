/**
 * Scenario format v1 (docs/SCENARIO.md): validation and defaults. One entry point for presets, share
 * links, embeds, files and the CLI, so it must never throw, whatever it is handed.
 */
import {
  DEFAULT_ACCOUNT,
  DEFAULT_ASYNC,
  DEFAULT_DESCRIPTION,
  DEFAULT_FUNCTION,
  DEFAULT_SEED,
  DEFAULT_SQS,
  DEFAULT_STREAM,
  DEFAULT_SYNC,
  DEFAULT_TITLE,
  DEFAULT_WORKLOAD_ENTRY,
  SCENARIO_LIMITS,
  SCENARIO_VERSION,
  defaultCallerTimeoutMs,
} from './defaults'
import { choice, int, intOrNull, isPlainObject, readBlock, readObject, text } from './fields'
import { GETTER, Issues, MISSING, indexPath } from './issues'
import { checkFunction, checkRecursion, checkSqs, checkStream } from './rules'
import {
  ACCOUNT_SCHEMA,
  ASYNC_SCHEMA,
  SQS_SCHEMA,
  STREAM_SCHEMA,
  SYNC_SCHEMA,
  WORKLOAD_ENTRY_SCHEMA,
  functionSchema,
} from './schemas'
import { MODELS } from './types'
import type { Model, ParseResult, Scenario, ScenarioIssue, WorkloadEntry } from './types'

const TOP_LEVEL_KEYS = [
  'version',
  'id',
  'title',
  'description',
  'docUrl',
  'model',
  'seed',
  'stopAtMs',
  'account',
  'function',
  'workload',
  'sync',
  'async',
  'sqs',
  'stream',
] as const

const idField = text({ min: 1, max: 64, pattern: /^[a-z0-9-]+$/, patternNote: "lowercase letters, digits and '-'" })
const titleField = text({ min: 0, max: 200 })
const descriptionField = text({ min: 0, max: 2000 })
// Extension: the AWS page a preset teaches from; https only, so a shared link cannot smuggle a script URL.
const docUrlField = text({ min: 9, max: 500, pattern: /^https:\/\/[^\s"'<>]+$/, patternNote: 'an https:// URL' })
const modelField = choice<Model>(MODELS)
const seedField = int(0, 4294967295, 'uint32')
const stopAtField = intOrNull(1, 604800000, 'run until nothing is left to happen', 'milliseconds, at most 7 days')

/** Validates any value as a scenario and fills every omitted field with its AWS default. Never throws. */
export function parseScenario(input: unknown): ParseResult {
  try {
    return parseValue(input)
  } catch (error) {
    return failure(`the scenario could not be read: ${errorText(error)}`)
  }
}

/** Parses JSON text (at most 5 MB) and validates it like `parseScenario`. Never throws. */
export function parseScenarioText(text: string): ParseResult {
  try {
    if (typeof text !== 'string') return failure('the scenario must be given as JSON text')
    const bytes = utf8Bytes(text, SCENARIO_LIMITS.maxTextBytes)
    if (bytes > SCENARIO_LIMITS.maxTextBytes) {
      return failure(`the scenario text is larger than 5 MB (${SCENARIO_LIMITS.maxTextBytes} bytes): too large to load`)
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text // editors on Windows add a BOM
    if (body.trim() === '')
      return failure('the scenario text is empty; expected a JSON object such as { "version": 1, ... }')
    let data: unknown
    try {
      data = JSON.parse(body)
    } catch (error) {
      return failure(`not valid JSON: ${withLineAndColumn(errorText(error), body)}`)
    }
    return parseScenario(data)
  } catch (error) {
    return failure(`the scenario text could not be read: ${errorText(error)}`)
  }
}

/** One line per issue: `<path>: <message> (got <value>)`; the path or value is left out when empty. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues
    .map(
      (issue) =>
        `${issue.path === '' ? '' : `${issue.path}: `}${issue.message}${issue.value === '' ? '' : ` (got ${issue.value})`}`,
    )
    .join('\n')
}

function parseValue(input: unknown): ParseResult {
  const issues = new Issues()
  if (!isPlainObject(input)) {
    issues.add(
      '',
      input,
      'the scenario must be a JSON object such as { "version": 1, "model": "sync", "workload": [] }',
    )
    return { ok: false, issues: issues.result() }
  }
  const top = readObject(issues, '', input, TOP_LEVEL_KEYS) ?? new Map<string, unknown>()
  const field = <T>(key: string, validate: (value: unknown) => T, fallback: T): T =>
    top.has(key) ? validate(top.get(key)) : fallback

  // A getter on a required key was already reported; "is required" would say it twice.
  const missing = (key: string): boolean => !top.has(key) && !issues.has(key)

  if (missing('version')) issues.add('version', MISSING, 'is required: must be 1 (scenario format version)')
  else if (top.has('version') && top.get('version') !== SCENARIO_VERSION) {
    issues.add('version', top.get('version'), 'must be 1: this app reads scenario format version 1')
  }

  const id = field('id', (v) => (v === null ? null : idField(issues, 'id', v, '')), null as string | null)
  const title = field('title', (v) => titleField(issues, 'title', v, DEFAULT_TITLE), id ?? DEFAULT_TITLE)
  const description = field(
    'description',
    (v) => descriptionField(issues, 'description', v, DEFAULT_DESCRIPTION),
    DEFAULT_DESCRIPTION,
  )
  const docUrl = field(
    'docUrl',
    (v) => (v === null ? null : docUrlField(issues, 'docUrl', v, '')),
    null as string | null,
  )
  if (missing('model'))
    issues.add('model', MISSING, `is required: one of ${MODELS.map((m) => JSON.stringify(m)).join(', ')}`)
  const modelRead = field('model', (v) => modelField(issues, 'model', v, 'sync'), 'sync')
  // Model-dependent rules need a model to depend on.
  const model: Model | null = issues.has('model') ? null : modelRead
  const seed = field('seed', (v) => seedField(issues, 'seed', v, DEFAULT_SEED), DEFAULT_SEED)
  const stopAtMs = field('stopAtMs', (v) => stopAtField(issues, 'stopAtMs', v, null), null)

  const account = readBlock(issues, 'account', top.get('account'), ACCOUNT_SCHEMA, DEFAULT_ACCOUNT).block
  // A bad limit would make every reserved value look wrong: judge against the widest limit instead.
  const limit = issues.has('account.concurrencyLimit') ? 100000 : account.concurrencyLimit
  const fn = readBlock(
    issues,
    'function',
    top.get('function'),
    functionSchema(Math.max(0, limit - 100)),
    DEFAULT_FUNCTION,
  ).block
  checkFunction(issues, fn)

  const workload = readWorkload(
    issues,
    top.has('workload') ? top.get('workload') : issues.has('workload') ? [] : MISSING,
  )

  const read = readBlock(issues, 'sync', top.get('sync'), SYNC_SCHEMA, DEFAULT_SYNC)
  // Omitted means "this caller's own timeout"; an explicit null means the caller waits.
  const sync = read.present.has('callerTimeoutMs')
    ? read.block
    : { ...read.block, callerTimeoutMs: defaultCallerTimeoutMs(read.block.caller) }
  const asyncBlock = readBlock(issues, 'async', top.get('async'), ASYNC_SCHEMA, DEFAULT_ASYNC).block
  const sqs = readBlock(issues, 'sqs', top.get('sqs'), SQS_SCHEMA, DEFAULT_SQS)
  checkSqs(issues, model, sqs.block, fn, sqs.present)
  checkRecursion(issues, model, fn, sqs.block, workload, stopAtMs)
  const stream = readBlock(issues, 'stream', top.get('stream'), STREAM_SCHEMA, DEFAULT_STREAM).block
  checkStream(issues, model, stream)

  if (!issues.empty || model === null) return { ok: false, issues: issues.result() }
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    id,
    title,
    description,
    docUrl,
    model,
    seed,
    stopAtMs,
    account,
    function: fn,
    workload,
    sync,
    async: asyncBlock,
    sqs: sqs.block,
    stream,
  }
  return { ok: true, scenario }
}

function readWorkload(issues: Issues, value: unknown): WorkloadEntry[] {
  const path = 'workload'
  if (value === MISSING) {
    issues.add(path, MISSING, 'is required: a list of arrivals such as [{ "atMs": 0, "count": 5 }] (may be empty)')
    return []
  }
  if (!Array.isArray(value)) {
    issues.add(path, value, 'must be a list of arrivals such as [{ "atMs": 0, "count": 5 }]')
    return []
  }
  const length: unknown = Object.getOwnPropertyDescriptor(value, 'length')?.value
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length > SCENARIO_LIMITS.maxWorkloadEntries) {
    issues.add(path, value, `has ${String(length)} entries; at most ${SCENARIO_LIMITS.maxWorkloadEntries} are allowed`)
    return []
  }
  const entries: WorkloadEntry[] = []
  let events = 0
  for (let i = 0; i < length; i++) {
    const entryPath = indexPath(path, i)
    const descriptor = Object.getOwnPropertyDescriptor(value, String(i))
    if (descriptor === undefined || !('value' in descriptor) || descriptor.value === undefined) {
      const got = descriptor === undefined ? MISSING : 'value' in descriptor ? descriptor.value : GETTER
      issues.add(entryPath, got, 'must be an object describing arrivals, such as { "atMs": 0, "count": 5 }')
      continue
    }
    const entry = readBlock(issues, entryPath, descriptor.value, WORKLOAD_ENTRY_SCHEMA, DEFAULT_WORKLOAD_ENTRY).block
    events += entry.count
    entries.push(entry)
  }
  if (events > SCENARIO_LIMITS.maxTotalEvents) {
    issues.add(
      path,
      events,
      `has ${events} events in all (the sum of count); at most ${SCENARIO_LIMITS.maxTotalEvents} are allowed`,
    )
  }
  return entries
}

function failure(message: string): ParseResult {
  return { ok: false, issues: [{ path: '', value: '', message }] }
}

function errorText(error: unknown): string {
  try {
    const text = error instanceof Error ? String(error.message) : String(error)
    return text.length > 200 ? `${text.slice(0, 199)}…` : text
  } catch {
    return 'unknown error'
  }
}

/** JSON.parse reports a character offset; people look for a line and column. */
function withLineAndColumn(message: string, source: string): string {
  const match = /at position (\d+)/.exec(message)
  if (match === null || /line \d+/.test(message)) return message
  const position = Math.min(Number(match[1]), source.length)
  const before = source.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  return `${message} (line ${line}, column ${column})`
}

/** UTF-8 size of `text`, counting no further than just past `limit`. */
function utf8Bytes(text: string, limit: number): number {
  if (text.length > limit) return text.length
  if (text.length * 3 <= limit) return text.length
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i)
    // A surrogate pair is 4 bytes, counted as 2 per half.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3
  }
  return bytes
}
