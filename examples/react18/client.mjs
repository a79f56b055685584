// Hydrates the server-rendered page with React 18's hydrateRoot. Bundled in development mode, so
// React 18 reports every hydration mismatch (text, attributes, extra or missing nodes) on the console.
import { createElement, version } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { App } from './app.mjs'

window.__lemReact = { version, recoverable: [] }
hydrateRoot(document.getElementById('root'), createElement(App), {
  onRecoverableError: (error) => window.__lemReact.recoverable.push(String(error?.message ?? error)),
})
