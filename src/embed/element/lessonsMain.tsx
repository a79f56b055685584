// Entry of the element's lessons companion (`npm run build:element` → dist/lambda-models-lessons.js;
// in the package `lambda-execution-models/element-lessons`): the lesson guide with its own renderer,
// fetched by an element only when it has a `lesson` attribute (companion.ts).
import { createRoot } from 'react-dom/client'
import LessonGuide from '../../lessons/view/LessonGuide'
import lessonsCss from '../../lessons/view/lessons.css?inline'
import { SimProvider } from '../../store/SimProvider'
import type { LessonsCompanion } from './companion'
import { pinRem } from './shadowStyles'

const STYLE_ID = 'lem-lessons-css'

/** The guide's stylesheet, once per shadow root (or page). */
function addStyles(el: HTMLElement): void {
  const root = el.getRootNode()
  const into = root instanceof ShadowRoot ? root : document.head
  if (into.querySelector(`#${STYLE_ID}`)) return
  const style = document.createElement('style')
  style.id = STYLE_ID
  style.textContent = pinRem(lessonsCss)
  into.append(style)
}

const companion: LessonsCompanion = {
  version: 1,
  mount(el, store, link) {
    addStyles(el)
    const root = createRoot(el)
    root.render(
      <SimProvider store={store}>
        <LessonGuide link={link} host="embed" />
      </SimProvider>,
    )
    return () => root.unmount()
  },
}

if (typeof window !== 'undefined') window.LambdaModelsLessons ??= companion
