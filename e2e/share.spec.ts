import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { frame, stage } from './helpers'

// Issue 10 item 8: a share link holds the preset and only what changed, so it stays short however
// many knobs are edited, and it reproduces the exact frame in a fresh page.

async function setKnob(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true })
  await field.fill(value)
  await field.press('Enter')
  await expect(field).toHaveValue(value)
}

const pathAndQuery = (page: Page) => {
  const u = new URL(page.url())
  return `${u.pathname}${u.search}`
}

test('three knob edits before and three during the run: the link stays short and reproduces the frame', async ({
  page,
  browser,
}) => {
  await page.goto('/?scenario=sync-basics')
  await page.getByRole('tab', { name: 'Knobs' }).click()
  await setKnob(page, 'Timeout', '9')
  await setKnob(page, 'Init duration (ms)', '700')
  await setKnob(page, 'Error rate', '0.25')
  await expect(page).toHaveURL(/[?&]scenario=sync-basics&d=/)
  // The target: a typical edited link (three knob edits) within 300 characters.
  expect(pathAndQuery(page).length).toBeLessThanOrEqual(300)
  const forward = page.getByRole('button', { name: 'Step forward' })
  for (let i = 0; i < 3; i++) await forward.click()
  await setKnob(page, 'Timeout', '12')
  await setKnob(page, 'ReservedConcurrentExecutions', '3')
  await setKnob(page, 'Client max attempts', '2')
  for (let i = 0; i < 3; i++) await forward.click()
  await expect(stage(page)).toHaveAttribute('data-step', '6')
  await expect(page).toHaveURL(/[?&]c=/)
  // Each change during the run adds only what it changed (a whole scenario used to add ~2.5 KB).
  const link = pathAndQuery(page)
  expect(link.length).toBeLessThanOrEqual(400)
  const expected = await frame(page)
  const fresh = await browser.newPage()
  await fresh.goto(link)
  await expect(stage(fresh)).toHaveAttribute('data-step', '6')
  expect(await frame(fresh)).toEqual(expected)
  await fresh.getByRole('tab', { name: 'Knobs' }).click()
  await expect(fresh.getByLabel('Timeout', { exact: true })).toHaveValue('12')
  await expect(fresh.getByLabel('Error rate', { exact: true })).toHaveValue('0.25')
  await expect(fresh.getByRole('alert')).toHaveCount(0)
  await fresh.close()
})
