import { describe, expect, it } from 'vitest'
import { advance, createSim, dispatch, runToEnd } from '../engine'
import type { Command, Scenario } from '../engine'
import { PRESETS } from '../scenarios'
import { commandsFor } from './commands'

/** Issue 10 item 8: the command bar offers an action only where it means something. */

/** The end of the run when the commands are made after `at` steps. */
function outcome(scenario: Scenario, commands: readonly Command[], at = 0) {
  let s = advance(createSim(scenario), { steps: at, collect: false }).state
  for (const c of commands) s = dispatch(s, c).state
  const end = runToEnd(s).state
  return { metrics: end.metrics, events: end.events.map((e) => [e.id, e.outcome, e.attempts.map((a) => a.result)]) }
}

describe('command bar: actions per model', () => {
  it('poison messages only for poll-based models; sending and failing everywhere', () => {
    const ids = (model: string) => commandsFor(PRESETS.find((p) => p.model === model)!.scenario).map((c) => c.id)
    expect(ids('sync')).toEqual(['send', 'failNext'])
    expect(ids('async')).toEqual(['send', 'failNext'])
    for (const m of ['sqs', 'sqs-fifo', 'kinesis', 'dynamodb']) expect(ids(m)).toEqual(['send', 'failNext', 'poison'])
  })

  for (const preset of PRESETS) {
    it(`${preset.id}: every enabled action changes what happens at some point of the run; a disabled one never would`, () => {
      const last = runToEnd(createSim(preset.scenario)).state.step
      // Spread over the run, and its last steps (a blocked shard only frees up at the end).
      const when = [
        ...Array.from({ length: 8 }, (_, i) => Math.floor((i * last) / 8)),
        Math.max(0, last - 3),
        Math.max(0, last - 1),
      ]
      // Alone, or with an ordinary event sent first (a run whose events all fail anyway leaves
      // "make next invocation fail" nothing to change until the learner adds one that would succeed).
      const plain: Command = { type: 'sendEvent', event: { fail: 'never' } }
      const differs = (before: readonly Command[], c: Command, at: number) =>
        JSON.stringify(outcome(preset.scenario, [...before, c], at)) !==
        JSON.stringify(outcome(preset.scenario, before, at))
      for (const c of commandsFor(preset.scenario)) {
        const changes = when.some((at) => differs([], c.command, at) || differs([plain], c.command, at))
        expect(changes, c.label).toBe(c.disabledWhy === null)
      }
    })
  }

  it('a poison record fails every time it is tried and comes back (poll-based: §4 SQS visibility, §5 stream retries)', () => {
    for (const model of ['sqs', 'sqs-fifo', 'kinesis', 'dynamodb']) {
      const preset = PRESETS.find((p) => p.model === model)!
      const poison = commandsFor(preset.scenario).find((c) => c.id === 'poison')!
      const end = runToEnd(dispatch(createSim(preset.scenario), poison.command).state).state
      const ev = end.events.find((e) => e.id.startsWith('you-'))!
      const ran = ev.attempts.filter((a) => a.result !== 'throttled')
      expect(ran.length, model).toBeGreaterThanOrEqual(2)
      expect(
        ran.every((a) => a.result === 'error' || a.result === 'timeout'),
        model,
      ).toBe(true)
    }
  })
})
