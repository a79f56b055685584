import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advance, createSim, selectStage } from '../engine'
import { PRESETS } from '../scenarios'
import { actionSpans, followTarget, MANUAL_PAUSE_MS, shouldFollow, toContent } from './follow'
import type { Span } from './follow'
import { layoutStage } from './layout/stage'

const span = (top: number, bottom: number): Span => ({ top, bottom })

describe('followTarget: where the stage box scrolls to show what changed', () => {
  it('stays put when everything that changed is already in view', () => {
    expect(followTarget([span(100, 150)], { top: 0, height: 400 }, 600, 10)).toBeNull()
  })

  it('scrolls down just enough to show a span below the view, with its margin', () => {
    expect(followTarget([span(500, 560)], { top: 0, height: 400 }, 600, 10)).toBe(170)
  })

  it('scrolls up to a span above the view', () => {
    expect(followTarget([span(40, 80)], { top: 300, height: 400 }, 600, 10)).toBe(30)
  })

  it('never scrolls past either end', () => {
    expect(followTarget([span(5, 40)], { top: 200, height: 300 }, 600, 20)).toBe(0)
    expect(followTarget([span(880, 900)], { top: 0, height: 300 }, 600, 20)).toBe(600)
  })

  it('when not all fit, shows the most spans, nearest the current view on a tie', () => {
    const spans = [span(0, 40), span(600, 640), span(650, 690), span(700, 740)]
    expect(followTarget(spans, { top: 0, height: 200 }, 1000, 0)).toBe(540)
    // Two windows show two spans each: the nearer one wins.
    const two = [span(100, 140), span(150, 190), span(900, 940), span(950, 990)]
    expect(followTarget(two, { top: 600, height: 200 }, 1000, 0)).toBe(790)
    // Already showing as many as any window could: it stays.
    expect(followTarget(two, { top: 800, height: 200 }, 1000, 0)).toBeNull()
  })

  it('a span taller than the view: its top, unless the view already shows part of it', () => {
    expect(followTarget([span(500, 900)], { top: 0, height: 200 }, 1000, 0)).toBe(500)
    expect(followTarget([span(500, 900)], { top: 600, height: 200 }, 1000, 0)).toBeNull()
  })

  it('does nothing when the box does not scroll or nothing changed', () => {
    expect(followTarget([span(0, 50)], { top: 0, height: 300 }, 0)).toBeNull()
    expect(followTarget([], { top: 0, height: 300 }, 500)).toBeNull()
  })

  it('property: the target is a valid offset, and a single span that fits ends up wholly in view', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 100, max: 800 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        (top, h, viewH, max, at) => {
          const s = span(Math.min(top, max + viewH - h), Math.min(top, max + viewH - h) + h)
          const view = { top: Math.min(at, max), height: viewH }
          const t = followTarget([s], view, max, 0)
          const where = t ?? view.top
          expect(where).toBeGreaterThanOrEqual(0)
          expect(where).toBeLessThanOrEqual(max)
          if (h <= viewH && s.top >= 0) {
            expect(s.top).toBeGreaterThanOrEqual(where - 1)
            expect(s.bottom).toBeLessThanOrEqual(where + viewH + 1)
          }
        },
      ),
    )
  })
})

describe('actionSpans: what a beat changed', () => {
  const preset = PRESETS.find((p) => p.id === 'sqs-redrive-dlq')!
  const at = (steps: number) =>
    layoutStage(selectStage(advance(createSim(preset.scenario), { steps, collect: false }).state), 'vertical', 348)

  it('the first frame: the running tokens, each with its environment card', () => {
    let steps = 1
    let layout = at(steps)
    while (!layout.tokens.some((t) => t.token.state === 'running') && steps < 200) layout = at(++steps)
    const running = layout.tokens.filter((t) => t.token.state === 'running')
    expect(running.length).toBeGreaterThan(0)
    const spans = actionSpans(null, layout)
    expect(spans).toHaveLength(running.length)
    for (const [i, t] of running.entries()) {
      const env = layout.envs.find((e) => e.env.id === t.token.env)!
      expect(spans[i]).toEqual({ top: env.y, bottom: env.y + env.h })
    }
  })

  it('a step: only the tokens that are new or changed state, node or environment, and environments that changed state', () => {
    let seen = 0
    for (let s = 1; s < 40; s++) {
      const prev = at(s - 1)
      const next = at(s)
      const was = new Map(prev.tokens.map((t) => [t.token.id, t.token]))
      const changed = next.tokens.filter((t) => {
        const p = was.get(t.token.id)
        return !p || p.state !== t.token.state || p.node !== t.token.node || p.env !== t.token.env
      })
      const envWas = new Map(prev.envs.map((e) => [e.env.id, e.env.state]))
      const envs = next.envs.filter((e) => envWas.get(e.env.id) !== e.env.state)
      if (changed.length + envs.length > 0) {
        seen++
        expect(actionSpans(prev, next), `step ${s}`).toHaveLength(changed.length + envs.length)
      }
    }
    expect(seen).toBeGreaterThan(10)
  })

  it('an unchanged stage falls back to the running tokens', () => {
    const l = at(30)
    expect(actionSpans(l, l)).toEqual(actionSpans(null, l))
  })

  it('the first frame with nothing running (a batch just failed): the tokens in an environment', () => {
    let steps = 1
    let layout = at(steps)
    const failedInEnv = (l: typeof layout) =>
      !l.tokens.some((t) => t.token.state === 'running') && l.tokens.some((t) => t.token.env !== null)
    while (!failedInEnv(layout) && steps < 200) layout = at(++steps)
    expect(failedInEnv(layout), 'a frame with tokens in an environment and none running').toBe(true)
    const inEnv = layout.tokens.filter((t) => t.token.env !== null)
    expect(actionSpans(null, layout)).toHaveLength(inEnv.length)
  })

  it('toContent scales SVG units to the box and adds where the drawing starts', () => {
    expect(toContent([span(10, 20)], 0.5, 100)).toEqual([span(105, 110)])
  })
})

describe('shouldFollow: never fight a reader scrolling by hand', () => {
  it('a step or seek the reader asks for always follows', () => {
    expect(shouldFollow(false, 1000, 999)).toBe(true)
  })
  it(`while playing, following waits ${MANUAL_PAUSE_MS} ms after a manual scroll`, () => {
    expect(shouldFollow(true, 1000, null)).toBe(true)
    expect(shouldFollow(true, 1000 + MANUAL_PAUSE_MS - 1, 1000)).toBe(false)
    expect(shouldFollow(true, 1000 + MANUAL_PAUSE_MS, 1000)).toBe(true)
  })
})
