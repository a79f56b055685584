import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { readCompareLink } from './app/compare/compareUrl'

// Loaded only for a compare link, so the visualizer's first render does not wait for it.
const ComparePage = lazy(() => import('./app/compare/ComparePage').then((m) => ({ default: m.ComparePage })))

const root = document.getElementById('root')
if (!root) throw new Error('#root element missing from index.html')

// `?compare=<workload>` opens the three models side by side instead of the visualizer.
const compare = readCompareLink(window.location.search)

function start(el: HTMLElement): void {
  createRoot(el).render(
    <StrictMode>
      {compare ? (
        <Suspense fallback={null}>
          <ComparePage link={compare} />
        </Suspense>
      ) : (
        <App />
      )}
    </StrictMode>,
  )
}

/**
 * The build renders the default first frame into #root (vite.config.ts, lem-first-frame). It is
 * replaced, not hydrated: the live stage is fitted to the window, which the build could not know.
 * main.tsx has let the browser paint it first when it is shown.
 */
if (root.hasAttribute('data-first-frame')) {
  root.replaceChildren()
  root.removeAttribute('data-first-frame')
  document.documentElement.removeAttribute('data-first-frame')
}
start(root)
