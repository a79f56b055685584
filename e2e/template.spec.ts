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

/** Whether the element's box is inside every scrolling box around it and the window (not scrolled or clipped out of view). */
const inView = (el: Element): boolean => {
  const r = el.getBoundingClientRect()
  const inside = (b: { top: number; bottom: number; left: number; right: number }) =>
    r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1
  if (!inside({ top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth })) return false
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY
    if ((o === 'auto' || o === 'scroll' || o === 'hidden') && !inside(p.getBoundingClientRect())) return false
  }
  // Nothing pinned over it (the phone's controls dock): the element itself is what is drawn at its centre.
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)
  return hit !== null && el.contains(hit)
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`picking a sample at ${size.width}x${size.height}: what was read comes into view, and the sample's select stays inside the panel`, async ({
    page,
  }) => {
    await page.setViewportSize(size)
    await page.goto('/?template')
    const panel = page.getByTestId('template-panel')
    const select = panel.getByTestId('template-sample')
    await select.selectOption({ index: 2 })
    const summary = panel.locator('.lem-template-summary')
    await expect(summary).toContainText('function × trigger')
    await expect.poll(() => summary.evaluate(inView)).toBe(true)
    const [s, p] = await Promise.all([select.boundingBox(), panel.boundingBox()])
    expect(s && p && s.x + s.width <= p.x + p.width + 1).toBe(true)
    // Showing a pair on the stage takes the reader to the stage (below the panel on a phone).
    await panel.getByTestId('template-load').first().click()
    await expect
      .poll(() =>
        stage(page).evaluate((el) => {
          const r = el.getBoundingClientRect()
          return r.top >= 0 && r.top < window.innerHeight / 2
        }),
      )
      .toBe(true)
  })
}
