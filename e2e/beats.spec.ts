// Beats (issue 10): Step forward, Play and the clicker move by beats (one thing a person can see
// happen); Shift+arrows and "Fine steps" move by single occurrences; the default pace holds each
// beat long enough to read. Wall time is Playwright's fake clock (page.clock), never a sleep.
import { readdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { stage, watchErrors } from './helpers'

const PRESETS = readdirSync('src/scenarios/presets')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))

test('Step forward moves one beat with a caption: the 30 messages sent at once are one beat', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=sqs-batch-failure')
  const counter = page.getByRole('toolbar', { name: 'Playback' }).getByTestId('beat-counter')
  await expect(counter).toHaveText(/^Beat 0 \/ \d+$/)
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stage(page)).toHaveAttribute('data-step', '30')
  await expect(page.getByTestId('caption')).toContainText('The producer sends order-1')
  await expect(page.getByTestId('caption')).toContainText('And 29 more like it')
  await expect(counter).toHaveText(/^Beat 1 \/ \d+$/)
  await page.getByRole('button', { name: 'Step back' }).click()
  await expect(stage(page)).toHaveAttribute('data-step', '0')
  await expect(counter).toHaveText(/^Beat 0 \/ \d+$/)
  expect(errors).toEqual([])
})

test('Shift+→ and Shift+← move one occurrence; "Fine steps" makes the buttons do the same', async ({ page }) => {
  await page.goto('/?scenario=sqs-batch-failure')
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('Shift+ArrowRight')
  await expect(stage(page)).toHaveAttribute('data-step', '1')
  await page.keyboard.press('ArrowRight')
  await expect(stage(page)).toHaveAttribute('data-step', '30')
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(stage(page)).toHaveAttribute('data-step', '29')
  await expect(page).toHaveURL(/step=29/)
  await page.getByRole('checkbox', { name: 'Fine steps' }).check()
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stage(page)).toHaveAttribute('data-step', '30')
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stage(page)).toHaveAttribute('data-step', '31')
})

test('the failed attempt is seen red in its environment before it moves on to its retry', async ({ page }) => {
  await page.goto('/?scenario=async-retries')
  await page.getByRole('button', { name: 'Error', exact: true }).click()
  await expect(stage(page).locator('[data-token-id="upload-1"]')).toHaveAttribute('data-token-state', 'failed')
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stage(page).locator('[data-token-id="upload-1"]')).toHaveAttribute('data-token-state', 'waiting')
  await expect(page.getByTestId('caption')).toContainText('Retry 1 of 2')
})

test('the end of a run: "Run finished", Step forward off, Play reads Replay and starts over', async ({ page }) => {
  await page.goto('/?scenario=sync-caller-timeout')
  const forward = page.getByRole('button', { name: 'Step forward' })
  for (let i = 0; i < 10 && (await forward.isEnabled()); i++) await forward.click()
  await expect(page.getByTestId('beat-counter').first()).toContainText('Run finished')
  await expect(forward).toBeDisabled()
  await page.getByRole('button', { name: 'Replay' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect(page.getByTestId('beat-counter').first()).toHaveText(/^Beat 1 \/ 3$/)
})

test('Home on the timeline goes to step 0', async ({ page }) => {
  await page.goto('/?scenario=sync-basics&step=6')
  await page.getByRole('slider', { name: 'Timeline' }).focus()
  await page.keyboard.press('Home')
  await expect(stage(page)).toHaveAttribute('data-step', '0')
})

test('Play at the default pace is still playing after 2 s on every preset, having shown at most two beats', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.clock.install()
  for (const id of PRESETS) {
    await page.goto(`/?scenario=${id}`)
    await expect(stage(page)).toHaveAttribute('data-step', '0')
    // Paused, the fake clock moves only by runFor: a loaded machine's slow click adds no time.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)
    await page.getByRole('button', { name: 'Play' }).click()
    await page.clock.runFor(2000)
    await expect(page.getByRole('button', { name: 'Pause' }), id).toBeVisible()
    const beat = await page.getByRole('toolbar', { name: 'Playback' }).getByTestId('beat-counter').textContent()
    const n = Number(/Beat (\d+)/.exec(beat ?? '')?.[1])
    expect(n, `${id}: ${beat}`).toBeGreaterThanOrEqual(1)
    expect(n, `${id}: ${beat}`).toBeLessThanOrEqual(2)
    await page.getByRole('button', { name: 'Pause' }).click()
  }
})

test("a share link to a housekeeping fine step still explains the stage: the last beat's caption, marked as a fine step", async ({
  page,
}) => {
  await page.goto('/?scenario=sqs-redrive-dlq&step=10')
  const caption = page.getByTestId('caption').first()
  await expect(caption.getByTestId('caption-fine')).toHaveText(/Fine step 10: no visible change since step \d+/)
  await expect(caption.locator('.lem-caption-item').first()).toBeVisible()
  await expect(caption).not.toContainText('nothing visible changed')
})
