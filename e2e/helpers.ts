// Helpers shared by the e2e specs: the stage, the frame it shows, and errors the page logs.
import type { Page } from '@playwright/test'

export const stage = (page: Page) => page.getByTestId('stage')

/** What a frame is: the step, the virtual time and every token with its state. */
export async function frame(page: Page) {
  const root = stage(page)
  const tokens = await root
    .locator('[data-token-id]')
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-token-id')}=${e.getAttribute('data-token-state')}`).sort(),
    )
  return { step: await root.getAttribute('data-step'), time: await root.getAttribute('data-sim-time'), tokens }
}

/** Resolves once the page has painted two more frames with its fonts loaded: a settled picture, not a guessed delay. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  })
}

/** Collects console errors and uncaught page errors from now on. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}
