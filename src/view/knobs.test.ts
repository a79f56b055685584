import { describe, expect, it } from 'vitest'
import { numberRuleAt, parseScenario, presetById, PRESETS } from '../scenarios'
import { knobProblem, knobRange, knobsFor, knobValue, withKnob } from './knobs'
import type { Knob } from './knobs'

/** Issue 10 item 8: knob errors in plain words, worded from the schema's ranges (not typed again). */

function problem(presetId: string, path: string, value: unknown): string {
  const scenario = presetById(presetId)!.scenario
  const knob = knobsFor(scenario.model).find((k) => k.path === path)!
  const r = parseScenario(withKnob(scenario, path, value))
  if (r.ok) throw new Error(`${path}=${String(value)} was accepted`)
  return knobProblem(knob, value, scenario, r.issues)
}

describe('knob errors in plain words', () => {
  it('reserved concurrency: the bound comes from the account limit (1000 − 100); the last valid value is named as still applying', () => {
    expect(problem('sync-basics', 'function.reservedConcurrentExecutions', 901)).toBe(
      'Function reserved concurrent executions must be empty (unreserved) or a whole number from 0 to 900; you typed 901, so empty (the last valid value) still applies.',
    )
    expect(problem('sync-basics', 'function.timeout', -5)).toBe(
      'Function timeout must be a whole number of seconds from 1 to 900; you typed -5\u00a0s, so 3\u00a0s (the last valid value) still applies.',
    )
    expect(problem('sync-basics', 'function.errorRate', 2)).toBe(
      'Function error rate must be a number from 0 to 1; you typed 2, so 0 (the last valid value) still applies.',
    )
    expect(problem('sync-basics', 'function.timeout', 'abc')).toMatch(
      /^Function timeout must be a whole number of seconds from 1 to 900; you typed “abc”, so /,
    )
    expect(problem('sync-basics', 'function.durationMs', 'abc')).toMatch(
      /^Function duration must be a whole number of milliseconds from 0 to 900,000, or a range such as 80-200 \(smaller number first\); you typed “abc”, so .* \(the last valid value\) still applies\.$/,
    )
    expect(problem('sync-basics', 'function.durationMs', { min: 50, max: 10 })).toMatch(
      /^Function duration must be a whole number/,
    )
    expect(problem('kinesis-partial-batch', 'stream.maximumRetryAttempts', 1.5)).toMatch(
      /^Stream maximum retry attempts must be -1 \(no limit\) or a whole number from 0 to 10,000; you typed 1.5, so /,
    )
  })

  it('a rule between two fields keeps its reason, in names rather than paths', () => {
    const text = problem('sqs-batch-failure', 'function.timeout', 900)
    expect(text).toMatch(/^SQS visibility timeout must be at least function timeout/)
    expect(text).toMatch(/you typed 900\u00a0s, so \d+\u00a0s \(the last valid value\) still applies\.$/)
  })

  it('every numeric knob of every model, out of range: “<label> must be … from <min> to <max>” with the schema’s own bounds', () => {
    const seen = new Set<string>()
    for (const preset of PRESETS) {
      for (const knob of knobsFor(preset.model) as Knob[]) {
        const rule = numberRuleAt(preset.scenario, knob.path)
        if (!rule || seen.has(`${preset.model}:${knob.path}`)) continue
        seen.add(`${preset.model}:${knob.path}`)
        for (const bad of [rule.max + 1, rule.min - 1.5]) {
          if (rule.alternatives.some(([v]) => v === bad)) continue
          const text = problem(preset.id, knob.path, bad)
          expect(text).toMatch(/^[A-Z][\w ]* must be /)
          expect(text).toMatch(/still applies\.$/)
          expect(text).toContain(`from ${rule.min.toLocaleString('en-US')} to ${rule.max.toLocaleString('en-US')}`)
          // No schema output: no dotted path prefix, no "(got …)".
          expect(text).not.toMatch(/^\w+\.\w+:|\(got /)
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20)
  })
})

describe('knob hints come from the schema and the defaults (issue 13: knob text derived, not typed again)', () => {
  const hint = (presetId: string, path: string) => {
    const scenario = presetById(presetId)!.scenario
    return knobRange(
      scenario,
      knobsFor(scenario.model).find((k) => k.path === path)!,
    )
  }

  it('ranges, notes and defaults', () => {
    expect(hint('sync-basics', 'function.timeout')).toBe('1–900, in seconds, default 3')
    expect(hint('sync-basics', 'function.reservedConcurrentExecutions')).toBe('empty = unreserved, or 0–900')
    expect(hint('sqs-batch-failure', 'sqs.maxReceiveCount')).toBe('empty = no redrive, or 1–1,000')
    expect(hint('async-retries', 'async.onFailure')).toBe('default none')
    expect(hint('sqs-batch-failure', 'sqs.reportBatchItemFailures')).toBe('default off')
    expect(hint('sync-basics', 'sync.callerTimeoutMs')).toBe(
      'empty = the caller waits for the function, or 50–900,000, default depends on the caller',
    )
  })

  it('follow the scenario: reserved concurrency’s bound moves with the account limit', () => {
    const scenario = presetById('sync-basics')!.scenario
    const knob = knobsFor('sync').find((k) => k.path === 'function.reservedConcurrentExecutions')!
    const smaller = parseScenario(withKnob(scenario, 'account.concurrencyLimit', 500))
    if (!smaller.ok) throw new Error('rejected')
    expect(knobRange(smaller.scenario, knob)).toBe('empty = unreserved, or 0–400')
  })

  it('every knob of every model has a hint whose bounds are the schema’s', () => {
    for (const preset of PRESETS) {
      for (const knob of knobsFor(preset.model)) {
        const text = knobRange(preset.scenario, knob)
        expect(text.length, knob.path).toBeGreaterThan(0)
        const rule = numberRuleAt(preset.scenario, knob.path)
        if (rule)
          expect(text, knob.path).toContain(`${rule.min.toLocaleString('en-US')}–${rule.max.toLocaleString('en-US')}`)
      }
    }
  })
})

describe('knob values', () => {
  it('turns knob text into values for the parser, and replaces one field', () => {
    const timeout = knobsFor('sync').find((k) => k.path === 'function.timeout')!
    const duration = knobsFor('sync').find((k) => k.path === 'function.durationMs')!
    const reserved = knobsFor('sync').find((k) => k.path === 'function.reservedConcurrentExecutions')!
    expect(knobValue(timeout, ' 12 ')).toBe(12)
    expect(knobValue(timeout, 'abc')).toBe('abc')
    expect(knobValue(duration, '80-200')).toEqual({ min: 80, max: 200 })
    expect(knobValue(reserved, '')).toBeNull()
    const r = parseScenario({ version: 1, model: 'sync', workload: [] })
    if (!r.ok) throw new Error('invalid')
    const raw = withKnob(r.scenario, 'function.timeout', 9) as { function: { timeout: number } }
    expect(raw.function.timeout).toBe(9)
    expect(r.scenario.function.timeout).toBe(3)
    const bad = parseScenario(withKnob(r.scenario, 'function.timeout', 'abc'))
    expect(bad.ok).toBe(false)
  })
})
