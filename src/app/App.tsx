import { Suspense, lazy, useEffect, useState } from 'react'
import { readLessonLink } from '../lessons/lessonUrl'
import type { LessonLink } from '../lessons/lessonUrl'
import { decodeShare } from '../store/url'
import type { Decoded } from '../store/url'
import { Visualizer } from '../view/Visualizer'
import type { ThemeChoice } from '../view/Visualizer'
import { HeaderModes } from './HeaderModes'
import { PresentFrame } from './present/PresentFrame'
import { presentSuffix } from './present/presentUrl'
import { usePresentMode } from './present/usePresentMode'
import { effectiveTheme, loadTheme, saveTheme } from './theme'
import { ThemeToggle } from './ThemeToggle'
import { useShareUrl } from './useShareUrl'
import './app.css'

// The lessons and their panel load only when a lesson link is opened: nothing in the first load.
const LessonGuide = lazy(() => import('../lessons/view/LessonGuide'))
// The template importer (a YAML parser and the lint rules) likewise loads only when asked for.
const TemplatePanel = lazy(() => import('./template/TemplatePanel'))

/**
 * The standalone page: header, theme, and the visualizer opened from (and kept in) the URL.
 * `search` stands in for the address's query where there is no window: the build renders the
 * default first frame into index.html with `search=""` (firstFrame.tsx).
 */
export function App({ search }: { readonly search?: string } = {}) {
  const [query] = useState(() => search ?? window.location.search)
  const [initial] = useState<Decoded>(() => decodeShare(query))
  const [lesson] = useState<LessonLink | null>(() => readLessonLink(query))
  const [template] = useState(() => new URLSearchParams(query).has('template'))
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme)
  const present = usePresentMode(query)
  const onShare = useShareUrl(presentSuffix(present.on))
  const guide = lesson ? (
    <Suspense fallback={<p className="lem-guide-loading">Loading the lesson…</p>}>
      <LessonGuide
        link={lesson}
        presenting={present.on}
        onClicker={present.setClicker}
        hrefSuffix={presentSuffix(present.on)}
      />
    </Suspense>
  ) : template ? (
    <Suspense fallback={<p className="lem-guide-loading">Loading the template reader…</p>}>
      <TemplatePanel />
    </Suspense>
  ) : undefined
  useEffect(() => {
    saveTheme(theme)
    document.documentElement.dataset.theme = effectiveTheme(theme)
  }, [theme])
  return (
    <div className="lem-root lem-app" data-theme={theme === 'system' ? undefined : theme}>
      {!present.on && (
        <header className="lem-app-header">
          <h1 className="lem-app-title">
            <span className="lem-app-mark" aria-hidden="true">
              λ
            </span>
            Lambda Execution Models
          </h1>
          <p className="lem-app-sub">
            How AWS Lambda runs your function: synchronous, asynchronous and poll-based invocation, step by step.
          </p>
          <HeaderModes onPresent={present.enter} inLesson={lesson !== null || template} />
          <ThemeToggle theme={theme} onChange={setTheme} />
        </header>
      )}
      <PresentFrame present={present}>
        <Visualizer
          scenario={initial.presetId === null ? initial.scenario : undefined}
          preset={initial.presetId ?? undefined}
          commands={initial.commands}
          initialStep={initial.step}
          notices={initial.problems}
          theme={theme}
          keyboard="window"
          onShareChange={lesson ? undefined : onShare}
          guide={guide}
          controls={present.on ? 'minimal' : 'full'}
          onStore={present.setStore}
        />
      </PresentFrame>
    </div>
  )
}
