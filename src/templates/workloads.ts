/**
 * A template says how a function is wired, not what traffic it gets, so the importer adds one of
 * these shapes. Small on purpose: each plays in the app at once and stays far below its limits.
 */
import type { Model } from '../engine'
import type { WorkloadShape } from './types'

export const WORKLOAD_SHAPES: readonly WorkloadShape[] = ['steady', 'burst', 'poison']
export const DEFAULT_WORKLOAD: WorkloadShape = 'steady'

export const WORKLOAD_DESCRIPTIONS: Readonly<Record<WorkloadShape, string>> = {
  steady: '20 healthy events, one every 500 ms',
  burst: '200 healthy events at the same instant',
  poison: '10 events 250 ms apart; the fifth always fails (a poison record among healthy ones)',
}

type Entry = Record<string, unknown>

export function workloadFor(shape: WorkloadShape, model: Model): Entry[] {
  if (shape === 'steady') return [{ count: 20, everyMs: 500, idPrefix: 'evt' }]
  if (shape === 'burst') return [{ count: 200, everyMs: 0, idPrefix: 'burst' }]
  // One partition key keeps the poison record in the shard of the healthy ones behind it.
  const key = model === 'kinesis' || model === 'dynamodb' ? { partitionKey: 'order-stream' } : {}
  return [
    { count: 4, everyMs: 250, idPrefix: 'ok', ...key },
    { atMs: 1000, count: 1, fail: 'always', idPrefix: 'poison', ...key },
    { atMs: 1250, count: 5, everyMs: 250, idPrefix: 'ok', ...key },
  ]
}
