// Visual regression (issue 6): each model at a fixed step, light and dark, compared with committed
// baselines (e2e/visual.spec.ts-snapshots/) within a small tolerance. After an intended visual
// change, refresh them with `npx playwright test e2e/visual.spec.ts --update-snapshots` and look at
// the new PNGs before committing them.
import { expect, test } from '@playwright/test'

const FRAMES = [
  { name: 'sync', query: '?scenario=sync-throttled&step=6' },
  { name: 'async', query: '?scenario=async-retries&step=5' },
  { name: 'sqs', query: '?scenario=sqs-partial-batch&step=5' },
  { name: 'kinesis', query: '?scenario=kinesis-bisect-poison&step=6' },
]

for (const frame of FRAMES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`visual: ${frame.name} ${scheme} at a fixed step`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      await page.setViewportSize({ width: 1280, height: 720 })
      await page.goto(`/${frame.query}`)
      const stage = page.getByTestId('stage')
      await expect(stage).toBeVisible()
      await expect(stage).toHaveAttribute('data-step', frame.query.split('step=')[1]!)
      await expect(stage).toHaveScreenshot(`${frame.name}-${scheme}.png`, {
        animations: 'disabled',
        maxDiffPixelRatio: 0.01,
      })
    })
  }
}
