// Issue 18 item 6: every page of the build has an icon, and none of its requests 404 (embed.html
// had none: a 404 on every embed).
import { expect, test } from '@playwright/test'
import { readdirSync } from 'node:fs'

const PAGES = [
  '/index.html',
  '/embed.html?scenario=sync-basics',
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/examples/${f}`),
]

for (const path of PAGES) {
  test(`${path}: its icon loads and no request 404s`, async ({ page }) => {
    const missing: string[] = []
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url())
    })
    await page.goto(path)
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href')
    expect(href, 'the page names an icon').toBeTruthy()
    const url = new URL(href!, page.url()).href
    const icon = await page.request.get(url)
    expect(icon.status(), url).toBe(200)
    expect(icon.headers()['content-type']).toMatch(/image\//)
    await page.waitForLoadState('networkidle')
    expect(missing).toEqual([])
  })
}
