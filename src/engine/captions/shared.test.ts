import { describe, expect, it } from 'vitest'
import { accept } from '../scenario/test-helpers'
import { sharedCaption } from './shared'

/** Wording checks for the shared facts: rule tests (__tests__/sharedFacts.test.ts) assert the facts. */
describe('shared captions', () => {
  const sc = accept({ version: 1, model: 'sqs', workload: [], function: { timeout: 7 } })
  const one = { inv: 'inv-1', env: 'env-2', events: ['evt-1'], batch: null }
  const batch = { inv: 'inv-2', env: 'env-3', events: ['m-1', 'm-2'], batch: 'batch-4' }
  const failedOne = { ...one, records: 1 }

  it('§2.1 cold start: a new environment and how long Init takes, or that Init past 10 s is retried under the timeout', () => {
    const c = sharedCaption({ kind: 'coldStart', ...one, initMs: 1500, initRetried: false }, sc)
    expect(c.type).toBe('coldStart')
    expect(c.ref.section).toBe('§2.1')
    expect(c.text).toBe(
      'Cold start: evt-1 gets a new execution environment env-2. Init takes 1.5 s before the handler runs.',
    )
    expect(sharedCaption({ kind: 'coldStart', ...batch, initMs: 12000, initRetried: true }, sc).text).toBe(
      'Cold start: batch batch-4 (2 records) gets a new execution environment env-3. Init ran past the 10 s cap, so Lambda retries it inside the invoke, under the 7 s timeout.',
    )
  })

  it('§2.1 warm reuse and §2.2 provisioned: no Init, with the page that explains which', () => {
    const warm = sharedCaption({ kind: 'warmStart', ...one, provisioned: false }, sc)
    expect(warm.type).toBe('invoked')
    expect(warm.text).toBe('evt-1 runs in a warm environment, env-2: no Init, the handler starts at once.')
    const pc = sharedCaption({ kind: 'warmStart', ...batch, events: ['m-1'], provisioned: true }, sc)
    expect(pc.ref.url).toMatch(/provisioned-concurrency/)
    expect(pc.text).toBe(
      'batch batch-4 (1 record) runs in a provisioned (pre-initialized) environment, env-3: no Init, the handler starts at once.',
    )
  })

  it('§1.3 a failed attempt: throws, times out, or reports failed items', () => {
    expect(sharedCaption({ kind: 'attemptFailed', ...failedOne, end: 'error' }, sc).text).toBe(
      'evt-1 fails: the handler throws in env-2. Next: what Lambda does with the failure.',
    )
    expect(sharedCaption({ kind: 'attemptFailed', ...failedOne, end: 'timeout' }, sc).text).toBe(
      'evt-1 times out after 7 s in env-2. Next: what Lambda does with the failure.',
    )
    expect(sharedCaption({ kind: 'attemptFailed', ...batch, records: 2, end: 'success' }, sc).text).toBe(
      'batch-4 (2 records) reports all 2 items failed (m-1, m-2) in env-3. Next: what Lambda does with the failure.',
    )
  })

  it('§4.2 partial batch response (§6 scenario 8): the caption counts the batch, not only its failed items', () => {
    const ten = { ...batch, events: ['bad-1', 'bad-2'], records: 10 }
    expect(sharedCaption({ kind: 'attemptFailed', ...ten, end: 'success' }, sc).text).toBe(
      'batch-4 (10 records) reports 2 failed items (bad-1, bad-2) in env-3. Next: what Lambda does with the failure.',
    )
    expect(sharedCaption({ kind: 'attemptFailed', ...ten, events: ['bad-1'], end: 'success' }, sc).text).toBe(
      'batch-4 (10 records) reports 1 failed item (bad-1) in env-3. Next: what Lambda does with the failure.',
    )
    const many = { ...ten, events: ['a', 'b', 'c', 'd'] }
    expect(sharedCaption({ kind: 'attemptFailed', ...many, end: 'success' }, sc).text).toBe(
      'batch-4 (10 records) reports 4 failed items in env-3. Next: what Lambda does with the failure.',
    )
    // A thrown error fails the whole batch: its size, once.
    expect(sharedCaption({ kind: 'attemptFailed', ...batch, records: 2, end: 'error' }, sc).text).toBe(
      'batch-4 (2 records) fails: the handler throws in env-3. Next: what Lambda does with the failure.',
    )
  })

  it('§2.1 scale-down: the idle time and the cold start that follows', () => {
    const c = sharedCaption({ kind: 'envReclaimed', env: 'env-5', idleMs: 600000 }, sc)
    expect(c.type).toBe('reclaimed')
    expect(c.text).toBe(
      'env-5 was idle for 10 min; Lambda shuts it down. The next request that needs it gets a cold start.',
    )
  })

  it('commands are told as what you did', () => {
    expect(sharedCaption({ kind: 'eventSent', event: 'you-3' }, sc)).toMatchObject({
      type: 'command',
      text: 'You send an event by hand (you-3).',
    })
    expect(sharedCaption({ kind: 'failNextArmed', pending: 2 }, sc).text).toBe(
      'The next invocation will throw an error.',
    )
    expect(sharedCaption({ kind: 'configChanged', provisionedAdded: 0 }, sc).text).toBe(
      'You change the configuration; it applies from now on.',
    )
  })
})
