import { notArrived, reportHead, reportsEvents } from './report'
import type { Attempt, EventRecord, SimState, Transition } from './types'

/**
 * The `npm run sim` report as text, exactly `JSON.stringify(report, null, 2)` (with the trace when
 * given) plus a newline, handed to `write` in pieces of about 64 KB. A million-event report is
 * about 300 MB of text: built whole, the string, the report's copy of every event and the state
 * held together passed 1 GB, and stringifying the copy cost more than the run. Here the events are
 * written straight from the state's records, a piece at a time.
 * Plain data only (what the engine keeps): strings, finite numbers, booleans, null, arrays and
 * objects, with undefined fields left out, as JSON.stringify does for them.
 */
export function writeReport(
  s: SimState,
  opts: { readonly metricsOnly?: boolean },
  trace: readonly Transition[] | null,
  write: (chunk: string) => void,
): void {
  const head = JSON.stringify(reportHead(s), null, 2)
  // Everything but the closing brace: the events and the trace follow as more top-level keys.
  let buf = head.slice(0, -2)
  if (reportsEvents(s, opts)) {
    buf += ',\n  "events": ['
    let first = true
    const flush = (): void => {
      if (buf.length < 1 << 16) return
      write(buf)
      buf = ''
    }
    for (const e of s.events) {
      buf += first ? '\n    ' : ',\n    '
      first = false
      buf += eventText(e)
      flush()
    }
    for (const e of notArrived(s)) {
      buf += first ? '\n    ' : ',\n    '
      first = false
      buf += json(e, '    ')
      flush()
    }
    buf += first ? ']' : '\n  ]'
  }
  if (trace) buf += `,\n  "trace": ${json(trace, '  ')}`
  write(`${buf}\n}\n`)
}

/** One event of the report at depth 2, as buildReport lists it (id, outcome, attempts, deliveries). */
function eventText(e: EventRecord): string {
  let out = `{\n      "id": ${quote(e.id)},\n      "outcome": ${quote(e.outcome)},\n      "attempts": `
  const attempts = e.attempts
  if (attempts.length === 0) out += '[]'
  else {
    out += '['
    for (let i = 0; i < attempts.length; i++) {
      out += i === 0 ? '\n        ' : ',\n        '
      out += attemptText(attempts[i] as Attempt)
    }
    out += '\n      ]'
  }
  out += ',\n      "deliveries": '
  out += json(e.deliveries, '      ')
  return `${out}\n    }`
}

/** The fields report.ts `reportAttempt` lists first, in its order; then the rest but `inv`. */
const ATTEMPT_FIRST: readonly string[] = ['atMs', 'endMs', 'result', 'coldStart', 'environment', 'batch', 'reason']

/** An attempt as report.ts `reportAttempt` shapes it, at depth 4. */
function attemptText(a: Attempt): string {
  const r = a as unknown as Record<string, unknown>
  let out = '{'
  let first = true
  for (const key of ATTEMPT_FIRST) {
    const v = r[key]
    if (v === undefined) continue
    out += `${first ? '\n' : ',\n'}          "${key}": ${json(v, '          ')}`
    first = false
  }
  // Own enumerable keys in Object.keys order (plain data: nothing enumerable on the prototype).
  for (const key in r) {
    const v = r[key]
    if (key === 'inv' || v === undefined || ATTEMPT_FIRST.includes(key)) continue
    out += `${first ? '\n' : ',\n'}          ${quote(key)}: ${json(v, '          ')}`
    first = false
  }
  return first ? '{}' : `${out}\n        }`
}

/** JSON.stringify(v, null, 2) for plain data, as if nested at `indent`. */
function json(v: unknown, indent: string): string {
  switch (typeof v) {
    case 'string':
      return quote(v)
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null'
    case 'boolean':
      return v ? 'true' : 'false'
    case 'object':
      break
    default:
      return 'null'
  }
  if (v === null) return 'null'
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return JSON.stringify(v, null, 2).replaceAll('\n', `\n${indent}`)
  const inner = `${indent}  `
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    let out = '['
    for (let i = 0; i < v.length; i++) out += `${i === 0 ? '\n' : ',\n'}${inner}${json(v[i] as unknown, inner)}`
    return `${out}\n${indent}]`
  }
  let out = '{'
  let first = true
  for (const key of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[key]
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue
    out += `${first ? '\n' : ',\n'}${inner}${quote(key)}: ${json(x, inner)}`
    first = false
  }
  return first ? '{}' : `${out}\n${indent}}`
}

/**
 * JSON.stringify(text): ids, outcomes and environment names need no escapes, and checking that
 * is cheaper than the native call for a string this short; anything else goes to JSON.stringify.
 */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text)
  }
  return `"${text}"`
}
