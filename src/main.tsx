import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { readCompareLink } from './app/compare/compareUrl'
import { ComparePage } from './app/compare/ComparePage'

const root = document.getElementById('root')
if (!root) throw new Error('#root element missing from index.html')

// `?compare=<workload>` opens the three models side by side instead of the visualizer.
const compare = readCompareLink(window.location.search)

createRoot(root).render(<StrictMode>{compare ? <ComparePage link={compare} /> : <App />}</StrictMode>)
