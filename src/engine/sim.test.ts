import { describe, expect, it } from 'vitest'
import { scenario } from './__tests__/harness'
import { advance, createSim, dispatch, nextStepAt, runToEnd, step } from './sim'

const sc = scenario({
  model: 'sync',
  function: { initDurationMs: 0, durationMs: 100 },
  workload: [{ count: 3, everyMs: 1000 }],
})

describe('the engine API (sim.ts)', () => {
  it('advance with until moves the clock to until only when every occurrence up to it was applied', () => {
    const s0 = createSim(sc)
    const budgeted = advance(s0, { steps: 1, until: 5000 }).state
    expect(budgeted.step).toBe(1)
    expect(budgeted.now).toBe(0)
    const all = advance(s0, { until: 1500 }).state
    expect(all.now).toBe(1500)
    expect(nextStepAt(all)).toBe(2000)
  })

  it('transitions carry the step that produced them, a capitalised sentence, and where a delivery went', () => {
    const { transitions } = runToEnd(
      createSim(
        scenario({
          model: 'async',
          async: { maximumRetryAttempts: 0, onFailure: 'sqs' },
          workload: [{ count: 1, fail: 'always' }],
        }),
      ),
      true,
    )
    for (const t of transitions) {
      expect(t.step).toBeGreaterThan(0)
      expect(t.text).not.toMatch(/^(the|a|an) /)
    }
    expect(transitions.filter((t) => t.to === 'onFailure')).toHaveLength(1)
    const sync = runToEnd(
      createSim(
        scenario({
          model: 'sync',
          sync: { caller: 'alb' },
          function: { reservedConcurrentExecutions: 0 },
          workload: [{ count: 1 }],
        }),
      ),
      true,
    )
    expect(sync.transitions.find((t) => t.type === 'arrived')?.text).toMatch(/^The load balancer/)
  })

  it('step applies exactly one occurrence; a finished run does not move', () => {
    let s = createSim(sc)
    const seen: number[] = []
    for (;;) {
      const next = step(s).state
      if (next.step === s.step) break
      expect(next.step).toBe(s.step + 1)
      seen.push(next.now)
      s = next
    }
    expect(seen).toEqual([0, 100, 1000, 1100, 2000, 2100])
  })

  it('a hand-sent event arrives at the current time and is numbered you-1', () => {
    const s1 = advance(createSim(sc), { until: 500 }).state
    const sent = dispatch(s1, { type: 'sendEvent' }).state
    const after = step(sent).state
    expect(after.events.at(-1)).toMatchObject({ id: 'you-1', arrivedAt: 500 })
  })

  it('failNext makes the next invocation throw whatever the workload says', () => {
    const s = dispatch(createSim(sc), { type: 'failNext' }).state
    const end = runToEnd(s).state
    expect(end.events.map((e) => e.outcome)).toEqual(['failed', 'succeeded', 'succeeded'])
  })

  it('configure applies new knobs from now on and cannot change the model', () => {
    const s1 = advance(createSim(sc), { until: 500 }).state
    const zero = scenario({ ...sc, function: { ...sc.function, reservedConcurrentExecutions: 0 } } as unknown as Record<
      string,
      unknown
    >)
    const end = runToEnd(dispatch(s1, { type: 'configure', scenario: zero }).state).state
    expect(end.events.map((e) => e.outcome)).toEqual(['succeeded', 'throttled', 'throttled'])
    expect(() => dispatch(s1, { type: 'configure', scenario: scenario({ model: 'async' }) })).toThrow(/model/)
  })
})

describe('stage token labels', () => {
  it('are the event number, with the prefix initial when prefixes are mixed or events were sent by hand', async () => {
    const { selectStage } = await import('./stage')
    const one = runToEnd(createSim(scenario({ model: 'sync', workload: [{ count: 2, idPrefix: 'order' }] }))).state
    expect(selectStage(one).tokens.map((t) => t.label)).toEqual(['1', '2'])
    const mixed = runToEnd(
      createSim(
        scenario({
          model: 'sync',
          workload: [
            { count: 1, idPrefix: 'order' },
            { count: 1, idPrefix: 'bad' },
          ],
        }),
      ),
    ).state
    expect(
      selectStage(mixed)
        .tokens.map((t) => t.label)
        .sort(),
    ).toEqual(['b1', 'o1'])
  })
})
