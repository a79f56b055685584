// Folds and turning points (issue 18): a long run's repeated beats are one beat, worded with the
// run's own counts, and the timeline jumps to where the run turns and to its end.
import { expect, test } from '@playwright/test'
import { stage, watchErrors } from './helpers'

test('kinesis-poison-blocks-shard: End, then back into the day of retries folded into one beat', async ({ page }) => {
  test.setTimeout(60_000)
  const errors = watchErrors(page)
  await page.goto('/?scenario=kinesis-poison-blocks-shard')
  const counter = page.getByRole('toolbar', { name: 'Playback' }).getByTestId('beat-counter')
  const jumps = page.getByRole('group', { name: 'Jump to the next marker' })
  await jumps.getByRole('button', { name: 'End', exact: true }).click()
  await expect(counter).toContainText('Run finished')
  const total = Number(/\/ (\d+)/.exec((await counter.textContent()) ?? '')?.[1])
  expect(total).toBeLessThanOrEqual(60)
  // Back one beat: the record given up; back one more: the fold, its words leading the caption.
  await page.getByRole('button', { name: 'Step back' }).click()
  await expect(page.getByTestId('caption').first()).toContainText('retention period')
  await page.getByRole('button', { name: 'Step back' }).click()
  const fold = page.getByTestId('caption').first().getByTestId('caption-fold')
  await expect(fold).toHaveText(/^The same batch \(poison-1\) fails again: 1,\d{3} times over 2\d\.\d h/)
  await expect(counter).toHaveText(new RegExp(`^Beat ${total - 2} / ${total}`))
  // A single step back stays inside the fold (every step is still reachable), still worded as it.
  const step = Number(await stage(page).getAttribute('data-step'))
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(stage(page)).toHaveAttribute('data-step', String(step - 1))
  await expect(fold).toBeVisible()
  // From the start, the turning point is one jump away.
  await page.getByRole('button', { name: 'Reset' }).click()
  await jumps.getByRole('button', { name: 'Given up, moves on' }).click()
  await expect(page.getByTestId('caption').first()).toContainText('retention period')
  expect(errors).toEqual([])
})
