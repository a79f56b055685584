import type { Command, ManualEvent, Scenario } from '../engine'
import { defaultPreset, interactiveLimitProblem, numberRuleAt, parseScenario, presetById, PRESETS } from '../scenarios'
import { problemWords } from '../scenarios/problemWords'
import type { ScenarioIssue } from '../engine'
import type { LoggedCommand } from './history'
import { applyDiff, diffOf } from './scenarioDiff'
import type { Diff } from './scenarioDiff'

/**
 * Share links: `?scenario=<preset id>&step=n` for an unchanged preset; for an edited scenario
 * `?scenario=<preset id>&d=<base64url JSON of what differs from that preset>` (short however many
 * knobs changed), or `?s=<base64url JSON>` (the whole scenario) when no preset of its model is a
 * closer start; plus `&c=<base64url JSON>` for the commands made during the run, where a knob
 * change (`cfg`) holds only what it changed. Links of the older form (`s=`, full `configure`
 * commands) keep working.
 * Decoding never throws: every problem is named and the link falls back to something that works.
 */
export interface ShareState {
  readonly presetId: string | null
  readonly scenario: Scenario
  readonly commands: readonly LoggedCommand[]
  readonly step: number
}

export interface Decoded extends ShareState {
  /** What was wrong with the link, in words; empty when it was fine. */
  readonly problems: readonly string[]
}

const MAX_PARAM = 4 * 1024 * 1024

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...Array.from(bytes.subarray(i, i + 0x8000)))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes base64url text to a string; null when it is not valid base64url or not UTF-8. */
export function fromBase64Url(data: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(data) || data.length % 4 === 1) return null
  try {
    const bin = atob(data.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** A knob change as what it changed from the scenario before it (`cfg`), or whole when that cannot be said. */
function commandToJson(c: LoggedCommand, before: Scenario | null): unknown {
  const cmd = c.command
  if (cmd.type === 'configure') {
    const diff = before ? diffOf(before, cmd.scenario) : null
    return diff ? [c.step, c.at, 'cfg', diff] : [c.step, c.at, 'configure', cmd.scenario]
  }
  if (cmd.type === 'sendEvent') return [c.step, c.at, 'sendEvent', cmd.event ?? {}]
  return [c.step, c.at, cmd.type]
}

function commandsToJson(commands: readonly LoggedCommand[], start: Scenario | null): unknown[] {
  let before = start
  return commands.map((c) => {
    const out = commandToJson(c, before)
    if (c.command.type === 'configure') before = c.command.scenario
    return out
  })
}

/**
 * The preset of the same model the scenario differs least from, with that difference; null when the
 * whole scenario is shorter.
 */
export function closestPreset(scenario: Scenario): { readonly id: string; readonly diff: Diff } | null {
  const whole = JSON.stringify(scenario).length
  let best: { id: string; diff: Diff; size: number } | null = null
  for (const p of PRESETS) {
    if (p.scenario.model !== scenario.model) continue
    const diff = diffOf(p.scenario, scenario)
    if (!diff) continue
    const size = JSON.stringify(diff).length + p.id.length
    if (size < whole && (!best || size < best.size)) best = { id: p.id, diff, size }
  }
  return best && { id: best.id, diff: best.diff }
}

export function encodeShare(state: Omit<ShareState, 'scenario'> & { readonly scenario: Scenario | null }): string {
  const params = new URLSearchParams()
  const start = state.scenario ?? (state.presetId !== null ? (presetById(state.presetId)?.scenario ?? null) : null)
  if (state.presetId !== null) params.set('scenario', state.presetId)
  else if (state.scenario) {
    const edit = closestPreset(state.scenario)
    if (edit) {
      params.set('scenario', edit.id)
      params.set('d', toBase64Url(JSON.stringify(edit.diff)))
    } else params.set('s', toBase64Url(JSON.stringify(state.scenario)))
  }
  if (state.commands.length > 0) params.set('c', toBase64Url(JSON.stringify(commandsToJson(state.commands, start))))
  params.set('step', String(state.step))
  return `?${params.toString()}`
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

function readEvent(v: unknown): ManualEvent | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null
  const o = v as Record<string, unknown>
  const keys = Object.keys(o)
  if (keys.some((k) => k !== 'fail')) return null
  if (o.fail === undefined) return {}
  if (o.fail === 'never' || o.fail === 'always' || (isCount(o.fail) && o.fail <= 1000)) return { fail: o.fail }
  return null
}

/** One command; `before` is the scenario in effect before it (a `cfg` change applies to it). */
function readCommand(v: unknown, scenario: Scenario, before: Scenario): LoggedCommand | null {
  if (!Array.isArray(v) || !isCount(v[0]) || !isCount(v[1])) return null
  const [step, at, type, payload] = v as [number, number, unknown, unknown]
  let command: Command | null = null
  if (type === 'failNext' && v.length === 3) command = { type: 'failNext' }
  else if (type === 'sendEvent') {
    const event = readEvent(payload)
    command = event ? { type: 'sendEvent', event } : null
  } else if (type === 'configure' || (type === 'cfg' && isPlainObject(payload))) {
    const r = parseScenario(type === 'cfg' ? applyDiff(before, payload) : payload)
    command = r.ok && r.scenario.model === scenario.model ? { type: 'configure', scenario: r.scenario } : null
  }
  return command ? { step, at, command } : null
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function readCommands(param: string, scenario: Scenario, problems: string[]): LoggedCommand[] {
  const text = fromBase64Url(param)
  let data: unknown = null
  try {
    data = text === null ? null : JSON.parse(text)
  } catch {
    data = null
  }
  let before = scenario
  const list = Array.isArray(data)
    ? data.map((c) => {
        const cmd = readCommand(c, scenario, before)
        if (cmd?.command.type === 'configure') before = cmd.command.scenario
        return cmd
      })
    : null
  if (!list || list.some((c) => c === null)) {
    problems.push('The link’s list of actions (c=…) is damaged, so it was left out.')
    return []
  }
  const commands = list as LoggedCommand[]
  // Replay needs them in the order they were made.
  for (let i = 1; i < commands.length; i++) {
    const prev = commands[i - 1]
    const cur = commands[i]
    if (prev && cur && cur.step < prev.step) {
      problems.push('The link’s actions (c=…) are out of order, so they were left out.')
      return []
    }
  }
  return commands
}

function readStep(raw: string | null, problems: string[]): number {
  if (raw === null) return 0
  if (!/^\d{1,9}$/.test(raw)) {
    problems.push(`The step in the link (“${raw.slice(0, 40)}”) is not a whole number; starting at step 0.`)
    return 0
  }
  return Number(raw)
}

function fallback(problems: string[], step = 0): Decoded {
  const p = defaultPreset()
  if (!p) throw new Error('No preset is available to fall back to')
  return { presetId: p.id, scenario: p.scenario, commands: [], step, problems }
}

/** Issues in the words a knob's error uses (problemWords); `kept` says what is used instead. */
function issueWords(issues: readonly ScenarioIssue[], rules: Scenario | null, kept: string): string {
  return issues
    .slice(0, 5)
    .map((i) =>
      problemWords(
        i.path,
        rules && numberRuleAt(rules, i.path),
        Number(i.value),
        i.message,
        `the link asked for ${i.value}`,
        kept,
      ),
    )
    .join('\n')
}

/** A preset with the link's changes (d=…) applied and checked, or what is wrong with them. */
export function readDiff(param: string, base: Scenario): Scenario | string {
  const text = fromBase64Url(param)
  if (text === null)
    return 'The changes in the link (d=…) are not valid base64url: the link was probably cut or changed.'
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return 'The changes in the link (d=…) are not valid JSON.'
  }
  if (!isPlainObject(data)) return 'The changes in the link (d=…) are not a list of fields.'
  const r = parseScenario(applyDiff(base, data))
  if (!r.ok)
    return `The changes in the link are not valid:\n${issueWords(r.issues, base, 'the preset is shown unchanged')}\n`
  return r.scenario.model === base.model ? r.scenario : 'The changes in the link (d=…) cannot change the model.'
}

/** Reads a share link's query string. Never throws (except with no preset shipped at all). */
export function decodeShare(search: string): Decoded {
  const problems: string[] = []
  const params = new URLSearchParams(search.length > MAX_PARAM ? '' : search)
  if (search.length > MAX_PARAM) problems.push('The link is too long to be a scenario link.')
  const step = readStep(params.get('step'), problems)
  const id = params.get('scenario')
  const s = params.get('s')
  let presetId: string | null = null
  let scenario: Scenario
  if (id !== null) {
    const preset = presetById(id)
    if (!preset)
      return fallback([
        ...problems,
        `There is no scenario called “${id.slice(0, 60)}”. Showing the default scenario instead.`,
      ])
    presetId = preset.id
    scenario = preset.scenario
    const d = params.get('d')
    if (d !== null) {
      const edited = readDiff(d, preset.scenario)
      if (typeof edited === 'string')
        problems.push(`${edited} Showing the unchanged “${preset.scenario.title}” instead.`)
      else {
        presetId = null
        scenario = edited
      }
    }
  } else if (s !== null) {
    const text = fromBase64Url(s)
    if (text === null)
      return fallback([
        ...problems,
        'The scenario in the link (s=…) is not valid base64url: the link was probably cut or changed. Showing the default scenario instead.',
      ])
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return fallback([
        ...problems,
        'The scenario in the link (s=…) is not valid JSON. Showing the default scenario instead.',
      ])
    }
    const r = parseScenario(data)
    if (!r.ok)
      return fallback([
        ...problems,
        `The scenario in the link is not valid:\n${issueWords(r.issues, PRESETS[0]?.scenario ?? null, 'the default scenario is shown instead')}`,
      ])
    scenario = r.scenario
  } else {
    return fallback(problems, step)
  }
  const c = params.get('c')
  const commands = c === null ? [] : readCommands(c, scenario, problems)
  const tooBig = interactiveLimitProblem(scenario, commands.filter((x) => x.command.type === 'sendEvent').length)
  if (tooBig) return fallback([...problems, tooBig])
  return { presetId, scenario, commands, step, problems }
}
