import { useRef, useState } from 'react'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'
import { foldCaption } from '../store/beats'
import { useSim } from '../store/SimProvider'
import { Caption } from './Caption'

/** Caption entries shown before "+N more": a busy step must not push the stage or controls off screen. */
const CAPTION_SHOWN = 2

/**
 * The caption, capped at its first CAPTION_SHOWN entries (the stylesheet hides the rest and
 * clamps each to a few lines) with a "+N more" button that opens it all until the next step.
 */
export function CaptionDock() {
  // Lines drawn, not transitions: many of one kind fold into one line (foldCaption).
  const count = useSim((s) => foldCaption(s.run.caption).length)
  const step = useSim((s) => s.run.cursor.step)
  // Opened for one step: the next step starts capped again.
  const [openAt, setOpenAt] = useState<number | null>(null)
  const open = openAt === step
  const setOpen = (on: boolean) => setOpenAt(on ? step : null)
  const [clamped, setClamped] = useState(false)
  // Entries the stylesheet hides (it may show fewer than CAPTION_SHOWN where room is short), or null before layout.
  const [unshown, setUnshown] = useState<number | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  // An entry cut short by the line clamp also needs the button, even when there are only one or two.
  // Measured again when the dock's size changes (a token's history opening beside it, a resize).
  useBrowserLayoutEffect(() => {
    const dock = ref.current
    if (!dock) return
    const measure = () => {
      const items = Array.from(dock.querySelectorAll<HTMLElement>('.lem-caption-item'))
      setClamped(!open && items.some((li) => li.scrollHeight > li.clientHeight + 2))
      // Not laid out (hidden, or no layout engine): count by CAPTION_SHOWN.
      const drawn = dock.getClientRects().length > 0
      setUnshown(!drawn ? null : open ? 0 : items.filter((li) => li.getClientRects().length === 0).length)
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const watch = new ResizeObserver(measure)
    watch.observe(dock)
    return () => watch.disconnect()
  }, [step, count, open])
  const hidden = unshown ?? Math.max(0, count - CAPTION_SHOWN)
  return (
    <div ref={ref} className="lem-caption-dock" data-open={open ? 'true' : undefined}>
      <Caption />
      {(hidden > 0 || clamped || open) && (
        <button
          type="button"
          className="lem-linkish lem-caption-more"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid="caption-more"
        >
          {open ? 'Show less' : hidden > 0 ? `+${hidden} more` : 'Read all'}
        </button>
      )}
    </div>
  )
}
