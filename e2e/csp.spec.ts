// The strict CSP (src/security/csp.ts, docs/SECURITY.md): the app, the iframe page and a host page
// with the custom element, each served with the policy as an HTTP header (on top of the built pages'
// meta tag), play and step with zero `securitypolicyviolation` events and no console errors.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { cspHeader } from '../src/security/csp'
import { settled } from './helpers'

/** A host page with the custom element: no inline script or style, so it can run under the policy too. */
const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>CSP host</title>
    <script src="/lambda-models.js" defer></script>
  </head>
  <body>
    <h1>Host page under a strict CSP</h1>
    <lambda-models id="el" scenario="async-retries" controls="minimal"></lambda-models>
    <iframe id="frame" title="embed" src="/embed.html?scenario=sqs-batch-failure&amp;controls=minimal&amp;id=f" height="520"></iframe>
  </body>
</html>`

const XSS = '<img src=x onerror=alert(1)>'

interface Watch {
  readonly problems: string[]
  readonly violations: () => Promise<string[]>
}

/** Serves every same-origin response with the CSP header, and records violations, console errors and dialogs. */
async function underCsp(page: Page): Promise<Watch> {
  const problems: string[] = []
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.pathname === '/csp-host.html') {
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: HOST_PAGE,
        headers: { 'content-security-policy': cspHeader("'none'") },
      })
      return
    }
    const response = await route.fetch()
    const headers: Record<string, string> = {
      ...response.headers(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    }
    if ((headers['content-type'] ?? '').includes('text/html')) {
      // The app may not be framed; the iframe page may be framed by this origin.
      headers['content-security-policy'] = cspHeader(url.pathname.endsWith('/embed.html') ? "'self'" : "'none'")
    }
    await route.fulfill({ response, headers })
  })
  // Init scripts come from the browser's debugging protocol, which the page's CSP does not govern.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        w.__csp.push(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
        ),
      true,
    )
  })
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
      problems.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  const violations = async () => {
    const all: string[] = []
    for (const frame of page.frames()) {
      all.push(...(await frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])))
    }
    return all
  }
  return { problems, violations }
}

async function playAndStep(scope: ReturnType<Page['locator']> | ReturnType<Page['frameLocator']>) {
  const stage = scope.getByTestId('stage')
  await expect(stage).toBeVisible()
  await scope.getByRole('button', { name: 'Play' }).click()
  const at = async () => Number(await stage.getAttribute('data-step'))
  await expect.poll(at).toBeGreaterThan(0)
  // Let it play on to the next beat (one every 1.5 s at the default pace); a short run may reach its end first and stop by itself.
  const first = await at()
  await expect
    .poll(async () => (await at()) > first || (await scope.getByRole('button', { name: 'Play' }).isVisible()))
    .toBe(true)
  const pause = scope.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await expect(scope.getByRole('button', { name: 'Play' })).toBeVisible()
  const before = Number(await stage.getAttribute('data-step'))
  // Back one beat (one or more steps: arrivals of one millisecond are one beat), then forward again.
  await scope.getByRole('button', { name: 'Step back' }).click()
  await expect.poll(async () => Number(await stage.getAttribute('data-step'))).toBeLessThan(before)
  await scope.getByRole('button', { name: 'Step forward' }).click()
  await expect(stage).toHaveAttribute('data-step', String(before))
}

test('the app runs under the strict CSP header: play, step, panels, no violation', async ({ page }) => {
  const w = await underCsp(page)
  const response = await page.goto('/?scenario=async-retries')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await playAndStep(page.locator('body'))
  for (const tab of ['Knobs', 'Event log', 'Metrics']) {
    const button = page.getByRole('tab', { name: tab })
    if (await button.count()) await button.first().click()
  }
  await page.locator('.lem-token').first().click()
  await expect(page.locator('.lem-token[aria-pressed="true"]')).toHaveCount(1)
  await settled(page)
  expect(await w.violations()).toEqual([])
  expect(w.problems).toEqual([])
})

test('the compare page runs under the strict CSP header', async ({ page }) => {
  const w = await underCsp(page)
  await page.goto('/?compare=burst')
  await expect(page.getByTestId('compare-lane').first()).toBeVisible()
  await page.getByRole('button', { name: 'Play' }).first().click()
  // Played for a few beats (compare plays at the beat pace): the lanes' shared clock moved on.
  await expect
    .poll(async () => Number(await page.getByTestId('compare-clock').getAttribute('data-sim-time')), {
      timeout: 15_000,
    })
    .toBeGreaterThan(200)
  await settled(page)
  expect(await w.violations()).toEqual([])
  expect(w.problems).toEqual([])
})

test('the iframe page runs under the strict CSP header', async ({ page }) => {
  const w = await underCsp(page)
  await page.goto('/embed.html?scenario=async-retries&controls=full')
  await playAndStep(page.locator('body'))
  expect(await w.violations()).toEqual([])
  expect(w.problems).toEqual([])
})

test('the custom element and an iframe run on a host page under the strict CSP header', async ({ page }) => {
  const w = await underCsp(page)
  await page.goto('/csp-host.html')
  const el = page.locator('#el')
  await playAndStep(el)
  // Styled by its adopted stylesheet: the stage has a size and the controls are laid out.
  expect(await el.evaluate((e) => e.shadowRoot?.adoptedStyleSheets.length ?? 0)).toBeGreaterThan(0)
  expect(await el.evaluate((e) => e.shadowRoot?.querySelectorAll('style').length ?? -1)).toBe(0)
  const box = await el.getByTestId('stage').boundingBox()
  expect(box?.height ?? 0).toBeGreaterThan(100)
  await playAndStep(page.frameLocator('#frame').locator('body'))
  expect(await w.violations()).toEqual([])
  expect(w.problems).toEqual([])
})

test('scenario text from a share link is rendered as text, never as HTML', async ({ page }) => {
  const w = await underCsp(page)
  const scenario = {
    version: 1,
    model: 'sync',
    title: `Title ${XSS}`,
    description: `Description ${XSS} <script>alert(2)</script>`,
    workload: [{ atMs: 0, count: 2 }],
  }
  await page.goto(`/?s=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`)
  await expect(page.getByTestId('stage')).toBeVisible()
  await expect(page.getByRole('heading', { name: `Title ${XSS}` })).toBeVisible()
  // The description opens under "About" (the stage keeps the screen's height).
  await page.getByRole('button', { name: 'About this scenario' }).click()
  await expect(page.getByText(`Description ${XSS}`)).toBeVisible()
  expect(await page.locator('img[src="x"], .lem-root script').count()).toBe(0)
  await settled(page)
  expect(await w.violations()).toEqual([])
  expect(w.problems).toEqual([])
})
