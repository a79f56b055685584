import { describe, expect, it } from 'vitest'
import { presetById } from '../scenarios'
import { toBase64Url } from '../store/url'
import { resolveEmbedScenario } from './resolveScenario'

describe('resolveEmbedScenario', () => {
  it('leaves the default when no scenario is given', () => {
    expect(resolveEmbedScenario(null)).toEqual({ problems: [] })
  })

  it('takes a preset id', () => {
    expect(resolveEmbedScenario('async-retries')).toEqual({ preset: 'async-retries', problems: [] })
  })

  it('takes an encoded scenario (the s= value of a share link) and a whole share query', () => {
    const raw = presetById('sqs-batch-failure')!.raw as Record<string, unknown>
    const encoded = toBase64Url(JSON.stringify({ ...raw, id: null, title: 'Mine' }))
    const r = resolveEmbedScenario(encoded)
    expect(r.problems).toEqual([])
    expect(r.scenario?.title).toBe('Mine')
    expect(resolveEmbedScenario(`?s=${encoded}`).scenario?.model).toBe('sqs')
  })

  it('names an unknown id or a damaged encoding and falls back', () => {
    expect(resolveEmbedScenario('nope').problems[0]).toContain('nope')
    const damaged = resolveEmbedScenario('eyJ2ZXJzaW9uIjoxLCJtb2RlbCI6')
    expect(damaged.problems.length).toBeGreaterThan(0)
    expect(damaged.preset ?? damaged.scenario).toBeTruthy()
  })
})
