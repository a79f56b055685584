import { useMemo } from 'react'
import { EmbedView } from './EmbedView'
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
  /** Height in CSS pixels (200..4000); content scrolls inside. @default the natural height */
  readonly height?: number
}

/**
 * The visualizer as a React component for docs sites (Docusaurus, Next.js, Astro). Renders a static
 * first frame on the server without touching window or document, then comes alive in the browser.
 * Bad props are shown as a notice inside and replaced by their defaults; they never throw.
 */
export function LambdaModels(props: LambdaModelsProps) {
  const { scenario, controls, theme, autoplay, step, height } = props
  const read = useMemo(() => {
    const given: Record<string, unknown> = { scenario, controls, theme, autoplay, step, height }
    return readEmbedOptions((name) => {
      const v = given[name]
      return v === undefined || v === null ? null : String(v)
    })
  }, [scenario, controls, theme, autoplay, step, height])
  const pageTheme = usePageTheme()
  return <EmbedView options={read.options} problems={read.problems} pageTheme={pageTheme} />
}
