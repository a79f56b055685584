import { describe, expect, it } from 'vitest'
import { scenario } from './__tests__/harness'
import { advance, createSim } from './sim'
import { selectStage } from './stage'
import type { StageModel } from './stageTypes'

const at = (raw: Record<string, unknown>, until: number): StageModel =>
  selectStage(advance(createSim(scenario(raw)), { until, collect: false }).state)
const token = (st: StageModel, id: string) => st.tokens.find((t) => t.id === id)!
const lanesOf = (st: StageModel, node: string) => st.nodes.find((n) => n.id === node)!.lanes

describe('stage facts for drawing the conversations', () => {
  const sync = (extra: Record<string, unknown>) => ({
    model: 'sync',
    function: { initDurationMs: 0, durationMs: 1000 },
    workload: [{ count: 2 }],
    ...extra,
  })

  it('§1.1 the caller holds a connection to each running request, with its waiting deadline', () => {
    const st = at(sync({}), 100)
    expect(st.holds.map((h) => [h.node, h.token, h.line, h.since, h.until])).toEqual([
      ['caller', 'evt-1', true, 0, 1000],
      ['caller', 'evt-2', true, 0, 1000],
    ])
    expect(token(st, 'evt-1').reply).toBeNull()
    expect(st.nodes.find((n) => n.id === 'invoke')!.detail).toContain('2 open')
  })

  it('§1.4 a sync 429 carries its Reason back to the caller, and the caller stops holding', () => {
    const st = at(sync({ function: { initDurationMs: 0, durationMs: 1000, reservedConcurrentExecutions: 1 } }), 100)
    const r = token(st, 'evt-2').reply!
    expect([r.code, r.tone]).toEqual(['429', 'throttle'])
    expect(r.text).toContain('ReservedFunctionConcurrentInvocationLimitExceeded')
    expect(st.replies[0]!.token).toBe('evt-2')
    expect(st.holds.map((h) => h.token)).toEqual(['evt-1'])
    expect(st.tally).toEqual([{ code: '429', tone: 'throttle', count: 1 }])
  })

  it('§1.2/§1.3 answers: 200, 200 + X-Amz-Function-Error: Unhandled, newest first and counted', () => {
    const st = at(
      {
        model: 'sync',
        function: { initDurationMs: 0, durationMs: 100 },
        workload: [{ count: 1 }, { atMs: 500, count: 1, fail: 'always', idPrefix: 'bad' }],
      },
      2000,
    )
    expect(st.replies.map((r) => [r.token, r.code, r.tone])).toEqual([
      ['bad-1', '200', 'error'],
      ['evt-1', '200', 'ok'],
    ])
    expect(st.replies[0]!.text).toContain('X-Amz-Function-Error: Unhandled')
    expect(st.holds).toEqual([])
  })

  it('§1.5 a caller timeout answers 504 while the function runs on', () => {
    const st = at(
      {
        model: 'sync',
        function: { initDurationMs: 0, durationMs: 3000 },
        sync: { callerTimeoutMs: 1000 },
        workload: [{ count: 1 }],
      },
      1500,
    )
    const t = token(st, 'evt-1')
    expect(t.state).toBe('running')
    expect([t.reply?.code, t.reply?.tone]).toEqual(['504', 'timeout'])
    expect(st.holds).toEqual([])
  })

  it('§3.2 an async event gets 202 at once, while it waits in the internal queue', () => {
    const st = at(
      {
        model: 'async',
        function: { initDurationMs: 0, durationMs: 1000, reservedConcurrentExecutions: 1 },
        workload: [{ count: 2 }],
      },
      10,
    )
    const t = token(st, 'evt-2')
    expect(t.node).toBe('queue')
    expect([t.reply?.code, t.reply?.tone, t.reply?.at]).toEqual(['202', 'accepted', 0])
  })

  it('§4.2 an SQS message in flight stays in the queue as a hold with its visibility deadline; after a failure it is hidden there with its receive count', () => {
    const raw = {
      model: 'sqs',
      function: { initDurationMs: 0, durationMs: 100 },
      workload: [{ count: 1, fail: 'always', idPrefix: 'bad' }],
      sqs: { batchSize: 1, visibilityTimeout: 30, maxReceiveCount: 3 },
    }
    const running = at(raw, 50)
    expect(token(running, 'bad-1').node).toBe('envs')
    expect(token(running, 'bad-1').receives).toBe(1)
    expect(running.holds.map((h) => [h.node, h.token, h.until, h.line])).toEqual([['queue', 'bad-1', 30000, false]])
    const hidden = at(raw, 5000)
    const t = token(hidden, 'bad-1')
    expect([t.state, t.node, t.until, t.receives, t.poison]).toEqual(['invisible', 'queue', 30000, 1, true])
    expect(hidden.holds).toEqual([])
    const again = token(at(raw, 30050), 'bad-1')
    expect([again.node, again.receives]).toEqual(['envs', 2])
  })

  it('§4.2 FIFO: each message group is a lane in send order; a group with a message in flight is blocked', () => {
    const raw = {
      model: 'sqs-fifo',
      function: { initDurationMs: 0, durationMs: 100 },
      workload: [
        { count: 1, groupId: 'A', fail: 1, idPrefix: 'a' },
        { count: 2, groupId: 'A', idPrefix: 'a' },
        { count: 2, groupId: 'B', idPrefix: 'b' },
      ],
      sqs: { batchSize: 1, visibilityTimeout: 20 },
    }
    const st = at(raw, 5000)
    const lanes = lanesOf(st, 'queue')
    const a = lanes.find((l) => l.id === 'A')!
    expect(a.tokens[0]).toBe('a-1')
    expect([a.blocked, a.blockedAfter]).toEqual([true, 1])
    expect(token(st, 'a-1').poison).toBe(true)
    expect(lanes.find((l) => l.id === 'B')).toBeUndefined()
  })

  it('§4.3 a stream shard reports its checkpoint (records behind it), and a poison record blocks its lane, listed first', () => {
    const raw = {
      model: 'kinesis',
      function: { initDurationMs: 0, durationMs: 100 },
      workload: [
        { count: 3, partitionKey: 'k' },
        { atMs: 5000, count: 1, fail: 'always', idPrefix: 'poison', partitionKey: 'k' },
        { atMs: 5000, count: 2, idPrefix: 'late', partitionKey: 'k' },
      ],
      stream: { shards: 1, batchSize: 100 },
    }
    const st = at(raw, 5500)
    const [lane] = lanesOf(st, 'shard-1')
    expect(lane!.behind).toBe(3)
    expect(lane!.tokens[0]).toBe('poison-1')
    expect([lane!.blocked, lane!.blockedAfter]).toEqual([true, 3])
    expect(token(st, 'poison-1').poison).toBe(true)
    expect(token(st, 'late-1').poison).toBe(false)
    expect(st.nodes.find((n) => n.id === 'shard-1')!.tokens[0]).toBe('poison-1')
  })

  it('§4.3 a long lane lists its first 64 ids and counts the rest', () => {
    const raw = {
      model: 'kinesis',
      function: { initDurationMs: 0, durationMs: 100 },
      workload: [
        { count: 1, fail: 'always', idPrefix: 'poison', partitionKey: 'k' },
        { atMs: 10, count: 200, partitionKey: 'k' },
      ],
      stream: { shards: 1, batchSize: 10 },
    }
    const [lane] = lanesOf(at(raw, 3000), 'shard-1')
    expect(lane!.tokens).toHaveLength(64)
    expect(lane!.tokens.length + lane!.rest).toBe(201)
    expect(lane!.tokens[0]).toBe('poison-1')
  })
})
