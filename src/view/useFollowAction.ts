import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'
import { browserClock as clock } from '../store/clock'
import { useSimStore } from '../store/SimProvider'
import { actionSpans, followTarget, shouldFollow, toContent } from './follow'
import type { View } from './follow'
import type { StageLayout } from './layout/types'
import { useReducedMotion } from './useReducedMotion'

/** What the stage box shows now: its scroll offset, and its height less the foot pinned over its bottom. */
export function stageView(box: HTMLElement): View {
  const foot = box.querySelector<HTMLElement>('.lem-stage-foot')
  const pinned = foot && getComputedStyle(foot).position === 'sticky' ? foot.getBoundingClientRect().height : 0
  return { top: box.scrollTop, height: box.clientHeight - pinned }
}

/**
 * Follow the action: when the beat changes and the stage's box cannot show the whole drawing, it
 * scrolls (smoothly; at once with reduced motion) so what changed in the beat is in view (see
 * follow.ts). After the reader scrolls or touches the stage during playback it waits
 * MANUAL_PAUSE_MS; a step or seek they ask for follows at once. A re-fit of the same beat (a
 * resize, the first measurement) shows the same things again.
 */
export function useFollowAction(box: RefObject<HTMLElement | null>, layout: StageLayout, step: number): void {
  const store = useSimStore()
  const still = useReducedMotion()
  // The layout drawn last, and the beat shown with the layout it started from (what it changed is
  // measured against that).
  const last = useRef<{ layout: StageLayout | null; step: number; base: StageLayout | null }>({
    layout: null,
    step: -1,
    base: null,
  })
  const manualAt = useRef<number | null>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const manual = () => {
      manualAt.current = clock.now()
    }
    const opts = { passive: true } as const
    el.addEventListener('wheel', manual, opts)
    el.addEventListener('touchstart', manual, opts)
    el.addEventListener('pointerdown', manual, opts)
    return () => {
      el.removeEventListener('wheel', manual)
      el.removeEventListener('touchstart', manual)
      el.removeEventListener('pointerdown', manual)
    }
  }, [box])

  useEffect(() => {
    const el = box.current
    const prev = last.current
    if (prev.layout === layout) return
    const newBeat = prev.step !== step
    const base = newBeat ? prev.layout : prev.base
    last.current = { layout, step, base }
    if (!el || el.scrollHeight <= el.clientHeight + 1) return
    const playing = store.getState().playing
    if (newBeat) {
      if (!shouldFollow(playing, clock.now(), manualAt.current)) return
      // A step or seek the reader asked for: following resumes from here.
      if (!playing) manualAt.current = null
    } else if (manualAt.current !== null) return // a re-fit never undoes the reader's own scrolling
    const svg = el.querySelector<SVGSVGElement>('.lem-stage-svg')
    if (!svg) return
    const s = svg.getBoundingClientRect()
    const offset = s.top - el.getBoundingClientRect().top + el.scrollTop
    const target = followTarget(
      toContent(actionSpans(base, layout), s.width / layout.width, offset),
      stageView(el),
      el.scrollHeight - el.clientHeight,
    )
    // The first frame and a re-fit jump; a beat glides, unless the reader asked for reduced motion.
    if (target !== null)
      el.scrollTo({ top: target, behavior: still || !newBeat || base === null ? 'instant' : 'smooth' })
  }, [box, layout, step, store, still])
}
