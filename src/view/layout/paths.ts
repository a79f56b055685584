import { ARROW_GAP, CORNER_R, EDGE_Y_MAX } from './metrics'
import type { Box, Orientation, Point } from './types'

/** Rounded orthogonal path through the points (first to last), corners of radius up to r. */
export function orthoPath(points: readonly Point[], r = CORNER_R): string {
  const [first, ...rest] = points.filter((q, i) => {
    const before = points[i - 1]
    return !before || q.x !== before.x || q.y !== before.y
  })
  if (!first) return ''
  let d = `M ${round(first.x)} ${round(first.y)}`
  let prev = first
  rest.forEach((cur, i) => {
    const next = rest[i + 1]
    if (!next) {
      d += ` L ${round(cur.x)} ${round(cur.y)}`
      return
    }
    const inLen = Math.hypot(cur.x - prev.x, cur.y - prev.y)
    const outLen = Math.hypot(next.x - cur.x, next.y - cur.y)
    const k = Math.min(r, inLen / 2, outLen / 2)
    const ax = cur.x - ((cur.x - prev.x) / inLen) * k
    const ay = cur.y - ((cur.y - prev.y) / inLen) * k
    const bx = cur.x + ((next.x - cur.x) / outLen) * k
    const by = cur.y + ((next.y - cur.y) / outLen) * k
    d += ` L ${round(ax)} ${round(ay)} Q ${round(cur.x)} ${round(cur.y)} ${round(bx)} ${round(by)}`
    prev = cur
  })
  return d
}

/** One decimal: paths stay short and stable across engines. */
function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** Arrow between two boxes side by side (horizontal) or stacked (vertical), at the given heights. */
export function edgePath(a: Box, b: Box, orientation: Orientation, ay?: number, by?: number): string {
  const acx = a.x + a.w / 2
  const bcx = b.x + b.w / 2
  if (orientation === 'vertical' || Math.abs(acx - bcx) < 1) {
    const down = b.y > a.y
    const y1 = down ? a.y + a.h : a.y
    const y2 = down ? b.y - ARROW_GAP : b.y + b.h + ARROW_GAP
    return `M ${acx} ${y1} L ${acx} ${y2}`
  }
  const right = bcx > acx
  const y1 = ay ?? a.y + Math.min(a.h, EDGE_Y_MAX) / 2
  const y2 = by ?? b.y + Math.min(b.h, EDGE_Y_MAX) / 2
  const x1 = right ? a.x + a.w : a.x
  const x2 = right ? b.x - ARROW_GAP : b.x + b.w + ARROW_GAP
  if (Math.abs(y1 - y2) < 1) return `M ${x1} ${y1} L ${x2} ${y2}`
  const mx = (x1 + x2) / 2
  return `M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2} ${y2}`
}
