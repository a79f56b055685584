// The iframe page on its own: options from the URL, no app chrome, notices for bad options.
import { expect, test } from '@playwright/test'

test('embed.html opens the given scenario, step, controls, theme and height, without app chrome', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/embed.html?scenario=async-retries&step=3&controls=minimal&theme=dark&height=480&id=x')
  const stage = page.getByTestId('stage')
  await expect(stage).toHaveAttribute('data-step', '3')
  await expect(stage).toHaveAttribute('data-model', 'async')
  await expect(page.locator('.lem-root[data-theme="dark"]')).toHaveCount(1)
  await expect(page.locator('.lem-app-header')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible()
  await expect(page.locator('.lem-side')).toHaveCount(0)
  expect(await page.locator('.lem-embed').evaluate((e) => e.getBoundingClientRect().height)).toBe(480)
  expect(errors).toEqual([])
})

test('controls=none shows the stage and caption only', async ({ page }) => {
  await page.goto('/embed.html?scenario=sync-basics&controls=none')
  await expect(page.getByTestId('stage')).toBeVisible()
  await expect(page.getByTestId('caption')).toBeVisible()
  await expect(page.getByRole('button')).toHaveCount(0)
})

test('bad options show a notice inside the embed and fall back to defaults, never a blank frame', async ({ page }) => {
  await page.goto('/embed.html?scenario=no-such-scenario&controls=lots&step=abc&theme=purple&height=5')
  await expect(page.getByTestId('stage')).toHaveAttribute('data-model', 'sync')
  await expect(page.getByTestId('stage')).toHaveAttribute('data-step', '0')
  const notices = page.getByTestId('notice')
  await expect(notices.filter({ hasText: 'no-such-scenario' })).toHaveCount(1)
  await expect(notices.filter({ hasText: 'controls' })).toHaveCount(1)
  await expect(notices.filter({ hasText: 'step' })).toHaveCount(1)
  await expect(notices.filter({ hasText: 'theme' })).toHaveCount(1)
  await expect(notices.filter({ hasText: 'height' })).toHaveCount(1)
})

test('a damaged encoded scenario says so and shows the default', async ({ page }) => {
  await page.goto('/embed.html?scenario=eyJ2ZXJzaW9uIjoxLCJtb2RlbCI6InN5bmMi')
  await expect(page.getByTestId('stage')).toBeVisible()
  await expect(page.getByTestId('notice').first()).toContainText('scenario')
})

test('keyboard shortcuts act only with focus inside the embed', async ({ page }) => {
  await page.goto('/embed.html?scenario=sync-basics&controls=minimal')
  const stage = page.getByTestId('stage')
  await page.keyboard.press('ArrowRight')
  await expect(stage).toHaveAttribute('data-step', '0')
  await page.getByRole('button', { name: 'Step forward' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(stage).toHaveAttribute('data-step', '1')
})
