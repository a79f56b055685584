import { describe, expect, it } from 'vitest'
import { expectedOf } from '../engine/__tests__/captionOf'
import { advance, createSim, dispatch, parseScenario, type Fact, type SimState, type Transition } from '../engine'
import { ASYNC_PRESETS } from './async'
import { SQS_PRESETS } from './sqs'
import { STREAM_PRESETS } from './streams'
import { SYNC_PRESETS } from './sync'

const ALL = [...SYNC_PRESETS, ...ASYNC_PRESETS, ...SQS_PRESETS, ...STREAM_PRESETS]

/** The kinds the shared code tells (sharedFacts.ts): the sweep must reach every one. */
const SHARED_KINDS = [
  'coldStart',
  'warmStart',
  'attemptFailed',
  'envReclaimed',
  'eventSent',
  'failNextArmed',
  'configChanged',
] as const satisfies readonly Fact['kind'][]

/**
 * Every preset, as shipped and then with what a user does in the app (send an event, fail the
 * next invocation, turn the idle TTL down and add a provisioned environment), logs only
 * transitions with a fact, each exactly its fact's caption (CONTEXT.md "Facts and captions").
 */
describe('presets: every transition has a fact', () => {
  const seen = new Set<string>()

  for (const raw of ALL) {
    const id = (raw as { id: string }).id
    it(`${id}: every transition is its fact's caption, with and without user commands`, () => {
      const parsed = parseScenario(raw)
      if (!parsed.ok) throw new Error(id)
      const sc = parsed.scenario
      const check = (ts: readonly Transition[], at: SimState) => {
        for (const t of ts) {
          expect({ type: t.type, ref: t.ref, text: t.text }).toEqual(expectedOf(t, at.scenario))
          seen.add(t.fact.kind)
        }
      }
      const shipped = advance(createSim(sc), { steps: 20000 })
      check(shipped.transitions, shipped.state)
      expect(shipped.transitions.length).toBeGreaterThan(0)

      let s = createSim(sc)
      const tuned = {
        ...sc,
        function: {
          ...sc.function,
          idleEnvironmentTtlMs: 50,
          provisionedConcurrentExecutions: sc.function.provisionedConcurrentExecutions + 1,
        },
      }
      for (const command of [
        { type: 'sendEvent' },
        { type: 'failNext' },
        { type: 'configure', scenario: tuned },
      ] as const) {
        const d = dispatch(s, command)
        check(d.transitions, d.state)
        const next = advance(d.state, { steps: 3 })
        check(next.transitions, next.state)
        s = next.state
      }
      const rest = advance(s, { steps: 20000 })
      check(rest.transitions, rest.state)
    })
  }

  it('the sweep reached every shared fact kind', () => {
    expect([...SHARED_KINDS].filter((k) => !seen.has(k))).toEqual([])
  })
})
