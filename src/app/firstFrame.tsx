// Build time only (vite.config.ts, plugin lem-first-frame): never imported by the app.
import { renderToString } from 'react-dom/server'
import { StageVariantsContext, variantIndex } from '../view/stageVariants'
import { App } from './App'

export { firstFrameScript } from './firstFrameGate'

export interface FirstFrame {
  /** The markup that goes inside index.html's #root. */
  readonly html: string
  /**
   * The inline styles the markup had, as rules on `[data-lem-ff="N"]`: the page's CSP allows no
   * style attribute, so they travel in a stylesheet instead.
   */
  readonly css: string
}

/**
 * The app's default first frame (no query: the default preset at step 0, the system's theme), as
 * static HTML for index.html. The stage is drawn by variant, as an embed's server frame is
 * (stageVariants.ts): the page cannot know the window's width ahead of time, so every variant is
 * in the markup and a container query shows the one for the stage's box.
 */
export function renderFirstFrame(): FirstFrame {
  const raw = renderToString(
    <StageVariantsContext.Provider value={variantIndex}>
      <App search="" />
    </StageVariantsContext.Provider>,
  )
  return moveStyles(raw)
}

/** Replaces every `style="…"` attribute with a numbered data attribute and a rule for it. */
export function moveStyles(html: string): FirstFrame {
  const rules: string[] = []
  const out = html.replace(/ style="([^"]*)"/g, (_, decl: string) => {
    const n = rules.length
    rules.push(`[data-lem-ff="${n}"]{${decl.replace(/&quot;/g, '"').replace(/&amp;/g, '&')}}`)
    return ` data-lem-ff="${n}"`
  })
  return { html: out, css: rules.join('\n') }
}

/**
 * first-frame.css: the markup's moved styles, and the rule that hides the frame when the visit is
 * for something else (first-frame.js marks <html>): the page background shows until the app draws.
 */
export function firstFrameCss(moved: string): string {
  return `html[data-first-frame='off'] #root[data-first-frame] { visibility: hidden; }\n${moved}\n`
}
