// The package under React 18.3, the oldest React its peer range (>=18.3 <20) allows:
// examples/react18 server-renders two embeds with react-dom/server's renderToString (its build fails
// unless both stages are in the HTML) and hydrates them with hydrateRoot from a development bundle,
// where React 18 reports every hydration mismatch. Built and served by scripts/test-docs.mjs.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

const url = process.env.DOCS_REACT18_URL
const stage = (page: Page, id: string) => page.locator(`#${id} [data-testid="stage"]`)

test.describe('react 18.3', () => {
  test.skip(!url, 'examples/react18 was not built (see the test:docs output above)')
  const problems: string[] = []

  test.beforeEach(async ({ page }) => {
    problems.length = 0
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    // React 18 in development writes hydration mismatches and misuse as console.error "Warning: …".
    page.on('console', (m) => {
      // A failed request is reported below with its URL.
      if (/^Failed to load resource/.test(m.text())) return
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`)
    })
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`)
    })
  })

  test('React 18.3 rendered both stages on the server', async ({ request }) => {
    const html = await (await request.get(`${url}/`)).text()
    expect(html).toMatch(/<meta name="server-react" content="18\.3\.\d+"/)
    expect(html.match(/data-testid="stage"/g)?.length ?? 0).toBe(2)
    expect((html.match(/class="lem-node /g) ?? []).length).toBeGreaterThanOrEqual(6)
  })

  test('hydrateRoot takes over the server HTML without a mismatch, warning or recoverable error', async ({ page }) => {
    await page.goto(`${url}/`)
    await expect(stage(page, 'first')).toHaveAttribute('data-model', 'sqs')
    await expect(stage(page, 'second')).toHaveAttribute('data-model', 'async')
    // The server frame of the second embed was at step 2; the live one opens there too.
    await expect(stage(page, 'second')).toHaveAttribute('data-step', '2')
    const react = await page.evaluate(() => (window as unknown as { __lemReact: unknown }).__lemReact)
    expect(react).toEqual({ version: expect.stringMatching(/^18\.3\./), recoverable: [] })
    // The isolated embed moved into its shadow root after hydration; the other stayed in the page.
    expect(await page.locator('#first .lem-lib-host').evaluate((el) => el.shadowRoot !== null)).toBe(true)
    expect(problems).toEqual([])
  })

  test('the embeds step, play, and unmount and mount again cleanly', async ({ page }) => {
    await page.goto(`${url}/`)
    const first = page.locator('#first')
    await expect(first.getByRole('button', { name: 'Step forward' })).toBeEnabled()
    await first.getByRole('button', { name: 'Step forward' }).click()
    await expect(stage(page, 'first')).toHaveAttribute('data-step', '1')
    await first.getByRole('button', { name: 'Step forward' }).click()
    await expect(stage(page, 'first')).toHaveAttribute('data-step', '2')
    await expect(stage(page, 'second')).toHaveAttribute('data-step', '2')
    await page.locator('#second').getByRole('button', { name: 'Step forward' }).click()
    await expect(stage(page, 'second')).toHaveAttribute('data-step', '3')
    await page.locator('#second').getByRole('button', { name: 'Play' }).click()
    await expect(stage(page, 'second')).not.toHaveAttribute('data-step', '3', { timeout: 10_000 })
    await page.locator('#toggle').click()
    await expect(page.locator('#second')).toHaveCount(0)
    await page.locator('#toggle').click()
    await expect(stage(page, 'second')).toHaveAttribute('data-step', '2')
    await page.locator('#second').getByRole('button', { name: 'Step forward' }).click()
    await expect(stage(page, 'second')).toHaveAttribute('data-step', '3')
    expect(problems).toEqual([])
  })
})
