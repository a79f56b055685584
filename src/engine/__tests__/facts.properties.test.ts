import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advance, createSim, dispatch } from '../sim'
import type { Transition } from '../types'
import { prepare, rawScenario } from './arbitraries'
import { expectedOf } from './captionOf'

/**
 * Facts are the whole truth of a transition (CONTEXT.md "Facts and captions"): in random valid
 * scenarios of every model, with hand-sent events and "fail next" mixed in, every transition has
 * a fact, and its type, doc reference and sentence are exactly its fact's caption. So the view and
 * the store may read `fact` instead of parsing text, and no code path logs prose without a fact.
 */
const RUNS = 150

describe(`facts: ${RUNS} random scenarios of every model`, () => {
  it('every transition carries a fact whose caption is the transition', () => {
    fc.assert(
      fc.property(rawScenario, (r) => {
        const { parsed, commands } = prepare(r)
        const sc = parsed.scenario
        const log: Transition[] = []
        const keep = (ts: readonly Transition[]) => {
          for (const t of ts) log.push(t)
        }
        let s = createSim(sc)
        for (const a of commands) {
          const moved = advance(s, { steps: a.afterSteps })
          keep(moved.transitions)
          const d = dispatch(moved.state, a.command)
          keep(d.transitions)
          s = d.state
        }
        keep(advance(s, { steps: 3000 }).transitions)
        for (const t of log) {
          expect(typeof t.fact.kind).toBe('string')
          expect({ type: t.type, ref: t.ref, text: t.text }).toEqual(expectedOf(t, sc))
        }
      }),
      { numRuns: RUNS },
    )
  }, 120000)
})
