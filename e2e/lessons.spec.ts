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

test('a task change is kept in the link: reopening it shows the learner’s setting; bad changes are named', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/?lesson=async-retries&stop=5')
  await page.getByTestId('lesson-question').getByLabel('The on-failure destination').check()
  await page.getByRole('button', { name: 'Check and show me' }).click()
  const field = page.getByTestId('lesson-task').getByLabel(/MaximumRetryAttempts/)
  await field.fill('1')
  await field.press('Enter')
  await expect(page).toHaveURL(/\?lesson=async-retries&stop=5&d=/)
  const link = page.url()
  await page.goto(link)
  await expect(page.getByTestId('stop-counter')).toHaveText('Stop 5 of 5')
  // The question is asked again; the task's setting is the learner's.
  await page.getByTestId('lesson-question').getByLabel('The on-failure destination').check()
  await page.getByRole('button', { name: 'Check and show me' }).click()
  await expect(page.getByTestId('lesson-task').getByLabel(/MaximumRetryAttempts/)).toHaveValue('1')
  await page.getByTestId('lesson-task').getByTestId('task-check').click()
  await expect(page.getByTestId('lesson-task').getByRole('status')).toContainText('✓')

  const errors = watchErrors(page)
  await page.goto('/?lesson=async-retries&stop=5&d=%%%')
  await expect(page.getByRole('alert')).toContainText('not valid base64url')
  await expect(page.getByRole('alert')).toContainText('Showing the lesson’s own scenario')
  await expect(page.getByTestId('stop-counter')).toHaveText('Stop 5 of 5')
  expect(errors).toEqual([])
})

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`a lesson in presentation at ${viewport.width}×${viewport.height}: the clicker asks, reveals, moves on and back`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    const errors = watchErrors(page)
    await page.goto('/?lesson=start-here&stop=3&present=1')
    const card = page.getByTestId('present-stop')
    await expect(card).toHaveAttribute('data-stop', 'second')
    await expect(page.getByTestId('stop-counter')).toHaveText('Stop 3 of 6')
    await expect(page.getByTestId('present-question')).toHaveText('How does req-2 start?')
    // The answer is hidden until the clicker reveals it; the stage has not moved on.
    await expect(page.getByTestId('present-answer')).toBeEmpty()
    await expect(card.locator('li[data-right]')).toHaveCount(0)
    expect(await step(page)).toBe(1)
    const size = await page.getByTestId('present-question').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    expect(size).toBeGreaterThanOrEqual(22)
    // The card sits beside the stage, never over it.
    const s = (await stage(page).boundingBox())!
    const c = (await page.locator('.lem-guide').boundingBox())!
    expect(c.x).toBeGreaterThanOrEqual(s.x + s.width - 1)
    expect(c.y + c.height).toBeLessThanOrEqual(viewport.height)

    await page.keyboard.press('PageDown')
    await expect(page.getByTestId('present-answer')).toContainText('The answer: In a new environment')
    await expect(card.locator('li[data-right]')).toContainText('In a new environment')
    await expect.poll(() => step(page), { timeout: 15000 }).toBe(2)
    await expect(page).toHaveURL(/\?lesson=start-here&stop=3&present=1/)

    await page.keyboard.press('PageDown')
    await expect(page.getByTestId('stop-counter')).toHaveText('Stop 4 of 6')
    await expect(page.getByTestId('present-answer')).toBeEmpty()
    await expect(page).toHaveURL(/stop=4&present=1/)
    // Back: the previous stop, its answer shown; back again hides it.
    await page.keyboard.press('PageUp')
    await expect(page.getByTestId('stop-counter')).toHaveText('Stop 3 of 6')
    await expect(page.getByTestId('present-answer')).toContainText('The answer')
    await page.keyboard.press('PageDown')
    await expect(page.getByTestId('stop-counter')).toHaveText('Stop 4 of 6')
    await expect(page.getByTestId('present-answer')).toBeEmpty()
    // A clicker's Back twice in quick succession (two key events, the second before the page has
    // painted the first): the previous stop with its answer, then its answer hidden.
    await page.evaluate(async () => {
      const press = () =>
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true, cancelable: true }))
      press()
      await new Promise((r) => setTimeout(r, 0))
      press()
    })
    await expect(page.getByTestId('stop-counter')).toHaveText('Stop 3 of 6')
    await expect(page.getByTestId('present-answer')).toBeEmpty()
    await expect.poll(() => step(page)).toBe(1)
    expect(errors).toEqual([])
  })
}
