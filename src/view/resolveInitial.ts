import type { Scenario } from '../engine'
import { defaultPreset, interactiveLimitProblem, presetById } from '../scenarios'

export interface Initial {
  readonly scenario: Scenario
  readonly presetId: string | null
  readonly problems: readonly string[]
}

/** Turns the visualizer's props into a runnable scenario, naming whatever had to be replaced. */
export function resolveInitial(scenario: Scenario | undefined, preset: string | undefined): Initial {
  const problems: string[] = []
  if (scenario) {
    const tooBig = interactiveLimitProblem(scenario)
    if (tooBig) problems.push(tooBig)
    else return { scenario, presetId: null, problems }
  } else if (preset !== undefined) {
    const p = presetById(preset)
    if (p) return { scenario: p.scenario, presetId: p.id, problems }
    problems.push(`There is no scenario called “${preset.slice(0, 60)}”; showing the default scenario instead.`)
  }
  const d = defaultPreset()
  if (!d) throw new Error('No runnable preset is shipped')
  return { scenario: d.scenario, presetId: d.id, problems }
}
