import { describe, expect, it } from 'vitest'
import { parseScenario } from '../engine'
import { interactiveLimitProblem, loopFactor } from './limits'

const sc = (raw: Record<string, unknown>) => {
  const r = parseScenario({ version: 1, model: 'sqs', ...raw })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scenario
}

describe('the interactive limit counts the messages a recursive loop makes', () => {
  it('no loop: the workload only; Terminate: 17 events per message at most; Allow: one per handler time until stopAtMs', () => {
    expect(loopFactor(sc({ workload: [{ count: 10 }] }))).toBe(1)
    expect(loopFactor(sc({ workload: [{ count: 10 }], sqs: { functionSendsToSameQueue: true } }))).toBe(17)
    const allow = sc({
      stopAtMs: 60000,
      function: { durationMs: 400, recursiveLoop: 'Allow' },
      workload: [{ count: 1 }, { count: 1, durationMs: { min: 200, max: 300 } }],
      sqs: { functionSendsToSameQueue: true },
    })
    expect(loopFactor(allow)).toBe(1 + 300)
  })

  it('refuses a loop scenario whose events could pass 100,000, and says why', () => {
    expect(
      interactiveLimitProblem(sc({ workload: [{ count: 5882 }], sqs: { functionSendsToSameQueue: true } })),
    ).toBeNull()
    const problem = interactiveLimitProblem(
      sc({ workload: [{ count: 5883 }], sqs: { functionSendsToSameQueue: true } }),
    )
    expect(problem).toContain('may make up to 100,011 events')
    expect(problem).toContain('back to its own queue')
  })
})
