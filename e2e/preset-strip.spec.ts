// The preset strip beside the model tabs scrolls sideways when its chips do not fit (issue 18 item 6):
// a side that hides chips fades and has an arrow, so a cut strip never looks like all there is.
import { expect, test } from '@playwright/test'

test('at 1280×720 the sync presets run past the strip: an arrow scrolls to the last one, then one leads back', async ({
  page,
}) => {
  await page.goto('/?scenario=sync-basics')
  const strip = page.getByRole('group', { name: 'Scenarios' })
  const list = strip.locator('.lem-preset-list')
  const last = list.getByRole('link').last()
  const inStrip = async () => {
    const [l, c] = await Promise.all([list.boundingBox(), last.boundingBox()])
    return l !== null && c !== null && c.x + c.width <= l.x + l.width + 1
  }
  await expect(strip.getByRole('button', { name: 'Earlier scenarios' })).toHaveCount(0)
  await expect(list).toHaveAttribute('data-more-right', '')
  expect(await inStrip()).toBe(false)
  for (let i = 0; i < 4 && (await strip.getByRole('button', { name: 'More scenarios' }).count()) > 0; i++) {
    await strip.getByRole('button', { name: 'More scenarios' }).click()
    await page.waitForTimeout(400)
  }
  await expect.poll(inStrip).toBe(true)
  await expect(strip.getByRole('button', { name: 'More scenarios' })).toHaveCount(0)
  await expect(list).not.toHaveAttribute('data-more-right', '')
  await expect(list).toHaveAttribute('data-more-left', '')
  await strip.getByRole('button', { name: 'Earlier scenarios' }).click()
  await expect(strip.getByRole('button', { name: 'More scenarios' })).toBeVisible()
})

test('at 1920×1080 the sync presets fit: no arrow, no fade', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/?scenario=sync-basics')
  const strip = page.getByRole('group', { name: 'Scenarios' })
  await expect(strip.getByRole('link').first()).toBeVisible()
  await expect(strip.getByRole('button', { name: /scenarios$/ })).toHaveCount(0)
  await expect(strip.locator('.lem-preset-list')).not.toHaveAttribute('data-more-right', '')
})
