import type { Model } from '../scenario/types'
import type { ModelRules } from './rules'
import { syncRules } from './sync'

/** The rules of each invocation model; null = not built yet (a clear "not supported" error). */
export const MODEL_RULES: Record<Model, ModelRules | null> = {
  sync: syncRules,
  async: null,
  sqs: null,
  'sqs-fifo': null,
  kinesis: null,
  dynamodb: null,
}
