// A newcomer's path: "Start here" in the header, a lesson whose questions come before the stage
// shows the answer, the engine's answer judged (a wrong answer is never marked right), progress kept
// across a reload, and a broken lesson link that names the problem and shows the list.
import { expect, test, type Page } from '@playwright/test'
import { stage, watchErrors } from './helpers'

const step = async (page: Page) => Number(await stage(page).getAttribute('data-step'))

async function answerChoice(page: Page, label: RegExp) {
  await page.getByTestId('lesson-question').getByLabel(label).check()
  await page.getByRole('button', { name: 'Check and show me' }).click()
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`a newcomer completes "Start here" with the mouse at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport)
    const errors = watchErrors(page)
    await page.goto('/')
    await page.getByTestId('start-here').click()
    await expect(page.getByTestId('lesson')).toBeVisible()
    await expect(page.getByTestId('stop-counter')).toHaveText('Stop 1 of 6')
    await expect(page).toHaveURL(/\?lesson=start-here/)

    // Stop 1 has no question: "Show the stage"; stop 2 "Show me" plays to req-1's cold start.
    await page.getByTestId('lesson-next').click()
    await page.getByTestId('lesson-show').click()
    await expect.poll(() => step(page)).toBe(1)
    await page.getByTestId('lesson-next').click()

    // Stop 3 asks before it shows: the stage still stands where stop 2 ended.
    await expect(page.getByTestId('stop-counter')).toHaveText('Stop 3 of 6')
    expect(await step(page)).toBe(1)
    await answerChoice(page, /In a new environment/)
    await expect(page.getByTestId('lesson-verdict')).toContainText('Right')
    await expect.poll(() => step(page), { timeout: 15000 }).toBe(2)

    // Stop 4: a wrong answer is never marked right, and the reason is given.
    await page.getByTestId('lesson-next').click()
    await answerChoice(page, /Cold, in a new environment/)
    await expect(page.getByTestId('lesson-verdict')).toContainText('Not quite')
    await expect(page.getByTestId('lesson-verdict')).toContainText('The answer: Warm')

    // Stop 5: status; stop 6: a number.
    await page.getByTestId('lesson-next').click()
    await answerChoice(page, /200, with X-Amz-Function-Error/)
    await expect(page.getByTestId('lesson-verdict')).toContainText('Right')
    await page.getByTestId('lesson-next').click()
    await page.getByLabel('Your answer').fill('4')
    await page.getByRole('button', { name: 'Check and show me' }).click()
    await expect(page.getByTestId('lesson-verdict')).toContainText('Right')
    await page.getByTestId('lesson-finish').click()
    await expect(page.getByTestId('lesson-list')).toBeVisible()
    await expect(page.getByTestId('lesson-start-here')).toHaveAttribute('data-done', '')

    // Progress survives a reload.
    await page.goto('/?lessons')
    await expect(page.getByTestId('lesson-start-here')).toHaveAttribute('data-done', '')
    await expect(page.getByTestId('lesson-list')).toContainText('1 of 14 done')
    expect(errors).toEqual([])
  })
}

test('the first lesson by keyboard alone: Tab to an answer, Space, Enter; the result is announced', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?lesson=start-here&stop=3')
  await expect(page.getByTestId('stop-counter')).toHaveText('Stop 3 of 6')
  const radio = page.getByTestId('lesson-question').getByRole('radio').first()
  await radio.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('lesson-question').getByLabel(/In a new environment/)).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Check and show me' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Right' })).toBeVisible()
  await expect.poll(() => step(page), { timeout: 15000 }).toBe(2)
})

test('a task is checked on the engine: the starting state fails with a hint, the change passes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?lesson=async-retries&stop=5')
  await page.getByTestId('lesson-question').getByLabel('The on-failure destination').check()
  await page.getByRole('button', { name: 'Check and show me' }).click()
  const task = page.getByTestId('lesson-task')
  await task.getByTestId('task-check').click()
  await expect(task.getByRole('status')).toContainText('Not yet. Hint')
  const field = task.getByLabel(/MaximumRetryAttempts/)
  await field.fill('1')
  await field.press('Enter')
  await task.getByTestId('task-check').click()
  await expect(task.getByRole('status')).toContainText('✓')
})

test('a broken lesson link names the problem and shows the list; the stage still works', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?lesson=no-such-lesson')
  await expect(page.getByTestId('lesson-list')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('There is no lesson “no-such-lesson”')
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect.poll(() => step(page)).toBeGreaterThan(0)
  expect(errors).toEqual([])
})
