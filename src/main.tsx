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

createRoot(root).render(
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
