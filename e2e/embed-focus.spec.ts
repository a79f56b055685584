// Clicking anywhere in an embed focuses it, without scrolling the page, so its keys work at once
// (issue 12, item 6): the custom element, and the iframe.
import { expect, test } from '@playwright/test'

test('custom element: a click on the diagram focuses the embed; arrows then step it; the page does not scroll', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 500 })
  await page.goto('/examples/plain.html')
  const first = page.locator('lambda-models').first()
  const stage = first.locator('[data-testid="stage"]')
  await expect(stage).toHaveAttribute('data-model', 'async')
  // Scroll so the embed is only partly in view: a focus that scrolled would move the page.
  await page.evaluate(() =>
    window.scrollTo(0, document.querySelector('lambda-models')!.getBoundingClientRect().top + window.scrollY - 300),
  )
  const before = await page.evaluate(() => window.scrollY)
  const box = (await stage.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, Math.min(box.y + 60, 490))
  expect(await page.evaluate(() => window.scrollY)).toBe(before)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(stage).toHaveAttribute('data-step', '2')
  expect(await page.evaluate(() => window.scrollY)).toBe(before)
})

test('a click on a control still goes to that control', async ({ page }) => {
  await page.goto('/examples/plain.html')
  const first = page.locator('lambda-models').first()
  await first.getByRole('button', { name: 'Step forward' }).click()
  await expect(first.getByRole('button', { name: 'Step forward' })).toBeFocused()
})

test('iframe: a click on the diagram focuses the frame; arrows then step it', async ({ page }) => {
  await page.goto('/examples/iframe-host.html')
  const frame = page.frameLocator('#retries')
  await expect(frame.getByTestId('stage')).toHaveAttribute('data-model', 'async')
  await frame.locator('.lem-stage-svg').click({ position: { x: 20, y: 20 } })
  await page.keyboard.press('ArrowRight')
  await expect(frame.getByTestId('stage')).toHaveAttribute('data-step', '1')
})
