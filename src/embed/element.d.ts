// `import 'lambda-execution-models/element'` registers <lambda-models> (in a browser; importing it
// during server rendering does nothing). These declarations let TSX use the element with its attributes.
import type { DetailedHTMLProps, HTMLAttributes } from 'react'
import type { ControlsMode, ThemeMode } from './options.js'

/** The element's attributes (all optional; strings in HTML). Bad values show a notice and fall back. */
export interface LambdaModelsAttributes {
  /** A preset id (e.g. "async-retries"), or an encoded scenario (the `s=` value of a share link). */
  scenario?: string
  /** Which controls to show. Default "minimal". */
  controls?: ControlsMode
  /** "auto" follows the page (`data-theme` or class `dark` on <html>), else the system. Default "auto". */
  theme?: ThemeMode
  /** Present (or "true") to start playing when shown. */
  autoplay?: boolean | 'true' | 'false' | ''
  /** The step to open at; changing it later seeks there. */
  step?: number | string
  /**
   * Height in CSS pixels (200..4000); the controls stay in view, the stage draws smaller or
   * scrolls. Default: the natural height.
   */
  height?: number | string
  /**
   * A lesson id (e.g. "start-here"): its stops beside the stage. The lesson code is a companion
   * script fetched from beside the element's (lambda-models-lessons.js / element-lessons.js), or
   * imported: `import 'lambda-execution-models/element-lessons'`.
   */
  lesson?: string
  /** The lesson's stop to open at, from 1. Default 1. */
  stop?: number | string
}

export type LambdaModelsElementProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> &
  LambdaModelsAttributes

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'lambda-models': LambdaModelsElementProps
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lambda-models': HTMLElement
  }
}
