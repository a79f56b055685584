// Playwright config (STYLE.md 3.8). Tests run against the static production build (`vite build` +
// `vite preview`), the same artefact that ships. Run through `npm run test:e2e` (scripts/e2e.mjs).
import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const CI = !!process.env.CI
/** dist/ was just built by scripts/test.mjs (app, iframe page and custom element). */
const PREBUILT =
  process.env.LEM_PREBUILT === '1' && existsSync('dist/index.html') && existsSync('dist/lambda-models.js')
// LEM_PORT: one port per working copy, so several checkouts can run their browser tests at once.
const PORT = Number(process.env.LEM_PORT) || 4173
const BASE_URL = `http://localhost:${PORT}`

/** A system Chromium ($CHROMIUM_PATH, else Debian's /usr/bin/chromium); Playwright's download does not work everywhere. */
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p))

export default defineConfig({
  testDir: 'e2e',
  // The screenshot specs write docs/screenshots/ for people and assert little: only `npm run
  // screenshots` (LEM_SCREENSHOTS=1) runs them, never `npm test`.
  testIgnore: process.env.LEM_SCREENSHOTS === '1' ? [] : ['**/*screenshots.spec.ts'],
  // Not `test-results/` itself: Playwright empties its outputDir on start, and the unit and e2e JSON
  // results live there.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: CI ? 1 : 2, // 2 cores, one of them also serves the build
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        ...(systemChromium && {
          launchOptions: {
            executablePath: systemChromium,
            args: [
              '--no-sandbox',
              '--disable-gpu',
              '--disable-quic',
              '--no-first-run',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
            ],
          },
        }),
      },
    },
  ],
  webServer: {
    // The app, the iframe page and the custom element script (dist/lambda-models.js, and its lessons
    // companion) the embed tests load.
    // `npm test` builds once before its budget checks and sets LEM_PREBUILT=1, so this only serves.
    command: `${PREBUILT ? '' : 'npx vite build --logLevel warn && npx vite build -c vite.element.config.ts --logLevel warn && npx vite build -c vite.element-lessons.config.ts --logLevel warn && '}npx vite preview --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
