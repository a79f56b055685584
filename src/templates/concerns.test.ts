import { describe, expect, it } from 'vitest'
import { findingConcerns } from './concerns'
import misconfigured from './fixtures/misconfigured.yaml?raw'
import { importTemplate } from './importer'

describe('which function × trigger pair a finding is shown under', () => {
  const r = importTemplate(misconfigured)
  const pair = (trigger: string) => {
    const s = r.scenarios.find((x) => x.function === 'Slow' && x.trigger === trigger)
    if (!s) throw new Error(`no Slow/${trigger} pair`)
    return s
  }
  const finding = (rule: string) => {
    const f = r.findings.find((x) => x.rule === rule && x.resource === 'Slow')
    if (!f) throw new Error(`no ${rule} finding on Slow`)
    return f
  }

  it('a timeout past API Gateway’s 29 s wait is about the API event, not the S3 one', () => {
    const f = finding('api-timeout-above-integration')
    expect(findingConcerns(f, pair('Web'))).toBe(true)
    expect(findingConcerns(f, pair('Uploads'))).toBe(false)
  })

  it('a missing on-failure destination is about the asynchronous (S3) event, not the API one', () => {
    const f = finding('async-no-failure-destination')
    expect(findingConcerns(f, pair('Uploads'))).toBe(true)
    expect(findingConcerns(f, pair('Web'))).toBe(false)
  })

  it('a finding naming a trigger is shown under that trigger’s pair', () => {
    for (const f of r.findings)
      for (const s of r.scenarios) if (f.resource === s.trigger) expect(findingConcerns(f, s)).toBe(true)
  })
})
