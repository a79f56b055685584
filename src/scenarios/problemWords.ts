import type { NumberRule } from '../engine'

/**
 * One wording for a rejected value, wherever it came from (a share link, an embed's scenario, a
 * knob): what the field accepts in plain words, what was asked for, and what is used instead.
 * "Function timeout must be a whole number of seconds from 1 to 900; the link asked for -5, so
 * 3 s (the default) is used." The CLI and the `npm run sim` report keep the parser's own form
 * (formatIssues: `<path>: <message> (got <value>)`), as spec/SCENARIO.md defines it.
 */

/** The field's unit, from its name: "…InSeconds", timeouts in seconds, "…Ms". */
function unitOf(path: string): string | null {
  if (/InSeconds$|^function\.timeout$|visibilityTimeout$/.test(path)) return 'seconds'
  return /Ms$/.test(path) ? 'milliseconds' : null
}

/** "function.timeout" → "Function timeout"; "sqs.maximumBatchingWindowInSeconds" → "SQS maximum batching window". */
export function fieldName(path: string): string {
  const [block = '', ...rest] = path.split('.')
  const words = rest
    .join(' ')
    .replace(/(InSeconds|Ms)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  const head = block === 'sqs' ? 'SQS' : block === 'sync' ? 'caller' : block
  const name = `${head} ${words}`.trim()
  return name.charAt(0).toUpperCase() + name.slice(1)
}

const count = (n: number): string => n.toLocaleString('en-US')

/** "a whole number of seconds from 1 to 900", the field's other accepted values first. */
export function allowedWords(rule: NumberRule, path: string): string {
  const unit = unitOf(path)
  const range = `${rule.integer ? 'a whole number' : 'a number'}${unit ? ` of ${unit}` : ''} from ${count(rule.min)} to ${count(rule.max)}`
  const others = rule.alternatives.map(([v, meaning]) =>
    v === null ? `empty (${meaning})` : `${count(v)} (${meaning})`,
  )
  return [...others, range].join(' or ')
}

/** A value as a person reads it: "3 s", "400 ms", "80-200 ms", "empty", “abc”. */
export function valueWords(value: unknown, path: string): string {
  const unit = unitOf(path) === 'seconds' ? '\u00a0s' : unitOf(path) ? '\u00a0ms' : ''
  if (value === null || value === undefined || value === '') return 'empty'
  if (typeof value === 'number') return `${count(value)}${unit}`
  return `“${String(value)}”`
}

export function fits(rule: NumberRule, value: unknown): boolean {
  if (rule.alternatives.some(([v]) => v === value)) return true
  return (
    typeof value === 'number' && value >= rule.min && value <= rule.max && (!rule.integer || Number.isInteger(value))
  )
}

/**
 * `<Name> must be <allowed>; <asked>, so <kept>.` With a rule the value breaks, the rule's words;
 * otherwise (a rule between fields) the parser's reason. `asked`: "the link asked for -5", "you
 * typed -5"; `kept`: "3 s (the default) is used", "3 s (the last valid value) still applies".
 */
export function problemWords(
  path: string,
  rule: NumberRule | null,
  value: unknown,
  message: string,
  asked: string,
  kept: string,
): string {
  const what =
    rule && !fits(rule, value)
      ? `must be ${allowedWords(rule, path)}`
      : message
          .replace(/\.$/, '')
          .replace(/\b(?:function|account|sync|async|sqs|stream)\.\w+/g, (p) => fieldName(p).toLowerCase())
  return `${`${fieldName(path)} ${what}`.trim()}; ${asked}, so ${kept}.`
}
