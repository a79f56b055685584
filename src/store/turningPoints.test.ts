import { describe, expect, it } from 'vitest'
import { PRESETS } from '../scenarios'
import { createSimStore } from './createSimStore'
import { MARKER_LABELS } from './markers'
import { computeAll, createRun } from './timeline'

const preset = (id: string) => PRESETS.find((p) => p.id === id)!

describe('turning points: the jumps a long run needs', () => {
  it('kinesis-poison-blocks-shard: the record given up (the shard moves on) and the end, past what is computed ahead', () => {
    const store = createSimStore(preset('kinesis-poison-blocks-shard').scenario)
    expect(store.getState().run.frontier.finished).toBe(false)
    expect(store.getState().jumpToNext('moveOn')).toBe(true)
    const at = store.getState().run
    expect(at.caption.some((t) => t.fact.kind === 'streamGaveUp')).toBe(true)
    expect(store.getState().jumpToNext('end')).toBe(true)
    const end = store.getState().run
    expect(end.cursor.step).toBe(end.frontier.head.step)
    expect(end.frontier.finished).toBe(true)
    expect(store.getState().jumpToNext('end')).toBe(false)
  })

  it('a limit reached: pollers at the mapping cap, or the first throttle', () => {
    for (const id of ['sqs-reserved-concurrency-dlq', 'sync-throttled']) {
      const run = computeAll(createRun(preset(id).scenario))
      const caps = run.frontier.markers.filter((m) => m.kind === 'cap')
      expect(caps.length, id).toBeGreaterThan(0)
      const first = run.frontier.log.find((t) => t.type === 'throttled' || t.fact.kind === 'sqsScaled')!
      expect(caps[0]!.step).toBeGreaterThanOrEqual(first.step)
    }
  })

  it('keeps the old kinds and their labels', () => {
    expect(MARKER_LABELS).toMatchObject({
      error: 'Error',
      throttle: 'Throttle',
      retry: 'Retry',
      dlq: 'DLQ / on-failure',
      coldStart: 'Cold start',
    })
  })
})
