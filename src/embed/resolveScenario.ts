import type { Scenario } from '../engine'
import { presetById } from '../scenarios'
import type { LoggedCommand } from '../store/history'
import { decodeShare } from '../store/url'

/** What an embed's `scenario` option resolves to: what to hand the Visualizer, and what was wrong. */
export interface EmbedScenario {
  readonly preset?: string
  readonly scenario?: Scenario
  readonly commands?: readonly LoggedCommand[]
  readonly problems: readonly string[]
}

/** Base64url of a JSON object starts with `ey` (`{"` or `{ `) or `ew` (`{` and a newline); preset ids are words. */
const LOOKS_ENCODED = /^e[yw][A-Za-z0-9_-]{6,}$/

/**
 * Accepts a preset id, the `s=` value of a share link (base64url JSON), or a whole share-link query
 * (`?s=…&c=…`). Never throws: anything else names the problem and leaves the Visualizer's default.
 */
export function resolveEmbedScenario(value: string | null): EmbedScenario {
  if (value === null) return { problems: [] }
  if (presetById(value)) return { preset: value, problems: [] }
  let query: string | null = null
  if (value.startsWith('?')) query = value
  else if (LOOKS_ENCODED.test(value)) query = `?s=${value}`
  if (query === null) {
    return { problems: [`There is no scenario called “${value.slice(0, 60)}”: showing the default scenario.`] }
  }
  const d = decodeShare(query)
  return d.presetId !== null
    ? { preset: d.presetId, commands: d.commands, problems: d.problems }
    : { scenario: d.scenario, commands: d.commands, problems: d.problems }
}
