import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_EMBED_OPTIONS, readEmbedOptions } from './options'

const from = (o: Record<string, string>) => readEmbedOptions((k) => o[k] ?? null)

describe('embed options', () => {
  it('defaults when nothing is given', () => {
    expect(from({})).toEqual({ options: DEFAULT_EMBED_OPTIONS, problems: [] })
  })
  it('reads every option', () => {
    expect(
      from({
        scenario: 'async-retries',
        step: '12',
        autoplay: '',
        controls: 'none',
        theme: 'dark',
        height: '480px',
        lesson: 'async-retries',
        stop: '3',
      }).options,
    ).toEqual({
      scenario: 'async-retries',
      step: 12,
      autoplay: true,
      controls: 'none',
      theme: 'dark',
      height: 480,
      lesson: 'async-retries',
      stop: 3,
    })
  })
  it('reports each bad value and falls back to its default', () => {
    const r = from({
      step: '-3',
      autoplay: 'maybe',
      controls: 'all',
      theme: 'pink',
      height: '99999999',
      scenario: '',
      lesson: '<script>',
      stop: '0',
    })
    expect(r.options).toEqual(DEFAULT_EMBED_OPTIONS)
    expect(r.problems).toHaveLength(8)
    expect(r.problems.join('\n')).toMatch(/lesson "<script>" is not a lesson id.*\n.*stop "0" should be a stop number/s)
    expect(r.problems.join('\n')).toMatch(/step "-3".*\n.*autoplay "maybe".*\n.*controls "all".*\n/s)
  })
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('scenario', 'step', 'autoplay', 'controls', 'theme', 'height', 'lesson', 'stop'),
          fc.string({ maxLength: 300 }),
        ),
        (o) => {
          const r = from(o)
          expect(['none', 'minimal', 'full']).toContain(r.options.controls)
          expect(Number.isInteger(r.options.step)).toBe(true)
        },
      ),
      { numRuns: 3000 },
    )
  })
})
