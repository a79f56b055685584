// index.html holds the default first frame, rendered at build time (vite.config.ts, lem-first-frame;
// issue 20 item 2): the stage paints before the app's script has run. These load the page with the
// app's modules blocked, so what shows is exactly what a reader sees before the script runs: the
// default frame for a plain visit, and nothing of it for any other link or a pinned theme (the
// head's first-frame.js hides it), so a share link never flashes the default preset's content.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { stage, watchErrors } from './helpers'

const LIGHT_BG = 'rgb(245, 246, 248)'
const DARK_BG = 'rgb(14, 17, 22)'
const DEFAULT_TITLE = 'Five requests through API Gateway, one fails'

/** Opens `url` with the app's scripts never arriving: only the HTML, its CSS and first-frame.js. */
async function beforeTheApp(page: Page, url: string) {
  await page.route(/\/assets\/[^/]+\.js$/, (r) => r.abort())
  await page.goto(url)
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test.describe('the first frame in index.html', () => {
  test('a plain visit shows the default preset at step 0 before the app script runs', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await beforeTheApp(page, '/')
    await expect(stage(page)).toBeVisible()
    await expect(stage(page)).toHaveAttribute('data-model', 'sync')
    await expect(stage(page)).toHaveAttribute('data-step', '0')
    await expect(page.getByRole('heading', { name: DEFAULT_TITLE })).toBeVisible()
    // One variant of the drawing is shown, sized by the stylesheet alone.
    const shown = page.locator('[data-testid="stage"] svg.lem-stage-svg:visible')
    await expect(shown).toHaveCount(1)
    expect((await shown.boundingBox())?.height ?? 0).toBeGreaterThan(150)
    expect(await background(page)).toBe(LIGHT_BG)
  })

  test('a dark system gets the frame dark, from the stylesheet alone', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await beforeTheApp(page, '/')
    await expect(stage(page)).toBeVisible()
    expect(await background(page)).toBe(DARK_BG)
    const rootBg = await stage(page).evaluate((el) => getComputedStyle(el.closest('.lem-root')!).backgroundColor)
    expect(rootBg).toBe(DARK_BG)
  })

  for (const url of [
    '/?scenario=async-retries',
    '/?lesson=start-here',
    '/?compare=burst',
    '/?present=1',
    '/?template',
    '/?s=garbage&step=3',
    '/#anything',
  ]) {
    test(`${url}: nothing of the default frame shows before the app script runs`, async ({ page }) => {
      await beforeTheApp(page, url)
      await expect(page.locator('html')).toHaveAttribute('data-first-frame', 'off')
      await expect(stage(page)).toBeHidden()
      await expect(page.getByText(DEFAULT_TITLE)).toBeHidden()
      await expect(page.getByText('Lambda Execution Models')).toBeHidden()
    })
  }

  test('a reader who pinned dark on a light system never sees the light frame', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.addInitScript(() => localStorage.setItem('lem-theme', 'dark'))
    await beforeTheApp(page, '/')
    await expect(stage(page)).toBeHidden()
    // The page behind it already wears the pinned theme.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    expect(await background(page)).toBe(DARK_BG)
  })

  test('the app replaces the frame: the default visit ends live, the frame gone', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/')
    await expect(page.locator('#root')).not.toHaveAttribute('data-first-frame')
    await expect(page.locator('html')).not.toHaveAttribute('data-first-frame')
    await expect(stage(page)).toHaveCount(1)
    // Live, the stage is drawn at its measured width, not by variant.
    await expect(page.locator('.lem-stage--variants')).toHaveCount(0)
    await page.getByRole('button', { name: 'Step forward' }).click()
    await expect(stage(page)).toHaveAttribute('data-step', /^[1-9]/)
    expect(errors).toEqual([])
  })

  test('a link to another preset opens it, with no default frame left behind', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('lem-theme', 'dark'))
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/?scenario=async-retries')
    await expect(stage(page)).toHaveAttribute('data-model', 'async')
    await expect(stage(page)).toHaveCount(1)
    await expect(page.locator('html')).not.toHaveAttribute('data-first-frame')
    await expect(page.locator('.lem-app')).toHaveAttribute('data-theme', 'dark')
  })
})
