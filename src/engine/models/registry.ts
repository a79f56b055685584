import type { Model } from '../scenario/types'
import type { ModelRules } from './rules'
import { asyncRules } from './async'
import { sqsFifoRules, sqsRules } from './sqs'
import { streamRules } from './stream'
import { syncRules } from './sync'

/** The rules of each invocation model. */
export const MODEL_RULES: Readonly<Record<Model, ModelRules>> = {
  sync: syncRules,
  async: asyncRules,
  sqs: sqsRules,
  'sqs-fifo': sqsFifoRules,
  kinesis: streamRules,
  dynamodb: streamRules,
}
