import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode, RefObject } from 'react'
import { StageFitContext } from '../../view/stageFit'
import type { StageFit } from '../../view/stageFit'
import type { PresentMode } from './usePresentMode'
import './present.css'

/** How long the controls stay after the pointer stops. */
const CONTROLS_LINGER_MS = 2500

/** Caption lines per entry the stage's room is planned around: two entries of two lines. */
const PLANNED_LINES = 2
const PLANNED_ENTRIES = 2

const px = (v: string): number => parseFloat(v) || 0

/** An element's line height in CSS px ("normal" read as 1.3 × its font size). */
function lineHeight(el: Element): number {
  const cs = getComputedStyle(el)
  return px(cs.lineHeight) || 1.3 * px(cs.fontSize)
}

/**
 * The presentation layout, measured (see present.css: the stage's box, then the caption band, in
 * one column the height of the screen, so the caption can never cover the drawing):
 * - `room`: the height the drawing is fitted to (zoomed up to 1.6×, never below 1:1). It is what
 *   the column leaves after the stage box's padding and legend and a caption of PLANNED_ENTRIES
 *   entries of PLANNED_LINES lines, so it does not change from beat to beat (no zoom pumping).
 *   With `slot` (the box's share) and `chrome` the legend folds behind its button when drawing and
 *   legend do not both fit (useLegendFold), as in the visualizer;
 * - `lines`: how many lines each caption entry may use before it is cut with "…": at least
 *   PLANNED_LINES, more when the drawing leaves room under it (a wide screen).
 */
function measure(frame: HTMLElement): { room: number; slot: number; chrome: number; lines: number } | null {
  const main = frame.querySelector<HTMLElement>('.lem-main')
  const box = main?.querySelector<HTMLElement>(':scope > .lem-stage')
  const dock = main?.querySelector<HTMLElement>(':scope > .lem-caption-dock')
  const caption = dock?.querySelector<HTMLElement>('.lem-caption')
  if (!main || !box || !dock || !caption) return null
  const gap = px(getComputedStyle(main).rowGap)
  const bs = getComputedStyle(box)
  const boxChrome = px(bs.paddingTop) + px(bs.paddingBottom) + px(bs.borderTopWidth) + px(bs.borderBottomWidth)
  const foot = box.querySelector<HTMLElement>('.lem-stage-foot')
  const footH = foot ? foot.getBoundingClientRect().height + px(getComputedStyle(foot).marginTop) : 0
  const cs = getComputedStyle(caption)
  const captionChrome = px(cs.paddingTop) + px(cs.paddingBottom) + px(cs.borderTopWidth) + px(cs.borderBottomWidth)
  const line = lineHeight(caption)
  const more = dock.querySelector('.lem-caption-more')
  const moreH = more ? more.getBoundingClientRect().height + px(getComputedStyle(more).marginTop) : 0
  const planned = captionChrome + PLANNED_ENTRIES * PLANNED_LINES * line
  // The box may take this much; what its padding, border, foot margin and legend leave is the drawing's.
  const slot = Math.floor(main.clientHeight - gap - planned)
  const chrome = boxChrome + (foot ? px(getComputedStyle(foot).marginTop) : 0)
  const room = Math.floor(slot - boxChrome - footH)
  // Lines: what the column leaves under the stage's natural height, shared by the entries shown.
  const items = Array.from(dock.querySelectorAll<HTMLElement>('.lem-caption-item')).filter(
    (li) => li.getClientRects().length > 0,
  )
  const itemsH = items.reduce((sum, li) => sum + li.getBoundingClientRect().height, 0)
  const dockOther = dock.getBoundingClientRect().height - itemsH
  const natural = box.scrollHeight + px(bs.borderTopWidth) + px(bs.borderBottomWidth)
  const free = main.clientHeight - natural - gap - Math.max(dockOther, captionChrome + moreH)
  const itemLine = items[0] ? lineHeight(items[0]) : line
  const lines = Math.max(PLANNED_LINES, Math.floor(free / itemLine / Math.max(1, items.length)))
  return { room, slot, chrome, lines }
}

/**
 * The room the stage may fill while presenting, following the window and what is drawn; it also
 * sets how many lines each caption entry may take (`--lem-present-lines`).
 */
function usePresentRoom(frame: RefObject<HTMLDivElement | null>, on: boolean): StageFit | null {
  const [room, setRoom] = useState<{ height: number; slot: number; chrome: number } | null>(null)
  useEffect(() => {
    const el = frame.current
    // Off: the memo below gives no room (a stale one is measured afresh when presenting again).
    if (!on || !el) return
    let observed = false
    let retry = 0
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => update())
    const update = () => {
      const m = measure(el)
      if (!m) {
        // The visualizer may not have drawn yet: look again next frame.
        retry = requestAnimationFrame(update)
        return
      }
      if (!observed && ro) {
        observed = true
        for (const sel of ['.lem-main', '.lem-stage', '.lem-stage-svg', '.lem-stage-foot', '.lem-caption-dock']) {
          const target = el.querySelector(sel)
          if (target) ro.observe(target)
        }
      }
      el.style.setProperty('--lem-present-lines', String(m.lines))
      setRoom((r) =>
        r && r.height === m.room && r.slot === m.slot && r.chrome === m.chrome
          ? r
          : { height: m.room, slot: m.slot, chrome: m.chrome },
      )
    }
    update()
    window.addEventListener('resize', update)
    return () => {
      cancelAnimationFrame(retry)
      ro?.disconnect()
      window.removeEventListener('resize', update)
      el.style.removeProperty('--lem-present-lines')
    }
  }, [frame, on])
  return useMemo(() => (on && room !== null && room.height > 0 ? { ...room, minScale: 1 } : null), [on, room])
}

/**
 * Wraps the visualizer in both modes (so it is never remounted). While presenting: the stage and
 * caption fill the screen, the controls hide until the pointer moves or focus enters them, and
 * "." or B blanks the screen.
 */
export function PresentFrame({ present, children }: { present: PresentMode; children: ReactNode }) {
  const [active, setActive] = useState(false)
  const timer = useRef<number | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const room = usePresentRoom(ref, present.on)
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
    },
    [],
  )
  const wake = () => {
    if (!present.on) return
    setActive(true)
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setActive(false), CONTROLS_LINGER_MS)
  }
  return (
    <div
      ref={ref}
      className={`lem-present-frame${present.on ? ' lem-presenting' : ''}`}
      data-testid="present-frame"
      data-presenting={present.on ? 'true' : undefined}
      data-idle={present.on && !active ? 'true' : undefined}
      onPointerMove={wake}
      onPointerDown={wake}
      onFocus={wake}
    >
      <StageFitContext.Provider value={room}>{children}</StageFitContext.Provider>
      {present.on && (
        <button type="button" className="lem-btn lem-present-exit" onClick={present.exit} aria-keyshortcuts="Escape">
          Exit presentation
        </button>
      )}
      {present.on && present.blank && (
        <div
          className="lem-present-blank"
          data-testid="present-blank"
          onClick={present.toggleBlank}
          role="presentation"
        />
      )}
    </div>
  )
}
