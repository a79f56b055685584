// Screenshots of presentation and compare mode for the README and the issue, light and dark, at
// 1280x720 (a projector's resolution), written to docs/screenshots/. Run with `npm run screenshots`.
import { expect, test } from '@playwright/test'

const SHOTS = 'docs/screenshots'

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme}`, () => {
    test.use({ viewport: { width: 1280, height: 720 }, colorScheme: scheme, reducedMotion: 'reduce' })

    test(`presentation mode (${scheme})`, async ({ page }) => {
      await page.goto('/?scenario=sync-throttled&present=1&step=14')
      await expect(page.getByTestId('stage')).toHaveAttribute('data-step', '14')
      await expect(page.getByTestId('present-frame')).toHaveAttribute('data-idle', 'true')
      await page.screenshot({ path: `${SHOTS}/present-${scheme}.png` })
    })

    test(`compare mode (${scheme})`, async ({ page }) => {
      await page.goto('/?compare=throttled&t=1100')
      await expect(page.getByTestId('compare-clock')).toHaveAttribute('data-sim-time', '1100')
      await page.screenshot({ path: `${SHOTS}/compare-${scheme}.png` })
      // The three lanes and the summary do not fit a projector's height; the whole page, for the README.
      await page.screenshot({ path: `${SHOTS}/compare-${scheme}-full.png`, fullPage: true })
    })
  })
}
