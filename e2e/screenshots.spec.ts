// Screenshots of the app for each model, light and dark, desktop and phone, into docs/screenshots/.
// Run with `npx playwright test e2e/screenshots.spec.ts`; the images are for people, not baselines.
import { expect, test } from '@playwright/test'

const SHOTS = [
  { model: 'sync', query: '?scenario=sync-throttled&step=9' },
  { model: 'async', query: '?scenario=async-retries&step=4' },
  { model: 'sqs', query: '?scenario=sqs-redrive-dlq&step=20' },
  { model: 'kinesis', query: '?scenario=kinesis-bisect-poison&step=14' },
]
const SIZES = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
] as const

for (const shot of SHOTS) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of SIZES) {
      test(`screenshot ${shot.model} ${scheme} ${size.name}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
        await page.setViewportSize({ width: size.width, height: size.height })
        await page.goto(`/${shot.query}`)
        const stage = page.getByTestId('stage')
        await expect(stage).toBeVisible()
        // A model that is not available yet falls back with a message; still worth a picture.
        await expect(stage).toHaveAttribute('data-step', /\d+/)
        await page.waitForTimeout(300)
        await page.screenshot({ path: `docs/screenshots/${shot.model}-${scheme}-${size.name}.png` })
      })
    }
  }
}
