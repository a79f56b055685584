// Smoke test: the production build loads, has the right title and logs no errors (including 404s,
// which Chromium reports as console errors).
import { expect, test } from '@playwright/test'

test('the app loads without console errors', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`))

  await page.goto('/')
  await page.waitForLoadState('networkidle')

  expect(await page.evaluate(() => document.title)).toContain('Lambda')
  await expect(page.locator('#root')).not.toBeEmpty()
  expect(errors).toEqual([])
})
