import type { SyncCaller } from '../scenario/types'

/** Display names of synchronous callers (stage labels). */
export const CALLER_LABELS: Record<SyncCaller, string> = {
  'api-gateway': 'API Gateway',
  alb: 'Application Load Balancer',
  'function-url': 'Function URL',
  sdk: 'SDK client',
}
