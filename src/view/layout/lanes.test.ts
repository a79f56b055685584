import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../../engine'
import { parseScenario } from '../../scenarios'
import { both, checkLayout, presetAt } from './test-helpers'

describe('lanes (FIFO groups, shards)', () => {
  it('§4.3 a shard with many records behind its poison record draws the poison first, then the blocked marker', () => {
    const raw = {
      model: 'kinesis',
      function: { initDurationMs: 0, durationMs: 100 },
      workload: [
        { count: 1, fail: 'always', idPrefix: 'poison', partitionKey: 'k' },
        { atMs: 10, count: 40, partitionKey: 'k' },
      ],
      stream: { shards: 1, batchSize: 100 },
    }
    const r = parseScenario({ version: 1, ...raw })
    if (!r.ok) throw new Error('invalid')
    const stage = selectStage(advance(createSim(r.scenario), { until: 3000, collect: false }).state)
    for (const l of both(stage)) {
      const lane = l.lanes[0]!
      expect(lane.lane.blocked).toBe(true)
      const first = l.tokens.filter((t) => t.token.node === 'shard-1').sort((a, b) => a.y - b.y || a.x - b.x)[0]!
      expect([first.token.id, first.token.poison]).toEqual(['poison-1', true])
      expect(lane.blockedX).not.toBeNull()
      expect(lane.hidden).toBeGreaterThan(0)
      checkLayout(l, 'poison shard', stage)
    }
  })

  it('§4.2 FIFO groups are lanes, one row each, their tokens in send order', () => {
    const stage = presetAt('sqs-fifo-blocked-group', 12)
    for (const l of both(stage)) {
      const ids = l.lanes.map((r) => r.lane.id)
      expect(ids.length).toBeGreaterThan(1)
      for (const row of l.lanes) {
        const drawn = [
          ...l.tokens.filter((t) => t.token.node === 'queue').map((t) => ({ id: t.token.id, x: t.x, y: t.y })),
          ...l.holds.map((h) => ({ id: h.hold.token, x: h.x, y: h.y })),
        ]
          .filter((d) => d.y > row.y && d.y < row.y + row.h)
          .sort((a, b) => a.x - b.x)
          .map((d) => d.id)
        expect(drawn).toEqual(row.lane.tokens.slice(0, drawn.length))
      }
    }
  })
})
