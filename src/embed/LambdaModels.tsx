import { useMemo, useRef, useState } from 'react'
import { useBrowserLayoutEffect } from '../view/useBrowserLayoutEffect'
import { createPortal } from 'react-dom'
import { adoptStyles } from './adoptStyles'
import { EmbedView } from './EmbedView'
import { renderLazyLesson } from './lazyLesson'
import type { ControlsMode, ThemeMode } from './options'
import { readEmbedOptions } from './options'
import { usePageTheme } from './usePageTheme'

export interface LambdaModelsProps {
  /** A preset id (e.g. "async-retries"), or an encoded scenario (the `s=` value of a share link). */
  readonly scenario?: string
  /** Which controls to show. @default 'minimal' */
  readonly controls?: ControlsMode
  /** `auto` follows the page (`data-theme` or class `dark` on <html>), else the system. @default 'auto' */
  readonly theme?: ThemeMode
  /** Start playing when shown. @default false */
  readonly autoplay?: boolean
  /** The step to open at; changing it later seeks there. @default 0 */
  readonly step?: number
  /**
   * Height in CSS pixels (200..4000); the controls stay in view, the stage draws smaller or
   * scrolls. @default the natural height
   */
  readonly height?: number
  /**
   * Run inside a shadow root once in the browser, so the page's CSS cannot restyle it (and its CSS
   * cannot reach the page). The server-rendered first frame is in the page, styled by
   * `lambda-execution-models/style.css`. `false`: stay in the page (style it yourself). @default true
   */
  readonly isolate?: boolean
  /** A lesson id (e.g. "start-here"): its stops beside the stage, loaded after the first frame. */
  readonly lesson?: string
  /** The lesson's stop to open at, from 1. @default 1 */
  readonly stop?: number
}

/**
 * The visualizer as a React component for docs sites (Docusaurus, Next.js, Astro). Renders a static
 * first frame on the server without touching window or document, then comes alive in the browser.
 * Bad props are shown as a notice inside and replaced by their defaults; they never throw.
 */
export function LambdaModels(props: LambdaModelsProps) {
  const { scenario, controls, theme, autoplay, step, height, isolate = true, lesson, stop } = props
  const read = useMemo(() => {
    const given: Record<string, unknown> = { scenario, controls, theme, autoplay, step, height, lesson, stop }
    return readEmbedOptions((name) => {
      const v = given[name]
      return v === undefined || v === null ? null : String(v)
    })
  }, [scenario, controls, theme, autoplay, step, height, lesson, stop])
  const pageTheme = usePageTheme()
  const host = useRef<HTMLDivElement>(null)
  const [mount, setMount] = useState<HTMLElement | null>(null)
  // Before the browser paints: an attached shadow root hides the server frame, so the view must be
  // in it by the same frame or the embed would flash empty (a layout jump).
  useBrowserLayoutEffect(() => {
    const el = host.current
    if (!isolate || !el || typeof el.attachShadow !== 'function') return
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' })
    adoptStyles(shadow)
    const div = document.createElement('div')
    shadow.append(div)
    setMount(div)
    return () => {
      div.remove()
      setMount(null)
    }
  }, [isolate])
  const view = (
    <EmbedView
      options={read.options}
      problems={read.problems}
      pageTheme={pageTheme}
      renderLesson={renderLazyLesson}
      compact
    />
  )
  if (!isolate) return view
  // The same markup on the server and at hydration; then the view moves into the shadow root.
  return (
    <div ref={host} className="lem-lib-host">
      {mount ? createPortal(view, mount) : view}
    </div>
  )
}
