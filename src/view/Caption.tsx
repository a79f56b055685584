import { foldCaption } from '../store/beats'
import { foldAtStep } from '../store/folds'
import { useSim } from '../store/SimProvider'
import { BeatCounter } from './BeatCounter'
import { useRef, useState } from 'react'
import { fitCaption } from './captionFit'
import { formatMs, sentence } from './tokenText'
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect'
import { NEVER, whenQuiet } from './whenQuiet'

let ctx: CanvasRenderingContext2D | null = null

/**
 * An entry's words fitted to the lines its clamp shows (captionFit.ts): whole words, the why kept.
 * Measured in the browser before paint; an open dock (no clamp, "Read all") shows it all.
 */
function FittedText({ text }: { text: string }) {
  const ref = useRef<HTMLSpanElement>(null)
  const [shown, setShown] = useState(text)
  const changedAt = useRef(NEVER)
  useBrowserLayoutEffect(() => {
    const span = ref.current
    const li = span?.parentElement
    if (!span || !li) return
    const fit = () => {
      const clamp = parseInt(getComputedStyle(li).webkitLineClamp, 10)
      ctx ||= document.createElement('canvas').getContext('2d')
      if (!ctx || !(clamp > 0)) return setShown(text)
      const cs = getComputedStyle(span)
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
      const c = ctx
      const w = (el: Element | null) => (el ? el.getBoundingClientRect().width : 0)
      // The entry has no padding (layout.css): its client width is its line width.
      const width = li.clientWidth
      // A long "And 29 more like it (…)" may be cut by the clamp itself: it takes at most half a line.
      const tail = Math.min(w(li.querySelector('.lem-caption-more')), width / 2) + w(li.querySelector('.lem-doc'))
      const indent =
        w(li.querySelector('.lem-caption-time')) +
        parseFloat(getComputedStyle(li.firstElementChild ?? li).marginRight || '0')
      setShown(fitCaption(text, { width: width - 2, lines: clamp, indent, tail }, (s) => c.measureText(s).width))
    }
    const watch = () => {
      fit()
      if (typeof ResizeObserver === 'undefined') return
      const ro = new ResizeObserver(fit)
      ro.observe(li)
      return () => ro.disconnect()
    }
    // Words that change again within QUIET_MS are shown as they are, cut by the clamp, and fitted
    // once they hold still (fitting them cost the stage a sixth of its frame rate at 5,000 events/s).
    return whenQuiet(changedAt, watch, () => setShown(text))
  }, [text])
  return (
    <span ref={ref} className="lem-caption-text">
      {shown}
    </span>
  )
}

/** What the last beat did and why, read out by screen readers. Many of one kind read as one line. */
export function Caption() {
  const caption = useSim((s) => s.run.caption)
  const step = useSim((s) => s.run.cursor.step)
  const heldFrom = useSim((s) => s.run.captionHeldFrom)
  // Inside a fold (repeated beats shown as one: store/folds.ts) its words lead the caption.
  const fold = useSim((s) => foldAtStep(s.run.frontier.beats, s.run.frontier.folds, s.run.cursor.step))
  const entries = foldCaption(caption)
  return (
    <section className="lem-caption" data-testid="caption" aria-live="polite" aria-label="What just happened">
      {/* Shown only while presenting (the app's): the element's build leaves it out. */}
      {!(typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__) && <BeatCounter className="lem-beat--caption" />}
      {step === 0 && caption.length === 0 ? (
        <p className="lem-caption-empty">
          Press Play or Step forward to start. Each beat shows what Lambda did and why.
        </p>
      ) : caption.length === 0 ? (
        <p className="lem-caption-empty">Step {step}: nothing visible changed (housekeeping).</p>
      ) : (
        <>
          {fold && (
            <p className="lem-caption-fold" data-testid="caption-fold">
              {fold.text}
            </p>
          )}
          {heldFrom !== null && (
            <p className="lem-caption-fine" data-testid="caption-fine">
              Fine step {step}: no visible change since step {heldFrom}, which did this:
            </p>
          )}
          <ol className="lem-caption-list">
            {entries.map(({ t, more, moreEvents }, i) => (
              <li key={i} className={`lem-caption-item lem-caption-item--${t.type}`}>
                <span className="lem-caption-time">{formatMs(t.at)}</span>
                {/* The custom element's build leaves the fitting out of its size budget: its clamp cuts. */}
                {typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__ ? (
                  <span className="lem-caption-text">{sentence(t.text)}</span>
                ) : (
                  <FittedText text={sentence(t.text)} />
                )}{' '}
                {more > 0 && (
                  <span className="lem-caption-more" title={moreEvents.join(', ')}>
                    And {more} more like it
                    {moreEvents.length > 0
                      ? ` (${moreEvents[0]}${moreEvents.length > 1 ? ` … ${moreEvents[moreEvents.length - 1]}` : ''})`
                      : ''}
                    .{' '}
                  </span>
                )}
                <a className="lem-doc" href={t.ref.url} target="_blank" rel="noreferrer">
                  AWS docs<span className="lem-sr"> for this step</span> ↗
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
