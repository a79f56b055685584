// `npm run build:element`: the custom element as ONE self-contained script, dist/lambda-models.js
// (its renderer bundled: Preact via preact/compat, CSS inside the script and injected into each element's shadow root).
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import { CSS_TARGET } from './scripts/cssTarget.js'
import { preactAliases } from './vite.config.js'

/** The view's side-effect CSS imports would also emit a stylesheet; the element carries its own. */
function dropCssFiles(): Plugin {
  return {
    name: 'lem-drop-css-files',
    // After Vite's own CSS plugin has added the file.
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const name of Object.keys(bundle)) if (name.endsWith('.css')) delete bundle[name]
      },
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
  plugins: [react(), dropCssFiles()],
  resolve: PREACT ? { alias: preactAliases } : {},
  // Library mode leaves process.env.NODE_ENV alone; React would then ship its development build
  // and throw "process is not defined" in the browser.
  define: { 'process.env.NODE_ENV': '"production"' },
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
