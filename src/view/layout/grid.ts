import { PITCH } from './metrics'
import type { Point } from './types'

/** How many tokens fit in a grid of `cols` × `rows`, keeping one cell for "+K" when they do not all fit. */
export function visibleCount(total: number, cols: number, rows: number): number {
  const cells = Math.max(1, cols * rows)
  return total <= cells ? total : cells - 1
}

/** Centre of cell i of a token grid whose top-left corner is (x, y), its rows `pitchY` apart. */
export function slot(x: number, y: number, cols: number, i: number, pitchY: number = PITCH): Point {
  const c = i % cols
  const r = Math.floor(i / cols)
  return { x: x + c * PITCH + PITCH / 2, y: y + r * pitchY + PITCH / 2 }
}

/** Token columns that fit in a box of this inner width. */
export function gridCols(innerWidth: number): number {
  return Math.max(1, Math.floor(innerWidth / PITCH))
}

/** Grid cells in the order holds with lines take them: right column first, top down (phones: bottom row first). */
export function lineCells(cols: number, rows: number, horizontal: boolean): number[] {
  const out: number[] = []
  if (horizontal) for (let c = cols - 1; c >= 0; c--) for (let r = 0; r < rows; r++) out.push(r * cols + c)
  else for (let r = rows - 1; r >= 0; r--) for (let c = 0; c < cols; c++) out.push(r * cols + c)
  return out
}
