// `npm run build`: server-renders the page with React 18's renderToString into dist/index.html and
// bundles client.mjs (hydrateRoot) with esbuild. Fails if the server render warns or lacks a stage.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { build } from 'esbuild'
import { createElement, version } from 'react'
import { renderToString } from 'react-dom/server'
import { App } from './app.mjs'

if (!version.startsWith('18.3.')) throw new Error(`expected React 18.3, found ${version}`)
// React 18 in development warns on the console during a server render (e.g. useLayoutEffect there):
// a docs site would print that at every build, so any of it fails this one.
const said = []
const { error, warn } = console
console.error = console.warn = (...args) => said.push(args.map(String).join(' '))
let html = ''
try {
  html = renderToString(createElement(App))
} finally {
  Object.assign(console, { error, warn })
}
if (said.length > 0) throw new Error(`the server render warned:\n${[...new Set(said)].join('\n')}`)
const stages = html.match(/data-testid="stage"/g)?.length ?? 0
if (stages !== 2) throw new Error(`the server render holds ${stages} stages, expected 2`)

rmSync('dist', { recursive: true, force: true })
mkdirSync('dist')
copyFileSync(createRequire(import.meta.url).resolve('lambda-execution-models/style.css'), 'dist/style.css')
await build({
  entryPoints: ['client.mjs'],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  outfile: 'dist/client.js',
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'warning',
})
writeFileSync(
  'dist/index.html',
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="server-react" content="${version}" />
    <title>lambda-execution-models on React 18</title>
    <link rel="stylesheet" href="/style.css" />
    <script type="module" src="/client.js"></script>
  </head>
  <body>
    <div id="root">${html}</div>
  </body>
</html>
`,
)
console.log(`React ${version}: server-rendered ${stages} stages, ${html.length} characters; dist/client.js bundled`)
