import type { RuleId } from './rules'
import type { Finding, ImportedScenario } from './types'

/**
 * Function findings that matter for some of its triggers only: a timeout past API Gateway's wait
 * is about its API events, a missing on-failure destination about its asynchronous ones.
 */
const ONLY_FOR: Partial<Record<RuleId, (s: ImportedScenario) => boolean>> = {
  // The same test the rule makes of a trigger (rules.ts, apiRules): API Gateway is the caller.
  'api-timeout-above-integration': (s) => s.model === 'sync' && s.scenario.sync.caller === 'api-gateway',
  'async-no-failure-destination': (s) => s.model === 'async',
}

/**
 * Whether a finding is about one function × trigger pair (where a reader of the import should see
 * it): it names the trigger, or the function but none of its other events, and its rule applies to
 * this kind of trigger.
 */
export function findingConcerns(f: Finding, s: ImportedScenario): boolean {
  if (f.resource === s.trigger) return true
  if (f.resource !== s.function) return false
  if (ONLY_FOR[f.rule as RuleId]?.(s) === false) return false
  return !f.property.startsWith('Events.') || f.property.startsWith(`Events.${s.trigger}.`)
}
