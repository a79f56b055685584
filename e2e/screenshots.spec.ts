// Screenshots of the app for each model, light and dark, desktop and phone, into docs/screenshots/.
// Run with `npm run screenshots` (not part of `npm test`); the images are for people, not baselines.
import { expect, test } from '@playwright/test'
import { settled } from './helpers'

const SHOTS = [
  { model: 'sync', query: '?scenario=sync-throttled&step=9' },
  { model: 'async', query: '?scenario=async-retries&step=4' },
  { model: 'sqs', query: '?scenario=sqs-redrive-dlq&step=20' },
  { model: 'kinesis', query: '?scenario=kinesis-bisect-poison&step=12' },
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
        await expect(stage).toHaveAttribute('data-step', new URL(shot.query, 'http://x').searchParams.get('step')!)
        await settled(page)
        await page.screenshot({ path: `docs/screenshots/${shot.model}-${scheme}-${size.name}.png` })
      })
    }
  }
}
