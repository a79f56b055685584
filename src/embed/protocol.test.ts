import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostMessageProblem, PROTOCOL, readEmbedMessage, readHostMessage } from './protocol'

describe('iframe postMessage protocol', () => {
  it('accepts exactly the documented host messages', () => {
    expect(readHostMessage({ protocol: PROTOCOL, type: 'play' })).toEqual({ protocol: PROTOCOL, type: 'play' })
    expect(readHostMessage({ protocol: PROTOCOL, type: 'pause' })).toEqual({ protocol: PROTOCOL, type: 'pause' })
    expect(readHostMessage({ protocol: PROTOCOL, type: 'step', direction: 'back' })).toMatchObject({
      direction: 'back',
    })
    expect(readHostMessage({ protocol: PROTOCOL, type: 'seek', step: 12 })).toMatchObject({ step: 12 })
    expect(readHostMessage({ protocol: PROTOCOL, type: 'theme', theme: 'dark' })).toEqual({
      protocol: PROTOCOL,
      type: 'theme',
      theme: 'dark',
    })
    expect(readHostMessage({ protocol: PROTOCOL, type: 'theme', theme: null })).toEqual({
      protocol: PROTOCOL,
      type: 'theme',
      theme: null,
    })
  })

  it('ignores messages of any other shape', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'play',
      42,
      [],
      { type: 'play' },
      { protocol: 'other', type: 'play' },
      { protocol: PROTOCOL, type: 'play', extra: 1 },
      { protocol: PROTOCOL, type: 'step' },
      { protocol: PROTOCOL, type: 'step', direction: 'sideways' },
      { protocol: PROTOCOL, type: 'seek', step: -1 },
      { protocol: PROTOCOL, type: 'seek', step: 1.5 },
      { protocol: PROTOCOL, type: 'seek', step: '3' },
      { protocol: PROTOCOL, type: 'seek', step: Number.NaN },
      { protocol: PROTOCOL, type: 'eval', code: 'alert(1)' },
      { protocol: PROTOCOL, type: 'theme', theme: 'auto' },
      { protocol: PROTOCOL, type: 'theme' },
      { protocol: PROTOCOL, type: 'theme', theme: 'dark', css: 'x' },
      Object.create({ protocol: PROTOCOL, type: 'play' }),
      new Date(),
    ]
    for (const m of bad) expect(readHostMessage(m)).toBeNull()
  })

  it('never throws, even on hostile objects', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
        ownKeys() {
          throw new Error('boom')
        },
      },
    )
    expect(readHostMessage(hostile)).toBeNull()
    expect(readEmbedMessage(hostile)).toBeNull()
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const m = readHostMessage(v)
        expect(m === null || m.protocol === PROTOCOL).toBe(true)
        readEmbedMessage(v)
      }),
      { numRuns: 2000 },
    )
  })

  it('reads the embed → host messages a host page listens for', () => {
    expect(readEmbedMessage({ protocol: PROTOCOL, type: 'height', id: 'a', height: 480.4 })).toEqual({
      protocol: PROTOCOL,
      type: 'height',
      id: 'a',
      height: 480,
    })
    expect(readEmbedMessage({ protocol: PROTOCOL, type: 'height', id: 'a', height: Infinity })).toBeNull()
    expect(
      readEmbedMessage({ protocol: PROTOCOL, type: 'state', id: 'a', step: 3, timeMs: 400, playing: false }),
    ).not.toBeNull()
  })

  it('reads the embed → host error message (additive: a command refused or only partly done)', () => {
    expect(readEmbedMessage({ protocol: PROTOCOL, type: 'error', id: 'a', message: 'Step 9 is past the end' })).toEqual(
      { protocol: PROTOCOL, type: 'error', id: 'a', message: 'Step 9 is past the end' },
    )
    expect(readEmbedMessage({ protocol: PROTOCOL, type: 'error', id: 'a', message: 'x'.repeat(2000) })).toMatchObject({
      message: 'x'.repeat(500),
    })
    expect(readEmbedMessage({ protocol: PROTOCOL, type: 'error', id: 'a', message: 3 })).toBeNull()
    expect(readEmbedMessage({ protocol: PROTOCOL, type: 'error', id: 'a', message: 'm', stack: 's' })).toBeNull()
  })

  it('names what is wrong with a malformed command addressed to the embed, and ignores foreign messages', () => {
    expect(hostMessageProblem({ protocol: PROTOCOL, type: 'seek', step: -1 })).toMatch(/whole number from 0/)
    expect(hostMessageProblem({ protocol: PROTOCOL, type: 'seek', step: 1.5 })).toMatch(/whole number from 0/)
    expect(hostMessageProblem({ protocol: PROTOCOL, type: 'seek', step: 1e12 })).toMatch(/whole number from 0/)
    expect(hostMessageProblem({ protocol: PROTOCOL, type: 'step', direction: 'up' })).toMatch(/forward/)
    expect(hostMessageProblem({ protocol: PROTOCOL, type: 'play', now: true })).toMatch(/exactly/)
    for (const ok of [
      { protocol: PROTOCOL, type: 'seek', step: 3 },
      { protocol: PROTOCOL, type: 'play' },
    ])
      expect(hostMessageProblem(ok)).toBeNull()
    for (const foreign of [
      { protocol: 'other', type: 'seek', step: -1 },
      { protocol: PROTOCOL, type: 'eval' },
      'seek',
      null,
    ])
      expect(hostMessageProblem(foreign)).toBeNull()
  })
})
