// The iframe embed in a real docs page (issue 21, item 5): a Docusaurus page built by
// scripts/test-docs.mjs gets an iframe of embed.html and the embed-host.js helper from another
// origin (the app's build, served by scripts/test-docs.mjs), as a site would load them from its CDN; then
// the protocol the README documents: options from the hash, commands sent before `ready`, an
// out-of-range seek answered by an error, and theme=auto following the site's dark toggle.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

const DOCUSAURUS = process.env.DOCS_DOCUSAURUS_URL
const IFRAME = process.env.DOCS_IFRAME_URL

interface Message {
  readonly type: string
  readonly id?: string
  readonly step?: number
  readonly message?: string
}

/** Every lambda-models message the page receives, in order. */
async function recordMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __msgs: unknown[] }
    w.__msgs = []
    addEventListener('message', (e) => {
      const m = e.data as { protocol?: string } | null
      if (m?.protocol === 'lambda-models') w.__msgs.push(m)
    })
  })
}

const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __msgs: Message[] }).__msgs.filter((m) => m.type !== 'height'))

/** Adds the frame and the helper to the page, and sends `commands` through the helper at once. */
async function embed(page: Page, base: string, hash: string, commands: object[]): Promise<void> {
  await page.evaluate(
    ({ base, hash, commands }) =>
      new Promise<void>((done) => {
        const frame = document.createElement('iframe')
        frame.id = 'frame'
        frame.title = 'Lambda retries'
        frame.style.cssText = 'width: 100%; height: 640px; border: 0'
        frame.src = `${base}/embed.html#${hash}`
        // Outside Docusaurus's React root: hydration, still running on a busy machine, would drop it.
        document.body.append(frame)
        const script = document.createElement('script')
        script.src = `${base}/embed-host.js`
        // A helper that cannot load leaves the commands unsent; the test then fails on what they do.
        script.onerror = () => done()
        script.onload = () => {
          const host = (window as unknown as { lambdaModelsHost: { send: (f: HTMLIFrameElement, m: object) => void } })
            .lambdaModelsHost
          for (const c of commands) host.send(frame, c)
          done()
        }
        document.head.append(script)
      }),
    { base, hash, commands },
  )
}

test.describe('docusaurus: the iframe protocol', () => {
  test.skip(!DOCUSAURUS || !IFRAME, 'docusaurus or the iframe page was not built')

  test('options from the hash', async ({ page }) => {
    await page.goto(`${DOCUSAURUS}/other`)
    await embed(page, IFRAME!, 'scenario=sqs-batch-failure&controls=none&step=2&id=h', [])
    const frame = page.frameLocator('#frame')
    await expect(frame.getByTestId('stage')).toHaveAttribute('data-model', 'sqs', { timeout: 15_000 })
    await expect(frame.getByTestId('stage')).toHaveAttribute('data-step', '2')
    await expect(frame.getByRole('button', { name: 'Play' })).toHaveCount(0)
  })

  test('commands sent before ready are done in order, and a seek past the end answers an error', async ({ page }) => {
    await recordMessages(page)
    await page.goto(`${DOCUSAURUS}/other`)
    await embed(page, IFRAME!, 'scenario=async-retries&id=retries', [
      { type: 'seek', step: 4 },
      { type: 'step', direction: 'forward' },
    ])
    const frame = page.frameLocator('#frame')
    await expect(frame.getByTestId('stage')).toHaveAttribute('data-step', '5', { timeout: 15_000 })
    expect((await messages(page))[0]).toMatchObject({ type: 'ready', id: 'retries' })
    expect((await messages(page)).filter((m) => m.type === 'error')).toEqual([])
    await page.evaluate(() => {
      const host = (window as unknown as { lambdaModelsHost: { send: (f: Element, m: object) => void } })
        .lambdaModelsHost
      host.send(document.querySelector('#frame')!, { type: 'seek', step: 9999 })
    })
    await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'error').length).toBe(1)
    const error = (await messages(page)).find((m) => m.type === 'error')!
    expect(error.id).toBe('retries')
    const last = /which has (\d+) steps/.exec(error.message ?? '')?.[1]
    expect(last).toBeDefined()
    await expect(frame.getByTestId('stage')).toHaveAttribute('data-step', last!)
  })

  test("theme=auto follows the site's dark toggle through embed-host.js", async ({ page }) => {
    await recordMessages(page)
    await page.goto(`${DOCUSAURUS}/other`)
    await embed(page, IFRAME!, 'scenario=sync-basics&theme=auto&id=themed', [])
    const root = page.frameLocator('#frame').locator('.lem-root')
    await expect(root).toHaveAttribute('data-theme', 'light', { timeout: 15_000 })
    await page
      .getByRole('button', { name: /dark and light mode/i })
      .first()
      .click()
    await expect(root).toHaveAttribute('data-theme', 'dark')
    await page
      .getByRole('button', { name: /dark and light mode/i })
      .first()
      .click()
    await expect(root).not.toHaveAttribute('data-theme', 'dark')
  })
})
