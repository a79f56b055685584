// `npm run build:element`: the custom element as ONE self-contained script, dist/lambda-models.js
// (React bundled, CSS inside the script and injected into each element's shadow root).
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'

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

export default defineConfig({
  base: './',
  plugins: [react(), dropCssFiles()],
  // Library mode leaves process.env.NODE_ENV alone; React would then ship its development build
  // and throw "process is not defined" in the browser.
  define: { 'process.env.NODE_ENV': '"production"' },
  publicDir: false,
  build: {
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
