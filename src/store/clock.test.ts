import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { parseScenario } from '../engine'
import { COMPARE_WORKLOADS } from '../scenarios/compareWorkloads'
import { createBrowserClock, createFakeClock, MAX_FRAME_MS, playedTime } from './clock'
import { startComparePlayback } from './comparePlayback'
import { createCompareStore } from './compareStore'
import { createSimStore, type SimStore } from './createSimStore'
import { startPlayback } from './playback'

function syncScenario() {
  const r = parseScenario({ version: 1, model: 'sync', workload: [{ atMs: 0, count: 5, everyMs: 200 }] })
  if (!r.ok) throw new Error('invalid')
  return r.scenario
}

describe('playedTime: wall time becomes played time only while playing', () => {
  it('plays each frame gap while playing, nothing while paused, and the frame after a resume plays nothing', () => {
    const clock = createFakeClock()
    let playing = false
    const played: number[] = []
    const stop = playedTime(
      clock,
      () => playing,
      (ms) => played.push(ms),
    )
    clock.tick(16)
    playing = true
    clock.tick(16) // first playing frame: a start, not a gap
    clock.tick(16)
    clock.tick(20)
    playing = false
    clock.tick(5000)
    playing = true
    clock.tick(16) // resuming must not jump by the 5 s spent paused
    clock.tick(17)
    expect(played).toEqual([16, 20, 17])
    stop()
    expect(clock.listening()).toBe(0)
  })

  it('a long frame (hidden tab) plays at most MAX_FRAME_MS', () => {
    const clock = createFakeClock()
    const played: number[] = []
    playedTime(
      clock,
      () => true,
      (ms) => played.push(ms),
    )
    clock.tick(16)
    clock.tick(60_000)
    expect(played).toEqual([MAX_FRAME_MS])
  })
})

describe('startPlayback', () => {
  it('moves the playhead clock by the played wall time times the speed, and stops when told', () => {
    const clock = createFakeClock()
    const store = createSimStore(syncScenario(), { speed: 1, beatMs: null })
    const stop = startPlayback(store, clock)
    store.getState().play()
    clock.tick(16)
    const start = store.getState().clock
    clock.tick(50)
    clock.tick(50)
    expect(store.getState().clock).toBe(start + 100)
    stop()
    clock.tick(50)
    expect(store.getState().clock).toBe(start + 100)
  })

  it('after a frame whose engine work cost more than 12 ms, defers the engine for three times that cost', () => {
    const clock = createFakeClock()
    const defers: boolean[] = []
    const store = createStore<SimStore>()(
      () =>
        ({
          playing: true,
          tick: (_ms: number, defer?: boolean) => {
            defers.push(defer === true)
            if (defers.length === 2) clock.advance(20) // an expensive frame of engine work
            return defer !== true // a deferred tick applies nothing
          },
        }) as unknown as SimStore,
    )
    startPlayback(store, clock)
    clock.tick(16) // start
    clock.tick(16) // cheap
    clock.tick(16) // costs 20 ms: the engine is free again 60 ms after this frame began
    clock.tick(16)
    clock.tick(16)
    clock.tick(16)
    expect(defers).toEqual([false, false, true, true, false])
  })
})

describe('startComparePlayback', () => {
  it('ticks the compare store by the played wall time only while playing', () => {
    const clock = createFakeClock()
    const store = createCompareStore(COMPARE_WORKLOADS[0]!, { speed: 1 })
    const ticks: number[] = []
    const real = store.getState().tick
    store.setState({
      tick: (ms: number) => {
        ticks.push(ms)
        real(ms)
      },
    })
    const stop = startComparePlayback(store, clock)
    clock.tick(16)
    store.setState({ playing: true })
    clock.tick(16)
    clock.tick(30)
    store.setState({ playing: false })
    clock.tick(30)
    expect(ticks).toEqual([30])
    stop()
    expect(clock.listening()).toBe(0)
  })
})

describe('the browser clock', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('runs one animation-frame loop for every subscriber, and none once the last one stops', () => {
    const pending = new Map<number, FrameRequestCallback>()
    let next = 1
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      pending.set(next, cb)
      return next++
    })
    vi.stubGlobal('cancelAnimationFrame', (id: number) => pending.delete(id))
    const frame = (now: number): void => {
      const due = [...pending.values()]
      pending.clear()
      for (const cb of due) cb(now)
    }
    const clock = createBrowserClock()
    const a: number[] = []
    const b: number[] = []
    const stopA = clock.frames((now) => a.push(now))
    const stopB = clock.frames((now) => b.push(now))
    expect(pending.size).toBe(1)
    frame(16)
    expect(pending.size).toBe(1)
    stopA()
    frame(32)
    expect([a, b]).toEqual([[16], [16, 32]])
    stopB()
    expect(pending.size).toBe(0)
  })

  it('delivers no frames where there are none (Node, a server render)', () => {
    vi.stubGlobal('requestAnimationFrame', undefined)
    const stop = createBrowserClock().frames(() => {
      throw new Error('no frame expected')
    })
    stop()
  })

  it('fake clock timers fire in time order and can be cancelled', () => {
    const clock = createFakeClock()
    const fired: string[] = []
    clock.after(30, () => fired.push(`b@${clock.now()}`))
    clock.after(10, () => fired.push(`a@${clock.now()}`))
    const cancel = clock.after(20, () => fired.push('never'))
    cancel()
    clock.tick(25)
    expect(fired).toEqual(['a@10'])
    clock.tick(10)
    expect(fired).toEqual(['a@10', 'b@30'])
  })
})
