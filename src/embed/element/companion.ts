import type { StoreApi } from 'zustand/vanilla'
import type { LessonLink } from '../../lessons/lessonUrl'
import type { SimStore } from '../../store/createSimStore'

/**
 * The element's lessons live in a companion script (lambda-models-lessons.js, beside
 * lambda-models.js; element-lessons.js beside element.js in the package), fetched only when an
 * element has a `lesson` attribute: the element's own script stays within its size budget. The
 * companion registers itself on window; a bundler user imports it instead of serving it.
 */
export interface LessonsCompanion {
  readonly version: 1
  /** Renders the lesson guide into `el`, driving `store`; returns the unmount. */
  mount(el: HTMLElement, store: StoreApi<SimStore>, link: LessonLink): () => void
}

declare global {
  interface Window {
    LambdaModelsLessons?: LessonsCompanion
  }
}

/** The companion's address from the element's: the same name with "-lessons" before ".js". */
export function companionUrl(own: string | null): string | null {
  if (!own) return null
  try {
    const url = new URL(own)
    if (!/\.js$/.test(url.pathname)) return null
    url.pathname = url.pathname.replace(/(\.min)?\.js$/, '-lessons.js')
    url.search = ''
    url.hash = ''
    return url.href
  } catch {
    return null
  }
}

// Read while the element's script runs: a classic <script> is document.currentScript only then.
const own =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript.src
    : null

let loading: Promise<LessonsCompanion> | null = null

export function loadCompanion(): Promise<LessonsCompanion> {
  const ready = window.LambdaModelsLessons
  if (ready) return Promise.resolve(ready)
  if (loading) return loading
  const src = companionUrl(own)
  if (!src)
    return Promise.reject(
      new Error(
        'The lesson needs its companion script: add <script src="…/lambda-models-lessons.js"></script> beside lambda-models.js, or import "lambda-execution-models/element-lessons".',
      ),
    )
  loading = new Promise<LessonsCompanion>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.async = true
    script.onload = () => {
      const c = window.LambdaModelsLessons
      if (c) resolve(c)
      else reject(new Error(`${src} loaded but is not the lessons companion script.`))
    }
    script.onerror = () => {
      loading = null
      reject(new Error(`The lesson could not load: ${src} was not found. Serve it beside the element's script.`))
    }
    document.head.append(script)
  })
  return loading
}
