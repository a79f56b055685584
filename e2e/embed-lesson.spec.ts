// A docs page embeds one lesson (issue 17, item 5): the custom element fetches its lessons companion
// only then, the iframe loads the lesson chunk; neither writes the host page's address; a missing
// companion is named and the stage still works.
import { expect, test } from '@playwright/test'
import { watchErrors } from './helpers'

test('the element with lesson= shows the stop, asks, and plays to the answer; the host URL stays', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 900 })
  const errors = watchErrors(page)
  const companion: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('lambda-models-lessons.js')) companion.push(r.url())
  })
  await page.goto('/examples/lesson.html')
  const el = page.locator('#lesson-element')
  await expect(el.getByTestId('stop-counter')).toHaveText('Stop 3 of 6')
  const stage = el.getByTestId('stage')
  await expect(stage).toHaveAttribute('data-step', '1')
  await el
    .getByTestId('lesson-question')
    .getByLabel(/In a new environment/)
    .check()
  await el.getByRole('button', { name: 'Check and show me' }).click()
  await expect(el.getByTestId('lesson-verdict')).toContainText('Right')
  await expect.poll(() => stage.getAttribute('data-step'), { timeout: 15000 }).toBe('2')
  await el.getByTestId('lesson-next').click()
  await expect(el.getByTestId('stop-counter')).toHaveText('Stop 4 of 6')
  expect(new URL(page.url()).search).toBe('')
  // Fetched once, from beside the element's script.
  expect(companion).toHaveLength(1)
  expect(new URL(companion[0]!).pathname).toBe('/lambda-models-lessons.js')
  expect(errors).toEqual([])
})

test('the iframe with lesson= runs the lesson in the frame', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 900 })
  await page.goto('/examples/lesson.html')
  const frame = page.frameLocator('#lesson-frame')
  await frame.locator('body').scrollIntoViewIfNeeded()
  await expect(frame.getByTestId('stop-counter')).toHaveText('Stop 1 of 2')
  await expect(frame.getByTestId('lesson')).toHaveAttribute('data-lesson', 'sqs-visibility')
  await expect(frame.getByTestId('stage')).toHaveAttribute('data-model', 'sqs')
  await frame.getByLabel('Your answer').fill('3')
  await frame.getByRole('button', { name: 'Check and show me' }).click()
  await expect(frame.getByTestId('lesson-verdict')).toContainText('Right')
})

test('an element whose companion script is missing names the problem; the stage still steps', async ({ page }) => {
  await page.route('**/lambda-models-lessons.js', (r) => r.fulfill({ status: 404, body: 'not here' }))
  await page.goto('/examples/lesson.html')
  const el = page.locator('#lesson-element')
  await expect(el.getByRole('alert')).toContainText('lambda-models-lessons.js was not found')
  const stage = el.getByTestId('stage')
  const before = Number(await stage.getAttribute('data-step'))
  await el.getByRole('button', { name: 'Step forward' }).click()
  await expect.poll(async () => Number(await stage.getAttribute('data-step'))).toBeGreaterThan(before)
})

test('an unknown lesson in an embed is named, the list offered, the default stage shown', async ({ page }) => {
  await page.goto('/embed.html?lesson=no-such-lesson')
  await expect(page.getByRole('alert')).toContainText('There is no lesson “no-such-lesson”')
  await expect(page.getByTestId('lesson-list')).toBeVisible()
  await expect(page.getByTestId('stage')).toBeVisible()
})
