import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

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

export default defineConfig({
  // Relative base so the static build works from any sub-path or a plain file server.
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), copyExamples()],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    // The app and the iframe embed page (no app chrome) in one multi-page build. The custom element
    // and the React library have their own configs (vite.element.config.ts, vite.lib.config.ts).
    rolldownOptions: { input: { main: page('index.html'), embed: page('embed.html') } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
})
