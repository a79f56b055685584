import type { Box, StageLayout, TokenLayout } from './layout/types'
import { TOKEN_R } from './layout/metrics'

/**
 * Where to look (pure, no DOM): which parts of the stage changed in a beat, and how far a stage
 * box that cannot show everything should scroll to show them. useFollowAction does the DOM part.
 */

/** A vertical extent, in the units of the caller (SVG units, or CSS pixels of a scroll box's content). */
export interface Span {
  readonly top: number
  readonly bottom: number
}

/** What a scroll box shows: its scroll offset and the height left visible (minus what is pinned over it). */
export interface View {
  readonly top: number
  readonly height: number
}

/** Room kept around what is followed (CSS px): clear of the 28 px fades at the clipped edges. */
export const FOLLOW_MARGIN = 32

/** A token's extent, with room for its badges (receive count, answer chip) above and below. */
const tokenSpan = (t: TokenLayout): Span => ({ top: t.y - TOKEN_R - 8, bottom: t.y + TOKEN_R + 8 })

const boxSpan = (b: Box): Span => ({ top: b.y, bottom: b.y + b.h })

/** The token and, when it runs in an environment, that environment's card (its name and state say what happens). */
function tokenContext(layout: StageLayout, t: TokenLayout): Span {
  const env = t.token.env === null ? undefined : layout.envs.find((e) => e.env.id === t.token.env)
  return env ? boxSpan(env) : tokenSpan(t)
}

/**
 * What a beat changed, in SVG units of `next`: tokens that are new or changed state, node or
 * environment since `prev` (each with its environment card when it runs in one), and environments
 * that changed state (one went idle, one started Init); failing that (the first frame, a beat that
 * only moved the clock), the running tokens, or else the tokens in an environment. Positions are not compared: a stage laid out again
 * (taller, or at another zoom) moves everything. Empty when nothing of these is on the stage.
 */
export function actionSpans(prev: StageLayout | null, next: StageLayout): Span[] {
  if (prev !== null) {
    const was = new Map(prev.tokens.map((t) => [t.token.id, t.token]))
    const changed = next.tokens.filter((t) => {
      const p = was.get(t.token.id)
      return !p || p.state !== t.token.state || p.node !== t.token.node || p.env !== t.token.env
    })
    const envWas = new Map(prev.envs.map((e) => [e.env.id, e.env.state]))
    const envs = next.envs.filter((e) => envWas.get(e.env.id) !== e.env.state)
    if (changed.length + envs.length > 0) return [...changed.map((t) => tokenContext(next, t)), ...envs.map(boxSpan)]
  }
  const running = next.tokens.filter((t) => t.token.state === 'running')
  // A link opened on a beat where a batch has just failed: nothing runs, but the red tokens in
  // their environment are the beat's news.
  const shown = running.length > 0 ? running : next.tokens.filter((t) => t.token.env !== null)
  return shown.map((t) => tokenContext(next, t))
}

/** Spans from SVG units to a scroll box's content pixels: `scale` px per unit, the drawing's top at `offset`. */
export function toContent(spans: readonly Span[], scale: number, offset: number): Span[] {
  return spans.map((s) => ({ top: offset + s.top * scale, bottom: offset + s.bottom * scale }))
}

const fits = (s: Span, top: number, height: number) => s.top >= top && s.bottom <= top + height

/**
 * The scroll offset that shows what changed, or null when the view already shows all of it (or
 * there is nothing to show). `max` is the largest scroll offset. When not everything fits, the
 * window showing the most spans wins, the nearest to where the view is on a tie; when no span
 * fits whole, the first one's top is shown. Each span keeps `margin` around it when it can. Pure.
 */
export function followTarget(
  spans: readonly Span[],
  view: View,
  max: number,
  margin: number = FOLLOW_MARGIN,
): number | null {
  if (spans.length === 0 || max <= 0 || view.height <= 0) return null
  const padded = spans.map((s) => ({ top: s.top - margin, bottom: s.bottom + margin }))
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(0, v)))
  const count = (top: number) => padded.filter((s) => fits(s, top, view.height)).length
  const now = count(view.top)
  if (now === padded.length) return null
  let best = { top: view.top, n: now }
  for (const s of padded) {
    for (const c of [clamp(s.top), clamp(s.bottom - view.height)]) {
      const n = count(c)
      if (n > best.n || (n === best.n && n > 0 && Math.abs(c - view.top) < Math.abs(best.top - view.top)))
        best = { top: c, n }
    }
  }
  if (best.n === 0) {
    // Nothing fits whole (a span taller than the view): its top, unless the view already shows part of it.
    const first = padded.reduce((a, b) => (b.top < a.top ? b : a))
    if (first.bottom > view.top && first.top < view.top + view.height) return null
    best = { top: clamp(first.top), n: 0 }
  }
  return Math.abs(best.top - view.top) < 1 ? null : best.top
}

/** How long (ms) following waits after the reader scrolls or touches the stage while it plays. */
export const MANUAL_PAUSE_MS = 5000

/**
 * Follow this beat? Not while the reader has just scrolled the stage by hand during playback;
 * a step or seek they ask for (not playing) always follows.
 */
export function shouldFollow(playing: boolean, now: number, manualAt: number | null): boolean {
  return !playing || manualAt === null || now - manualAt >= MANUAL_PAUSE_MS
}
