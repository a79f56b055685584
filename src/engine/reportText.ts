import { notArrived, reportHead, reportsEvents } from './report'
import { COUNT, ENV, FUNCTION_ERRORS, idPrefix, OUTCOMES, packedAt, RESULTS, TARGETS } from './packed'
import type { PackedEvents } from './packed'
import type { Attempt, EventRecord, SimState, Transition } from './types'

/**
 * The `npm run sim` report as UTF-8, exactly `JSON.stringify(report, null, 2)` (with the trace when
 * given) plus a newline, handed to `write` in pieces of about 64 KB. A million-event report is
 * about 300 MB of text: built whole, the string, the report's copy of every event and the state
 * held together passed 1 GB, and stringifying the copy cost more than the run. Here the events are
 * written straight from the state, a piece at a time, as bytes: packed events (packed.ts) from
 * templates and their numbers (no string per event, no UTF-8 encoding of it), records through the
 * general writer below.
 * `write` gets a view of one buffer that is reused: use or copy it before returning.
 * Plain data only (what the engine keeps): strings, finite numbers, booleans, null, arrays and
 * objects, with undefined fields left out, as JSON.stringify does for them.
 */
export function writeReport(
  s: SimState,
  opts: { readonly metricsOnly?: boolean },
  trace: readonly Transition[] | null,
  write: (chunk: Uint8Array) => void,
): void {
  const out = new Out(write)
  const head = JSON.stringify(reportHead(s), null, 2)
  // Everything but the closing brace: the events and the trace follow as more top-level keys.
  out.text(head.slice(0, -2))
  if (reportsEvents(s, opts)) {
    out.text(',\n  "events": [')
    let first = true
    const events = s.events
    for (let n = 0; n < events.length; n++) {
      out.room(64)
      out.lit(first ? NEXT_FIRST : NEXT)
      first = false
      const k = packedAt(s, n)
      if (k >= 0) packedText(s, s.packed as PackedEvents, k, out)
      else out.text(eventText(events[n] as EventRecord))
      out.flushFull()
    }
    for (const e of notArrived(s)) {
      out.room(64)
      out.lit(first ? NEXT_FIRST : NEXT)
      first = false
      out.text(json(e, '    '))
      out.flushFull()
    }
    out.text(first ? ']' : '\n  ]')
  }
  if (trace) out.text(`,\n  "trace": ${json(trace, '  ')}`)
  out.text('\n}\n')
  out.flush()
}

/** A piece is handed over once it holds this many bytes. */
const PIECE = 1 << 16
const encoder = new TextEncoder()
const bytes = (text: string): Uint8Array => encoder.encode(text)

/** Bytes written into one reused buffer, handed to `write` a piece at a time. */
class Out {
  private readonly buf = new Uint8Array(PIECE + 4096)
  private pos = 0
  constructor(private readonly write: (chunk: Uint8Array) => void) {}

  flush(): void {
    if (this.pos === 0) return
    this.write(this.buf.subarray(0, this.pos))
    this.pos = 0
  }

  flushFull(): void {
    if (this.pos >= PIECE) this.flush()
  }

  /** At least `n` bytes free (n at most 4096). */
  room(n: number): void {
    if (this.pos + n > this.buf.length) this.flush()
  }

  /** Pre-encoded bytes (short: the caller made room). */
  lit(b: Uint8Array): void {
    const buf = this.buf
    let p = this.pos
    for (let i = 0; i < b.length; i++) buf[p++] = b[i] as number
    this.pos = p
  }

  /** Printable ASCII that needs no escapes (the caller made room). */
  ascii(t: string): void {
    const buf = this.buf
    let p = this.pos
    for (let i = 0; i < t.length; i++) buf[p++] = t.charCodeAt(i)
    this.pos = p
  }

  /** Any text, as UTF-8. */
  text(t: string): void {
    if (t.length * 3 > this.buf.length - this.pos) this.flush()
    if (t.length * 3 <= this.buf.length) {
      this.pos += encoder.encodeInto(t, this.buf.subarray(this.pos)).written
      return
    }
    const b = encoder.encode(t)
    for (let at = 0; at < b.length; at += PIECE) this.write(b.subarray(at, Math.min(b.length, at + PIECE)))
  }

  /** A number as JSON writes it (whole non-negative ones digit by digit; the caller made room). */
  num(v: number): void {
    if (!(v >= 0 && v < 1e15 && Math.floor(v) === v)) {
      this.text(Number.isFinite(v) ? String(v) : 'null')
      return
    }
    const buf = this.buf
    let len = 1
    for (let t = 10; t <= v; t *= 10) len++
    let p = this.pos + len
    this.pos = p
    if (v <= 0x7fffffff) {
      let x = v | 0
      do {
        const q = (x / 10) | 0
        buf[--p] = 48 + x - q * 10
        x = q
      } while (x > 0)
    } else {
      let x = v
      do {
        const q = Math.floor(x / 10)
        buf[--p] = 48 + x - q * 10
        x = q
      } while (x > 0)
    }
  }

  /** JSON.stringify(t): printable ASCII without quotes or backslashes byte for byte, the rest natively. */
  quoted(t: string): void {
    if (t.length > 1024) return this.text(quote(t))
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i)
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return this.text(JSON.stringify(t))
    }
    this.room(t.length + 2)
    const buf = this.buf
    let p = this.pos
    buf[p++] = 0x22
    for (let i = 0; i < t.length; i++) buf[p++] = t.charCodeAt(i)
    buf[p++] = 0x22
    this.pos = p
  }
}

// The template of a packed event, as JSON.stringify(report, null, 2) lays out an event at depth 2.
const NEXT_FIRST = bytes('\n    ')
const NEXT = bytes(',\n    ')
const EV_ID = bytes('{\n      "id": "')
const EV_OUTCOME = bytes('",\n      "outcome": ')
const EV_ATTEMPTS = bytes(',\n      "attempts": ')
const EV_DELIVERIES = bytes(',\n      "deliveries": ')
const EV_END = bytes('\n    }')
const EMPTY = bytes('[]')
const OPEN = bytes('[')
const ITEM_FIRST = bytes('\n        ')
const ITEM = bytes(',\n        ')
const CLOSE = bytes('\n      ]')
const A_AT = bytes('{\n          "atMs": ')
const A_END = bytes(',\n          "endMs": ')
const A_RESULT = bytes(',\n          "result": ')
const A_COLD = [bytes(',\n          "coldStart": false'), bytes(',\n          "coldStart": true')]
const A_ENV = bytes(',\n          "environment": ')
const REASON = bytes(',\n          "reason": ')
const ITEM_END = bytes('\n        }')
const D_TO = bytes('{\n          "to": ')
const D_AT = bytes(',\n          "atMs": ')
const D_STATUS = bytes(',\n          "status": ')
const D_FE = bytes(',\n          "functionError": ')
const NULL = bytes('null')
const DASH = bytes('-')
const quotedBytes = (names: readonly (string | undefined)[]): Uint8Array[] =>
  names.map((x) => bytes(JSON.stringify(x ?? null)))
const OUTCOME_Q = quotedBytes(OUTCOMES)
const RESULT_Q = quotedBytes(RESULTS)
const TARGET_Q = quotedBytes(TARGETS)
const FE_Q = quotedBytes(FUNCTION_ERRORS)

/** A packed event (packed.ts; its numbers from `data[k]`), byte for byte as eventText writes its record. */
function packedText(s: SimState, p: PackedEvents, k: number, out: Out): void {
  const data = p.data
  const head = data[k + 1] as number
  const nd = head % COUNT
  const rest = (head - nd) / COUNT
  const na = rest % COUNT
  const eo = (rest - na) / COUNT
  const outcome = eo % 8
  const prefix = idPrefix(s, (eo - outcome) / 8) as string
  out.room(prefix.length + 128)
  out.lit(EV_ID)
  // The prefix needs no escapes (packed.ts checked it).
  out.ascii(prefix)
  out.lit(DASH)
  out.num(data[k] as number)
  out.lit(EV_OUTCOME)
  out.lit(OUTCOME_Q[outcome] as Uint8Array)
  out.lit(EV_ATTEMPTS)
  let j = k + 2
  if (na === 0) out.lit(EMPTY)
  else {
    out.lit(OPEN)
    for (let i = 0; i < na; i++, j += 2) {
      const atMs = data[j] as number
      let code = data[j + 1] as number
      const low = code % 32
      code = (code - low) / 32
      const reason = (code % 64) - 1
      code = (code - reason - 1) / 64
      const env = (code % ENV) - 1
      const end = (code - env - 1) / ENV
      out.room(256)
      out.lit(i === 0 ? ITEM_FIRST : ITEM)
      out.lit(A_AT)
      out.num(atMs)
      out.lit(A_END)
      if (end === 0) out.lit(NULL)
      else out.num(atMs + end - 1)
      out.lit(A_RESULT)
      out.lit(RESULT_Q[low >> 2] as Uint8Array)
      const cold = low & 3
      if (cold !== 2) out.lit(A_COLD[cold] as Uint8Array)
      if (env !== -1) {
        out.lit(A_ENV)
        out.quoted((s.envs[env] as { id: string }).id)
      }
      if (reason !== -1) {
        out.room(32)
        out.lit(REASON)
        out.quoted(p.strings[reason] as string)
      }
      out.room(16)
      out.lit(ITEM_END)
    }
    out.room(16)
    out.lit(CLOSE)
  }
  out.room(64)
  out.lit(EV_DELIVERIES)
  if (nd === 0) out.lit(EMPTY)
  else {
    out.lit(OPEN)
    for (let i = 0; i < nd; i++, j += 2) {
      let code = data[j + 1] as number
      const low = code % 32
      code = (code - low) / 32
      const reason = (code % 64) - 1
      const status = (code - reason - 1) / 64 - 1
      out.room(256)
      out.lit(i === 0 ? ITEM_FIRST : ITEM)
      out.lit(D_TO)
      out.lit(TARGET_Q[low >> 2] as Uint8Array)
      out.lit(D_AT)
      out.num(data[j] as number)
      if (status !== -1) {
        out.lit(D_STATUS)
        out.num(status)
      }
      const fe = low & 3
      if (fe !== 0) {
        out.lit(D_FE)
        out.lit(FE_Q[fe] as Uint8Array)
      }
      if (reason !== -1) {
        out.lit(REASON)
        out.quoted(p.strings[reason] as string)
      }
      out.room(16)
      out.lit(ITEM_END)
    }
    out.room(16)
    out.lit(CLOSE)
  }
  out.room(16)
  out.lit(EV_END)
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
