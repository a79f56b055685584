import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { runnerImport } from 'vite'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { CSP_META, inlineCodeIn } from './src/security/csp.js'
import { CSS_TARGET } from './scripts/cssTarget.js'

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url))

/**
 * Copies examples/*.html to dist/examples/ untouched: they are plain host pages that load the built
 * embeds by relative path (the docs' copy-paste examples, and the e2e host pages).
 */
function copyExamples(): Plugin {
  const dir = page('examples/')
  return {
    name: 'lem-copy-examples',
    apply: 'build',
    generateBundle() {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
        this.emitFile({ type: 'asset', fileName: `examples/${name}`, source: readFileSync(`${dir}${name}`, 'utf8') })
      }
    },
  }
}

/**
 * Adds the strict CSP (src/security/csp.ts) to every built page as a meta tag, and fails the build if
 * a page would break it (an inline script, style or handler). Build only: the dev server injects
 * inline scripts (React refresh) and <style> elements (CSS hot reload).
 */
function strictCsp(): Plugin {
  return {
    name: 'lem-strict-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const problems = inlineCodeIn(html)
        if (problems.length > 0) throw new Error(`${ctx.filename} breaks the CSP:\n${problems.join('\n')}`)
        // Right after <meta charset>: a policy only governs what comes after it.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`
        const charset = /<meta charset="[^"]*" \/>/i
        if (!charset.test(html)) throw new Error(`${ctx.filename}: no <meta charset> to put the CSP after`)
        return html.replace(charset, (m) => `${m}\n    ${meta}`)
      },
    },
  }
}

interface FirstFrameModule {
  renderFirstFrame(): { html: string; css: string }
  firstFrameCss(moved: string): string
  firstFrameScript(): string
}

/**
 * Renders the app's default first frame into index.html's #root (src/app/firstFrame.tsx), so the
 * stage paints as soon as the HTML and the stylesheets are in, before the app's script has run
 * (issue 20, BENCHMARKS.md "Time to first render"). With it: first-frame.js, a classic script at
 * the top of <head> that hides the frame before the first paint when the visit asks for something
 * else (a share link, a lesson, a pinned theme: firstFrameGate.ts); the frame's inline styles as
 * rules in the entry's stylesheet (`virtual:lem-first-frame.css`: the CSP allows no style
 * attribute); and the app's modules and stylesheets linked from index.html, since main.tsx imports
 * the app (boot.tsx) only after the frame is painted. boot.tsx replaces the frame with the live app.
 */
function firstFrame(): Plugin {
  const VIRTUAL = 'virtual:lem-first-frame.css'
  const RESOLVED = '\0lem-first-frame.css'
  let frame: { html: string; css: string; script: string } | null = null
  let build = false
  let base = './'
  return {
    name: 'lem-first-frame',
    configResolved(config) {
      build = config.command === 'build'
      base = config.base
    },
    async buildStart() {
      if (!build) return
      const { module: m } = await runnerImport<FirstFrameModule>(page('src/app/firstFrame.tsx'), {
        configFile: false,
        logLevel: 'error',
        root: page('./'),
        // Styles do not matter to markup rendered in Node.
        plugins: [
          {
            name: 'lem-first-frame-no-css',
            enforce: 'pre',
            resolveId: (id) => (/\.css(\?|$)/.test(id) ? '\0lem-no-css' : null),
            load: (id) => (id === '\0lem-no-css' ? 'export default ""' : null),
          },
        ],
      })
      const f = m.renderFirstFrame()
      frame = { html: f.html, css: m.firstFrameCss(f.css), script: m.firstFrameScript() }
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? (frame?.css ?? '') : null),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('index.html') || !frame || !ctx.bundle || !ctx.chunk) return html
        const empty = '<div id="root"></div>'
        if (!html.includes(empty)) throw new Error(`${ctx.filename}: no empty #root to render the first frame into`)
        const bundle = ctx.bundle
        const boot = ctx.chunk.dynamicImports
          .map((f) => bundle[f])
          .find((c) => c?.type === 'chunk' && c.facadeModuleId?.endsWith('/src/boot.tsx'))
        if (boot?.type !== 'chunk') throw new Error(`${ctx.filename}: main.tsx no longer imports boot.tsx`)
        // boot.tsx and everything it imports statically: what a first render needs.
        const files: string[] = []
        const css: string[] = []
        const visit = (file: string) => {
          const c = bundle[file]
          if (c?.type !== 'chunk' || files.includes(file)) return
          files.push(file)
          c.imports.forEach(visit)
          for (const f of c.viteMetadata?.importedCss ?? []) if (!css.includes(f)) css.push(f)
        }
        visit(boot.fileName)
        const links = [
          ...css.map((f) => `<link rel="stylesheet" crossorigin href="${base}${f}">`),
          ...files
            .filter((f) => !html.includes(`"${base}${f}"`))
            .map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`),
        ]
        // The gate last in <head>: it blocks the parser until it has run, so every file above it is
        // already requested by then, and it waits for the stylesheets, which the paint does anyway.
        return html
          .replace(
            '</head>',
            `  ${[...links, `<script src="${base}first-frame.js"></script>`].join('\n    ')}\n  </head>`,
          )
          .replace(empty, `<div id="root" data-first-frame>${frame.html}</div>`)
      },
    },
    generateBundle() {
      if (frame) this.emitFile({ type: 'asset', fileName: 'first-frame.js', source: frame.script })
    },
  }
}

/**
 * The app and the iframe page render with Preact through its React compatibility layer, as the
 * custom element does: about 50 KB gzip less on the first load (BENCHMARKS.md, "First load").
 * Unit tests keep React (they use its `act`); LEM_APP_REACT=1 builds with React to compare.
 */
const PREACT = !process.env.VITEST && process.env.LEM_APP_REACT !== '1'
export const preactAliases = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
]

export default defineConfig({
  resolve: PREACT ? { alias: preactAliases } : {},
  // Relative base so the static build works from any sub-path or a plain file server.
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), copyExamples(), firstFrame(), strictCsp()],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    cssTarget: CSS_TARGET,
    // The app and the iframe embed page (no app chrome) in one multi-page build. The custom element
    // and the React library have their own configs (vite.element.config.ts, vite.lib.config.ts).
    rolldownOptions: { input: { main: page('index.html'), embed: page('embed.html') } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
})
