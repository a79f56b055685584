/** Helpers shared by the scenario tests; never imported by the app (it imports vitest). */
import { expect } from 'vitest'
import { formatIssues, parseScenario } from './parse'
import type { Scenario, ScenarioIssue } from './types'

export const MINIMAL = Object.freeze({ version: 1, model: 'sync', workload: [] })

/** Parses and fails the test, listing the issues, when the input is rejected. */
export function accept(input: unknown): Scenario {
  const result = parseScenario(input)
  if (!result.ok) expect.fail(`expected a valid scenario, got:\n${formatIssues(result.issues)}`)
  return result.scenario
}

/** Parses and fails the test when the input is accepted. */
export function reject(input: unknown): readonly ScenarioIssue[] {
  const result = parseScenario(input)
  if (result.ok) expect.fail(`expected issues, but the scenario was accepted: ${JSON.stringify(input)}`)
  return result.issues
}

export const pathsOf = (issues: readonly ScenarioIssue[]): string[] => issues.map((issue) => issue.path)

/** MINIMAL with `patch` merged in: `with_({ function: { timeout: 5 } })`. */
export function with_(patch: Record<string, unknown>): Record<string, unknown> {
  return { ...MINIMAL, ...patch }
}
