// The theme's palette is written once as light-dark() (src/view/styles.css, present.css) and
// color-scheme picks the side: no data-theme follows the system, data-theme pins it. These read the
// computed colours of known elements in every place the palette reaches (the app, presentation
// mode, the compare page, the custom element's shadow root, the iframe embed) and compare them with
// the palette's values, so a scheme that stops resolving (or resolves on the wrong element) fails.
import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

const LIGHT = { bg: 'rgb(245, 246, 248)', text: 'rgb(20, 23, 28)', surface: 'rgb(255, 255, 255)' }
const DARK = { bg: 'rgb(14, 17, 22)', text: 'rgb(233, 236, 241)', surface: 'rgb(22, 26, 33)' }
const ACCENT = { light: 'rgb(36, 86, 216)', dark: 'rgb(112, 152, 255)' }
const PRESENT = {
  light: { bg: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' },
  dark: { bg: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' },
}

/** The computed colours of the visualizer a stage belongs to (its .lem-root) and of the stage itself. */
async function colours(stage: Locator) {
  await expect(stage).toBeVisible()
  return stage.evaluate((el) => {
    const root = el.closest('.lem-root')!
    return {
      bg: getComputedStyle(root).backgroundColor,
      text: getComputedStyle(root).color,
      surface: getComputedStyle(el).backgroundColor,
    }
  })
}

async function open(page: Page, url: string, system: 'light' | 'dark', stored?: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: system, reducedMotion: 'reduce' })
  if (stored) await page.addInitScript((t) => localStorage.setItem('lem-theme', t), stored)
  await page.goto(url)
}

test.describe('the app', () => {
  const CASES = [
    { name: 'system light, no choice', system: 'light', stored: undefined, want: 'light' },
    { name: 'system dark, no choice (theme=auto)', system: 'dark', stored: undefined, want: 'dark' },
    { name: 'light chosen on a dark system', system: 'dark', stored: 'light', want: 'light' },
    { name: 'dark chosen on a light system', system: 'light', stored: 'dark', want: 'dark' },
  ] as const
  for (const c of CASES) {
    test(`${c.name}: the ${c.want} palette on the visualizer, its buttons and the page`, async ({ page }) => {
      await open(page, '/?scenario=sync-basics&step=2', c.system, c.stored)
      const stage = page.getByTestId('stage')
      expect(await colours(stage)).toEqual(c.want === 'light' ? LIGHT : DARK)
      const step = page.locator('.lem-btn--primary').first()
      await expect(step).toHaveCSS('background-color', ACCENT[c.want])
      await expect(page.locator('html')).toHaveCSS('background-color', (c.want === 'light' ? LIGHT : DARK).bg)
      // The header's λ mark keeps the light accent in both themes.
      await expect(page.locator('.lem-app-mark')).toHaveCSS('background-color', ACCENT.light)
    })
  }

  test('presentation mode: the high-contrast palette, black on a dark system, white when light is chosen', async ({
    page,
  }) => {
    await open(page, '/?scenario=sync-basics&step=2&present=1', 'dark')
    const root = page.locator('.lem-presenting .lem-root')
    await expect(root).toHaveCSS('background-color', PRESENT.dark.bg)
    await expect(root).toHaveCSS('color', PRESENT.dark.text)
    await page.evaluate(() => localStorage.setItem('lem-theme', 'light'))
    await page.reload()
    await expect(root).toHaveCSS('background-color', PRESENT.light.bg)
    await expect(root).toHaveCSS('color', PRESENT.light.text)
  })

  test('the compare page follows a dark system', async ({ page }) => {
    await open(page, '/?compare=throttled', 'dark')
    const root = page.getByTestId('compare-page')
    await expect(root).toHaveCSS('background-color', DARK.bg)
    await expect(root).toHaveCSS('color', DARK.text)
  })
})

test.describe('the embeds', () => {
  test("the custom element's shadow root: theme=auto follows a dark system, theme=light and dark pin it", async ({
    page,
  }) => {
    await open(page, '/examples/plain.html', 'dark')
    expect(await colours(page.locator('lambda-models').first().getByTestId('stage'))).toEqual(DARK)
    await open(page, '/examples/hostile-host.html', 'dark')
    expect(await colours(page.locator('#first').getByTestId('stage'))).toEqual(LIGHT)
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await colours(page.locator('#second').getByTestId('stage'))).toEqual(DARK)
  })

  test('the iframe embed: theme=auto follows a dark system, theme=light pins it', async ({ page }) => {
    await open(page, '/embed.html?scenario=sync-basics&controls=minimal', 'dark')
    expect(await colours(page.getByTestId('stage'))).toEqual(DARK)
    await open(page, '/embed.html?scenario=sync-basics&controls=minimal&theme=light', 'dark')
    expect(await colours(page.getByTestId('stage'))).toEqual(LIGHT)
  })
})
