// The visualizer end to end. Stepping never waits on timeouts: assertions are on data-step and
// data-sim-time, which the stage root carries.
import { expect, test } from '@playwright/test'
import { frame, stage, watchErrors } from './helpers'

test('loads with no console errors and the title', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Lambda Execution Models/)
  await expect(stage(page)).toHaveAttribute('data-step', '0')
  await expect(page.getByTestId('caption')).toHaveAttribute('aria-live', 'polite')
  expect(errors).toEqual([])
})

test('play makes the clock advance and tokens move', async ({ page }) => {
  await page.goto('/?scenario=sync-basics')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(async () => Number(await stage(page).getAttribute('data-sim-time'))).toBeGreaterThan(0)
  await expect.poll(async () => Number(await stage(page).getAttribute('data-step'))).toBeGreaterThan(1)
  await expect(stage(page).locator('[data-token-id]').first()).toBeVisible()
})

test('step forward moves one beat (one occurrence each in sync-basics); step back restores the exact frame', async ({
  page,
}) => {
  await page.goto('/?scenario=sync-basics')
  const forward = page.getByRole('button', { name: 'Step forward' })
  await forward.click()
  await forward.click()
  await expect(stage(page)).toHaveAttribute('data-step', '2')
  const before = await frame(page)
  await forward.click()
  await expect(stage(page)).toHaveAttribute('data-step', '3')
  expect(await frame(page)).not.toEqual(before)
  await page.getByRole('button', { name: 'Step back' }).click()
  await expect(stage(page)).toHaveAttribute('data-step', '2')
  expect(await frame(page)).toEqual(before)
})

test('reset returns to time 0', async ({ page }) => {
  await page.goto('/?scenario=sync-basics&step=4')
  await expect(stage(page)).toHaveAttribute('data-step', '4')
  await page.getByRole('button', { name: 'Reset' }).click()
  await expect(stage(page)).toHaveAttribute('data-sim-time', '0')
  await expect(stage(page)).toHaveAttribute('data-step', '0')
})

test('a preset link with a step reproduces the same frame in a fresh page', async ({ page, browser }) => {
  await page.goto('/?scenario=sync-throttled')
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stage(page)).toHaveAttribute('data-step', '5')
  await expect(page).toHaveURL(/scenario=sync-throttled&step=5/)
  const expected = await frame(page)
  const fresh = await browser.newPage()
  await fresh.goto('/?scenario=sync-throttled&step=5')
  await expect(stage(fresh)).toHaveAttribute('data-step', '5')
  expect(await frame(fresh)).toEqual(expected)
  await fresh.close()
})

test('a broken link shows a message and a working default', async ({ page }) => {
  const errors = watchErrors(page)
  for (const query of ['?s=not*base64&step=2', '?scenario=does-not-exist', '?s=eyJ2ZXJzaW9uIjox']) {
    await page.goto(`/${query}`)
    const notice = page.getByTestId('notice').first()
    await expect(notice).toBeVisible()
    await expect(stage(page)).toHaveAttribute('data-step', /\d+/)
    await page.getByRole('button', { name: 'Step forward' }).click()
    await expect(stage(page)).not.toHaveAttribute('data-step', '0')
    await page.getByRole('button', { name: 'Dismiss message' }).first().click()
    await expect(page.getByTestId('notice')).toHaveCount(0)
  }
  expect(errors).toEqual([])
})

test('a step past the end of the run shows the last step with a message', async ({ page }) => {
  await page.goto('/?scenario=sync-basics&step=99999')
  await expect(page.getByTestId('notice')).toContainText(/past the end/)
  await expect(stage(page)).not.toHaveAttribute('data-step', '0')
})

test('keyboard only: Tab to Play, Space, ArrowRight', async ({ page }) => {
  await page.goto('/?scenario=sync-basics')
  const play = page.getByRole('button', { name: 'Play' })
  for (let i = 0; i < 40 && !(await play.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(play).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  const step = Number(await stage(page).getAttribute('data-step'))
  await page.keyboard.press('ArrowRight')
  await expect(stage(page)).toHaveAttribute('data-step', String(step + 1))
  await page.keyboard.press('ArrowLeft')
  await expect(stage(page)).toHaveAttribute('data-step', String(step))
})

test('model choice: the three models are offered and never crash', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')
  for (const name of ['Asynchronous', 'Poll-based', 'Synchronous']) {
    await page.getByRole('button', { name, exact: true }).click()
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true')
  }
  expect(errors).toEqual([])
})

test('phone width stacks the panels', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  // The side panel's tabs load after the first render (sidePanels.ts): wait for both before measuring.
  await expect(stage(page)).toBeVisible()
  await expect(page.getByRole('complementary').first()).toBeVisible()
  const main = await stage(page).boundingBox()
  const side = await page.getByRole('complementary').first().boundingBox()
  expect(main && side).toBeTruthy()
  expect(side!.y).toBeGreaterThan(main!.y + main!.height - 1)
  expect(main!.width).toBeLessThanOrEqual(390)
})

test('the event history of a retried event lists every attempt', async ({ page }) => {
  // sync-throttled: the SDK retries throttled requests up to 3 attempts.
  await page.goto('/?scenario=sync-throttled&step=40')
  await expect(stage(page)).not.toHaveAttribute('data-step', '0')
  const ids = await stage(page)
    .locator('[data-token-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-token-id')!))
  let found = false
  for (const id of ids) {
    await stage(page).locator(`[data-token-id="${id}"]`).focus()
    await page.keyboard.press('Enter')
    const history = page.getByTestId('event-history')
    await expect(history).toBeVisible()
    const attempts = await history.locator('[data-story-kind="attempt"]').count()
    if (attempts >= 2) {
      await expect(history.locator('[data-story-kind="attempt"]').first()).toContainText(/Attempt 1/)
      await expect(history.locator('[data-story-kind="attempt"]').nth(1)).toContainText(/Attempt 2/)
      await expect(history).toContainText(/throttled/)
      found = true
      break
    }
  }
  expect(found).toBe(true)
})

test('a knob with an invalid value says what is allowed in plain words, keeps what was typed, is marked invalid and is not applied', async ({
  page,
}) => {
  await page.goto('/?scenario=sync-basics')
  await page.getByRole('tab', { name: 'Knobs' }).click()
  const timeout = page.getByLabel('Timeout', { exact: true })
  await timeout.fill('5000')
  await timeout.press('Enter')
  const words =
    'Function timeout must be a whole number of seconds from 1 to 900; you typed 5,000\u00a0s, so 3\u00a0s (the last valid value) still applies.'
  const alert = page.getByRole('alert').filter({ hasText: words })
  await expect(alert).toBeVisible()
  // Shown as not applied: the field keeps the typed value, marked invalid and described by the message.
  await expect(timeout).toHaveValue('5000')
  await expect(timeout).toHaveAttribute('aria-invalid', 'true')
  const errId = await alert.getAttribute('id')
  expect((await timeout.getAttribute('aria-describedby'))!.split(' ')).toContain(errId)
  await timeout.blur()
  await expect(timeout).toHaveValue('5000')
  await expect(page).toHaveURL(/scenario=sync-basics/)
  await expect(page).not.toHaveURL(/[?&]d=/)
  await timeout.fill('10')
  await timeout.press('Enter')
  await expect(timeout).toHaveAttribute('aria-invalid', 'false')
  await expect(alert).toHaveCount(0)
  // The link keeps the preset and only what changed.
  await expect(page).toHaveURL(/[?&]scenario=sync-basics&d=[\w-]+/)
  expect(page.url().length).toBeLessThan(300)
})

test('a link with a bad value says it in the words a knob uses, and shows the preset unchanged', async ({ page }) => {
  const d = Buffer.from(JSON.stringify({ function: { timeout: -5, errorRate: 0.5 } })).toString('base64url')
  await page.goto(`/?scenario=sync-basics&d=${d}`)
  await expect(page.getByTestId('notice')).toContainText(
    'Function timeout must be a whole number of seconds from 1 to 900; the link asked for -5, so the preset is shown unchanged.',
  )
  await page.getByRole('tab', { name: 'Knobs' }).click()
  await expect(page.getByLabel('Error rate', { exact: true })).toHaveValue('0')
  await expect(page.getByLabel('Timeout', { exact: true })).toHaveValue('3')
})
