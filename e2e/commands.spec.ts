import { expect, test } from '@playwright/test'
import { stage } from './helpers'

// Issue 10 item 8: the command bar offers an action only where it means something (src/store/commands.ts).
const cases: [string, string[], string[]][] = [
  ['sync-basics', ['Send request', 'Make next invocation fail'], []],
  ['async-retries', ['Send event', 'Make next invocation fail'], []],
  ['async-timeout-retry', ['Send event'], ['Make next invocation fail']],
  ['sqs-batch-failure', ['Send message', 'Make next invocation fail', 'Add poison message'], []],
  ['kinesis-bisect-poison', ['Put record', 'Make next invocation fail', 'Add poison record'], []],
]

for (const [preset, enabled, disabled] of cases) {
  test(`${preset}: the command bar offers ${[...enabled, ...disabled].join(', ')}`, async ({ page }) => {
    await page.goto(`/?scenario=${preset}`)
    const bar = page.getByRole('group', { name: 'Act on the run' })
    await expect(bar.getByRole('button')).toHaveText([...enabled, ...disabled].sort((a, b) => order(a) - order(b)))
    for (const name of enabled) await expect(bar.getByRole('button', { name })).toBeEnabled()
    for (const name of disabled) await expect(bar.getByRole('button', { name })).toBeDisabled()
    if (!preset.startsWith('sqs') && !preset.startsWith('kinesis'))
      await expect(bar.getByText(/poison/i)).toHaveCount(0)
  })
}

const order = (label: string) => (/^(Send|Put)/.test(label) ? 0 : /fail$/.test(label) ? 1 : 2)

test('a poison message sent by hand appears on the stage', async ({ page }) => {
  await page.goto('/?scenario=sqs-batch-failure')
  await page.getByRole('button', { name: 'Add poison message' }).click()
  // It arrives after the producer's messages of the same millisecond.
  const token = stage(page).locator('[data-token-id="you-1"]')
  for (let i = 0; i < 60 && (await token.count()) === 0; i++) {
    const step = Number(await stage(page).getAttribute('data-step'))
    await page.getByRole('button', { name: 'Step forward' }).click()
    await expect(stage(page)).not.toHaveAttribute('data-step', String(step))
  }
  await expect(token).toHaveCount(1)
})
