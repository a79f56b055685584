import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NEVER, QUIET_MS, whenQuiet } from './whenQuiet'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('whenQuiet: measure a change at once, or once changes stop', () => {
  it('the first run and a change right after it measure at once; a third change within QUIET_MS waits until they stop', () => {
    const at = { current: NEVER }
    const log: string[] = []
    const run = (name: string) =>
      whenQuiet(
        at,
        () => void log.push(`watch ${name}`),
        () => log.push(`meanwhile ${name}`),
      )
    run('first frame')
    vi.advanceTimersByTime(50)
    run('step 1')
    vi.advanceTimersByTime(50)
    const cancel = run('step 2')
    expect(log).toEqual(['watch first frame', 'watch step 1', 'meanwhile step 2'])
    vi.advanceTimersByTime(QUIET_MS)
    expect(log.at(-1)).toBe('watch step 2')
    cancel()
  })

  it('a change that comes before the wait is over cancels the pending measurement (the cleanup), and the last one is measured', () => {
    const at = { current: NEVER }
    const watched: number[] = []
    const stop: (() => void)[] = []
    whenQuiet(at, () => void watched.push(0))
    stop.push(whenQuiet(at, () => void watched.push(1)))
    for (let i = 2; i < 6; i++) {
      vi.advanceTimersByTime(100)
      stop.at(-1)?.()
      stop.push(whenQuiet(at, () => void watched.push(i)))
    }
    vi.advanceTimersByTime(QUIET_MS)
    expect(watched).toEqual([0, 1, 5])
  })

  it("the watcher's own cleanup runs with the returned one", () => {
    const at = { current: NEVER }
    const off = vi.fn()
    whenQuiet(at, () => off)()
    expect(off).toHaveBeenCalledTimes(1)
  })
})
