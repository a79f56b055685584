/**
 * Whether the stage's legend folds behind its "Legend" button on a screen-sized stage: only when
 * the legend and the drawing do not both fit. The drawing is the one fitted to the room the slot
 * leaves with the legend unfolded; if even that is drawn taller than the room, or below its
 * readable scale, the legend folds and the drawing gets its rows.
 */
export interface LegendRoom {
  /** The stage slot's height (CSS px). */
  readonly slot: number
  /** What the stage's box draws around the drawing besides the legend: padding, border, the foot's margin. */
  readonly chrome: number
  /** The legend's natural (unfolded) height, measured apart from whether it is folded. */
  readonly legend: number
  /** The drawing fitted to the room left with the legend unfolded: its logical size... */
  readonly drawing: { readonly width: number; readonly height: number }
  /** ...and the scale it is drawn at (the box's width over its logical width). */
  readonly scale: number
  /** The smallest scale it may be drawn at. */
  readonly minScale: number
}

/** The smallest room the slot ever gives the drawing (useStageRoom never measures less). */
export const MIN_ROOM = 120

/** The room the drawing gets with the legend unfolded (useStageRoom measures the same). */
export const unfoldedRoom = (r: Pick<LegendRoom, 'slot' | 'chrome' | 'legend'>) =>
  Math.floor(r.slot - r.chrome - r.legend)

/** True when legend and drawing do not both fit: fold the legend. Pure. */
export function foldsLegend(r: LegendRoom): boolean {
  const room = unfoldedRoom(r)
  // A hair of slack below the floor: the scale is a ratio of rounded pixel widths.
  if (r.scale < r.minScale - 1e-3 || room < MIN_ROOM) return true
  return r.drawing.height * r.scale > room
}
