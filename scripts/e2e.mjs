#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: makes sure a Chromium exists, then runs `playwright test`.
// `--screenshots` (what `npm run screenshots` passes) runs only the specs that write docs/screenshots/.
// Prefers $CHROMIUM_PATH, then Debian's /usr/bin/chromium (`apt-get install -y chromium`); otherwise
// falls back to Playwright's own browser, downloading it if needed (which fails offline).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

let args = process.argv.slice(2)
const env = { ...process.env }
if (args.includes('--screenshots')) {
  env.LEM_SCREENSHOTS = '1'
  args = ['e2e/screenshots.spec.ts', 'e2e/present-screenshots.spec.ts', ...args.filter((a) => a !== '--screenshots')]
}

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p))
if (chromium) {
  env.CHROMIUM_PATH = chromium
  console.log(`e2e: using system Chromium ${chromium}`)
} else {
  if (process.env.CHROMIUM_PATH) console.log(`e2e: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`)
  console.log("e2e: no system Chromium ($CHROMIUM_PATH or /usr/bin/chromium); using Playwright's own browser.")
  console.log('e2e: running `npx playwright install chromium` …')
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', env })
  if (install.status !== 0) {
    console.log(
      "e2e: could not install Playwright's Chromium (offline?). Install a system one with " +
        '`apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary, then rerun. ' +
        'Trying the tests anyway.',
    )
  }
}

const run = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit', env })
if (run.error) console.error(`e2e: could not start Playwright: ${run.error.message}`)
process.exit(run.status ?? 1)
