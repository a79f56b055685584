import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advance, createSim, dispatch, nextStepAt, runToEnd, selectStage } from '../engine'
import type { Command, Scenario, SimState } from '../engine'
import { PRESETS } from '../scenarios'
import { createSimStore } from './createSimStore'
import { shownBeatStart } from './timeline'

/**
 * Model-based test of the store (issue 6): random sequences of what a user does (step, step back,
 * jump, scrub, reset, send an event or change a knob — also in the past, which forks the run) are
 * applied to a store, and after every action the frame it shows must equal the engine state that a
 * direct run reaches with the same commands at the same steps.
 */

type Action =
  | { readonly kind: 'step' }
  | { readonly kind: 'back' }
  | { readonly kind: 'goto'; readonly step: number }
  | { readonly kind: 'seek'; readonly t: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'send' }
  | { readonly kind: 'failNext' }
  | { readonly kind: 'knob'; readonly reserved: number | null }

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'step' } as const) },
  { weight: 3, arbitrary: fc.constant({ kind: 'back' } as const) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 400 }).map((step) => ({ kind: 'goto', step }) as const) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 400000 }).map((t) => ({ kind: 'seek', t }) as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'send' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'failNext' } as const) },
  {
    weight: 1,
    arbitrary: fc
      .option(fc.integer({ min: 0, max: 5 }), { nil: null })
      .map((reserved) => ({ kind: 'knob', reserved }) as const),
  },
)

interface RefCommand {
  readonly step: number
  /** The playhead's time when it was made (between step `step` and the next occurrence). */
  readonly at: number
  readonly command: Command
}

/** The reference: the engine alone, commands applied right after `step` occurrences. */
function reference(scenario: Scenario, commands: readonly RefCommand[], step: number): SimState {
  let s = createSim(scenario)
  // The frame at step k includes the commands made at step k (made while the cursor stood there).
  for (const c of commands.filter((x) => x.step <= step)) {
    s = advance(s, { steps: c.step - s.step, collect: false }).state
    const next = nextStepAt(s)
    const at = next === null ? c.at : Math.min(c.at, next - 1)
    if (at > s.now) s = advance(s, { until: at, collect: false }).state
    s = dispatch(s, c.command).state
  }
  return advance(s, { steps: step - s.step, collect: false }).state
}

// Presets short enough that replaying the reference from scratch after every action stays cheap.
const presets = PRESETS.filter(
  (p) =>
    p.scenario.workload.reduce((n, e) => n + e.count, 0) <= 40 && runToEnd(createSim(p.scenario)).state.step <= 400,
)

describe('store model-based test: the frame shown always equals the engine state at that step', () => {
  it(`holds over random action sequences on the ${presets.length} short presets`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...presets), fc.array(action, { minLength: 1, maxLength: 15 }), (preset, actions) => {
        const store = createSimStore(preset.scenario, { presetId: preset.id })
        let commands: RefCommand[] = []
        for (const a of actions) {
          const st = store.getState()
          const at = st.run.cursor.step
          const send = (command: Command) => {
            // A command in the past forks: what was logged after this step is dropped.
            commands = [...commands.filter((c) => c.step <= at), { step: at, at: st.clock, command }]
            st.send(command)
          }
          if (a.kind === 'step') st.stepForward()
          else if (a.kind === 'back') st.stepBack()
          else if (a.kind === 'goto') st.goToStep(a.step)
          else if (a.kind === 'seek') st.seek(a.t)
          else if (a.kind === 'reset') st.reset()
          else if (a.kind === 'send') send({ type: 'sendEvent' })
          else if (a.kind === 'failNext') send({ type: 'failNext' })
          else {
            const f = preset.scenario.function
            const reserved = a.reserved === null ? null : Math.max(a.reserved, f.provisionedConcurrentExecutions)
            send({
              type: 'configure',
              scenario: { ...st.run.scenario, function: { ...f, reservedConcurrentExecutions: reserved } },
            })
          }
          const shown = store.getState().run
          const expected = reference(preset.scenario, commands, shown.cursor.step)
          expect(shown.cursor).toEqual(expected)
          // The answer band lists the answers of the beat on screen (timeline.ts shownBeatStart).
          const from = shownBeatStart(shown.frontier.beats, shown.cursor.step, shown.captionHeldFrom)
          expect(shown.stage).toEqual(selectStage(expected, undefined, from))
        }
      }),
      // Each command forks and recomputes the run ahead (about 0.1 s), so keep the count modest.
      { numRuns: 25 },
    )
  }, 240000)
})
