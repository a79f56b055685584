import { formatIssues, parseScenario, parseScenarioText } from '../engine'
import type { Model, Scenario } from '../engine'
export { numberRuleAt } from '../engine'
export type { NumberRule } from '../engine'
import { ASYNC_PRESETS } from './async'
import { SQS_PRESETS } from './sqs'
import { STREAM_PRESETS } from './streams'
import { SYNC_PRESETS } from './sync'
import { presetLabel } from './presetLabels'

export { formatIssues, parseScenario, parseScenarioText }
export { INTERACTIVE_MAX_EVENTS, interactiveLimitProblem, scenarioEvents } from './limits'

/** The three invocation models as the picker groups them. */
export type ModelGroup = 'sync' | 'async' | 'poll'

export interface Preset {
  readonly id: string
  readonly model: Model
  readonly group: ModelGroup
  readonly title: string
  /** The chip's words: what sets it apart within its model's strip. */
  readonly label: string
  readonly description: string
  readonly docUrl: string | null
  /** The scenario file as shipped (what a share link or an embed would carry). */
  readonly raw: unknown
  readonly scenario: Scenario
}

export function groupOf(model: Model): ModelGroup {
  if (model === 'sync') return 'sync'
  if (model === 'async') return 'async'
  return 'poll'
}

export const GROUP_LABELS: Readonly<Record<ModelGroup, string>> = {
  sync: 'Synchronous',
  async: 'Asynchronous',
  poll: 'Poll-based',
}

export const MODEL_LABELS: Readonly<Record<Model, string>> = {
  sync: 'Synchronous',
  async: 'Asynchronous',
  sqs: 'SQS',
  'sqs-fifo': 'SQS FIFO',
  kinesis: 'Kinesis',
  dynamodb: 'DynamoDB',
}

/** Poll-based sources in picker order. */
export const POLL_MODELS: readonly Model[] = ['sqs', 'sqs-fifo', 'kinesis', 'dynamodb']

/**
 * Presets offered to users: parse-valid files in file order. An invalid preset is left out rather
 * than shown broken.
 */
export function buildCatalog(raws: readonly unknown[]): readonly Preset[] {
  const out: Preset[] = []
  const seen = new Set<string>()
  for (const raw of raws) {
    const r = parseScenario(raw)
    if (!r.ok || r.scenario.id === null || seen.has(r.scenario.id)) continue
    seen.add(r.scenario.id)
    const s = r.scenario
    out.push({
      id: r.scenario.id,
      model: s.model,
      group: groupOf(s.model),
      title: s.title,
      label: presetLabel(r.scenario.id, s.title),
      description: s.description,
      docUrl: s.docUrl,
      raw,
      scenario: s,
    })
  }
  return out
}

export const PRESETS: readonly Preset[] = buildCatalog([
  ...SYNC_PRESETS,
  ...ASYNC_PRESETS,
  ...SQS_PRESETS,
  ...STREAM_PRESETS,
])

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id)
}

export function presetsOf(group: ModelGroup, model?: Model): readonly Preset[] {
  return PRESETS.filter((p) => p.group === group && (model === undefined || p.model === model))
}

/** A small valid scenario for a model that has no preset (so picking a model never shows an empty list). */
export function starterScenario(model: Model): Scenario | null {
  const r = parseScenario({
    version: 1,
    model,
    title: `${MODEL_LABELS[model]}: five events`,
    workload: [{ atMs: 0, count: 5, everyMs: 200 }],
  })
  return r.ok ? r.scenario : null
}

/** The scenario the app opens with, and falls back to after a broken link. */
export function defaultPreset(): Preset | undefined {
  return presetById('sync-basics') ?? PRESETS[0]
}
