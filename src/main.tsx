// Placeholder entry so the build and the smoke e2e run; the app engineer replaces this file.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

const root = document.getElementById('root')
if (!root) throw new Error('#root element missing from index.html')

createRoot(root).render(
  <StrictMode>
    <h1>Lambda Execution Models</h1>
  </StrictMode>,
)
