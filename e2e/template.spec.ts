// "Your template": an engineer pastes or picks a SAM template, sees its functions × triggers with
// the findings beside them, and loads one onto the stage; bad input gets one clear message and the
// page keeps working. Nothing leaves the browser: the page says so, and no request carries the text.
import { expect, test } from '@playwright/test'
import { stage, watchErrors } from './helpers'

test('a sample template: pairs and findings listed, one click puts a function × trigger on the stage', async ({
  page,
}) => {
  const errors = watchErrors(page)
  const posts: string[] = []
  page.on('request', (r) => {
    if (r.method() !== 'GET') posts.push(r.url())
  })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/')
  await page.getByTestId('template-link').click()
  const panel = page.getByTestId('template-panel')
  await expect(panel).toContainText('nothing is uploaded')
  await panel.getByTestId('template-sample').selectOption('misconfigured')
  const results = panel.getByTestId('template-results')
  await expect(results).toContainText('function × trigger')
  await expect(results.locator('[data-severity="error"]').first()).toBeVisible()
  await results.getByTestId('template-load').first().click()
  await expect(results.getByTestId('template-load').first()).toHaveText('On the stage')
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect.poll(async () => Number(await stage(page).getAttribute('data-step'))).toBeGreaterThan(0)
  expect(posts).toEqual([])
  expect(errors).toEqual([])
})

test('bad input: one clear line, and the page keeps working', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?template')
  const panel = page.getByTestId('template-panel')
  await panel.getByTestId('template-text').fill('a: [unclosed')
  await panel.getByTestId('template-read').click()
  await expect(panel.getByTestId('template-problem')).toBeVisible()
  await panel.getByTestId('template-text').fill('Resources: {}')
  await panel.getByTestId('template-read').click()
  await expect(panel.getByTestId('template-problem')).toBeVisible()
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect.poll(async () => Number(await stage(page).getAttribute('data-step'))).toBeGreaterThan(0)
  expect(errors).toEqual([])
})
