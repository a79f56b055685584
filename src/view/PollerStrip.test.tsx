// @vitest-environment node
// Issue 18, item 2: the event source mapping's pollers drawn as actors, as many as the engine says.
import fc from 'fast-check'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { advance, createSim, isFinished, runToEnd, selectStage } from '../engine'
import { presetById } from '../scenarios'
import { logicalWidth, minHorizontalWidth } from './layout/columns'
import { NODE_PAD, POLLER } from './layout/metrics'
import { layoutStage } from './layout/stage'
import { PollerStrip } from './PollerStrip'

const scenarioOf = (id: string) => presetById(id)!.scenario
const lengthOf = (id: string) => runToEnd(createSim(scenarioOf(id))).state.step

/** The stage at `steps`, laid out wide (1232 px) or on a phone (348 px), and the strip drawn from it. */
function drawnAt(id: string, steps: number, wide: boolean) {
  const state = advance(createSim(scenarioOf(id)), { steps, collect: false }).state
  const stage = selectStage(state)
  const layout = wide
    ? layoutStage(stage, 'horizontal', logicalWidth(1232, 'horizontal', minHorizontalWidth(stage)))
    : layoutStage(stage, 'vertical', logicalWidth(348, 'vertical', 0))
  const html = renderToString(<PollerStrip layout={layout.pollers} marker="m" />)
  const glyphs = (state: string) => html.split(`lem-poller lem-poller--${state}`).length - 1
  const esm = layout.nodes.find((n) => n.node.id === 'poller')
  const room = esm ? Math.floor((esm.w - 2 * NODE_PAD) / POLLER.pitch) * POLLER.rows : 0
  return { state, stage, layout, html, glyphs, room, finished: isFinished(state) }
}

/** A path's corners, for the straight runs of arms (M H V) and arrows (M L, their Q corners taken as straight). */
function corners(d: string): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = []
  const t = d.match(/[MLHVQ]|-?\d+(?:\.\d+)?/g) ?? []
  let x = 0
  let y = 0
  for (let i = 0; i < t.length; i++) {
    const c = t[i]
    if (c === 'M' || c === 'L') [x, y] = [Number(t[++i]), Number(t[++i])]
    else if (c === 'H') x = Number(t[++i])
    else if (c === 'V') y = Number(t[++i])
    else if (c === 'Q') [x, y] = [((i += 2), Number(t[++i])), Number(t[++i])]
    else continue
    out.push({ x, y })
  }
  return out
}

/** Whether two straight runs cross at a point inside both (touching ends and running alongside do not count). */
function cross(
  a: { x: number; y: number },
  b: { x: number; y: number },
  c: { x: number; y: number },
  d: { x: number; y: number },
) {
  const den = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x)
  if (Math.abs(den) < 1e-9) return false
  const t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / den
  const u = ((c.x - a.x) * (b.y - a.y) - (c.y - a.y) * (b.x - a.x)) / den
  return t > 0.01 && t < 0.99 && u > 0.01 && u < 0.99
}

/** The arms that cross an arrow of the stage. */
function armsOverArrows(layout: ReturnType<typeof layoutStage>): string[] {
  const bad: string[] = []
  for (const arm of layout.pollers?.arms ?? []) {
    const a = corners(arm)
    for (const e of layout.edges) {
      const b = corners(e.d)
      for (let i = 1; i < a.length; i++)
        for (let j = 1; j < b.length; j++)
          if (cross(a[i - 1]!, a[i]!, b[j - 1]!, b[j]!)) bad.push(`${arm} × ${e.from}>${e.to}`)
    }
  }
  return bad
}

const PRESETS = ['sqs-scaling', 'sqs-provisioned-mode', 'kinesis-parallelization', 'sqs-fifo-group-concurrency']

describe('the pollers strip draws the engine’s pollers', () => {
  for (const id of PRESETS) {
    const steps = lengthOf(id)
    it(`${id}: at random cursors the strip says the engine's count, draws one glyph per poller while they fit, the busy ones filled and the polling ones reaching`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: steps }), fc.boolean(), (at, wide) => {
          const d = drawnAt(id, at, wide)
          const p = d.stage.pollers!
          expect(d.html).toContain(`data-pollers="${p.count}"`)
          expect(d.html).toContain(`>${p.count} poller${p.count === 1 ? '' : 's'}</text>`)
          const shown = Math.min(p.count, d.room)
          expect(d.glyphs('reach') + d.glyphs('busy') + d.glyphs('idle')).toBe(shown)
          expect(d.glyphs('reach')).toBe(Math.min(p.reach.length, shown))
          expect(d.glyphs('reach') + d.glyphs('busy')).toBe(Math.min(p.busy, shown))
          // One arm per source polled now, ending inside that source's box.
          const sources = Array.from(new Set(p.reach))
          expect(d.layout.pollers!.arms.length).toBe(sources.length)
          d.layout.pollers!.arms.forEach((a, k) => {
            const box = d.layout.nodes.find((n) => n.node.id === sources[k])!
            const m = /H (\S+) V (\S+)(?: H (\S+))?$/.exec(a)!
            const [x, y] = [Number(m[3] ?? m[1]), Number(m[2])]
            expect(x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h).toBe(true)
          })
          expect(d.html.split('lem-poller-arm').length - 1).toBe(sources.length)
          // An arm reaches round the arrows, never across one (kinesis-parallelization: two shards).
          expect(armsOverArrows(d.layout)).toEqual([])
        }),
        { numRuns: 25, seed: 18 },
      )
    })
  }

  it('sqs-scaling visibly scales: 5 glyphs at the start, more mid-run, 5 again at the end', () => {
    const n = lengthOf('sqs-scaling')
    const drawn = (d: ReturnType<typeof drawnAt>) => d.glyphs('reach') + d.glyphs('busy') + d.glyphs('idle')
    expect(drawn(drawnAt('sqs-scaling', 0, true))).toBe(5)
    const mid = Array.from({ length: 20 }, (_, k) => drawn(drawnAt('sqs-scaling', Math.floor((n * k) / 20), true)))
    expect(Math.max(...mid)).toBeGreaterThanOrEqual(12)
    expect(drawn(drawnAt('sqs-scaling', n, true))).toBe(5)
  })

  it('no strip where there is no event source mapping', () => {
    expect(drawnAt('async-retries', 3, true).html).toBe('')
  })
})
