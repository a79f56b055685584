// Playwright config for `npm run test:docs` (scripts/test-docs.mjs): the example Docusaurus and
// VitePress sites, built and served by that script, which passes their URLs in DOCS_DOCUSAURUS_URL
// and DOCS_VITEPRESS_URL.
import { defineConfig } from '@playwright/test'
import base from './playwright.config'

export default defineConfig({
  ...base,
  testDir: 'e2e-docs',
  outputDir: 'test-results/docs-artifacts',
  fullyParallel: false,
  workers: 1,
  // Each test loads whole docs sites (some two contexts' worth); 30 s ran out on a loaded machine.
  timeout: 90_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/docs-results.json' }]],
  use: { trace: 'on-first-retry' },
  webServer: undefined,
})
