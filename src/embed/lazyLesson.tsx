import { Suspense, lazy } from 'react'
import type { LessonLink } from '../lessons/lessonUrl'

// The lessons load only when an embed asks for one: nothing added to an embed's first load.
const LessonGuide = lazy(() => import('../lessons/view/LessonGuide'))

/** The iframe's and the React component's guide: the lesson as a lazy chunk beside the stage. */
export function renderLazyLesson(link: LessonLink) {
  return (
    <Suspense fallback={<p className="lem-guide-loading">Loading the lesson…</p>}>
      <LessonGuide link={link} host="embed" />
    </Suspense>
  )
}
