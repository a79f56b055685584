// `npm run build:element`: the custom element as ONE self-contained script, dist/lambda-models.js
// (its renderer bundled: Preact via preact/compat, CSS inside the script and injected into each element's shadow root).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import { CSS_TARGET } from './scripts/cssTarget.js'
import { preactAliases } from './vite.config.js'

/**
 * The view's side-effect CSS imports would also emit a stylesheet; the element carries its own. The
 * one stylesheet written is the page's half of the element (src/embed/element/reserve.css), which
 * a page loads in its head so the element's box is there before the script runs.
 */
function cssFiles(): Plugin {
  return {
    name: 'lem-css-files',
    // After Vite's own CSS plugin has added the file.
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const name of Object.keys(bundle)) if (name.endsWith('.css')) delete bundle[name]
        const source = readFileSync(new URL('./src/embed/element/reserve.css', import.meta.url), 'utf8')
        this.emitFile({ type: 'asset', fileName: 'lambda-models.css', source })
      },
    },
  }
}

/**
 * Rules for pages that a shadow root never needs, dropped from the element's copy of the CSS:
 * styles.css gives its palette to `.lem-root` and to `.lem-theme` (the app page's <html>), and
 * embed.css resets what docs themes style on bare elements for the React component's server frame,
 * which sits in the page; no host stylesheet reaches into the element's shadow root.
 */
function shadowOnlyCss(): Plugin {
  return {
    name: 'lem-shadow-only-css',
    renderChunk(code) {
      const out = code
        .replace(/,\.lem-theme(\[data-theme=(?:light|dark)\])?(?=\{)/g, '')
        .replace(/\.lem-embed\.lem-embed\.lem-embed :where\([a-z,]*\)\{[^}]*\}/g, '')
      return out === code ? null : { code: out, map: null }
    },
  }
}

/**
 * The element carries its own renderer, so it can be a lighter one: Preact through its React
 * compatibility layer (BENCHMARKS.md, "Custom element size"). LEM_ELEMENT_REACT=1 builds with React
 * itself instead (to compare, or to rule Preact out when chasing a bug).
 */
const PREACT = process.env.LEM_ELEMENT_REACT !== '1'

export default defineConfig({
  base: './',
  plugins: [react(), cssFiles(), shadowOnlyCss()],
  resolve: {
    alias: [
      ...(PREACT ? preactAliases : []),
      // One script, no chunks: the side panels imported, not lazy (src/view/sidePanels.ts).
      {
        find: /^\.\/sidePanels$/,
        replacement: fileURLToPath(new URL('./src/view/sidePanelsEager.ts', import.meta.url)),
      },
    ],
  },
  // Library mode leaves process.env.NODE_ENV alone; React would then ship its development build
  // and throw "process is not defined" in the browser.
  // __LEM_ELEMENT__: code only `npm run sim` needs is left out (src/engine/globals.d.ts).
  define: { 'process.env.NODE_ENV': '"production"', __LEM_ELEMENT__: 'true' },
  publicDir: false,
  build: {
    cssTarget: CSS_TARGET,
    outDir: 'dist',
    emptyOutDir: false,
    lib: {
      entry: 'src/embed/element/main.ts',
      formats: ['iife'],
      name: 'LambdaModelsElement',
      fileName: () => 'lambda-models.js',
    },
  },
})
