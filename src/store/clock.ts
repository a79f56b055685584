/**
 * The one place wall time enters the app. Everything that moves with real time (both playbacks,
 * the stage's redraw pacing) reads it from a WallClock, so a test can drive it with a fake one
 * (createFakeClock) and the engine and the store stay free of the wall clock.
 */
export interface WallClock {
  /** Milliseconds from a monotonic origin (performance.now in a browser). */
  now(): number
  /** Calls `onFrame(now)` on every animation frame until the returned function is called. */
  frames(onFrame: (now: number) => void): () => void
  /** Calls `fn` once after `ms`, unless the returned function is called first. */
  after(ms: number, fn: () => void): () => void
}

/** A frame longer than this (a hidden tab, a debugger pause) counts as this much played time. */
export const MAX_FRAME_MS = 100

/**
 * Calls `onPlayed(ms)` on each frame while `isPlaying()` with the wall time since the previous
 * playing frame (at most MAX_FRAME_MS). The first frame after a pause plays nothing: resuming
 * must not jump by the time spent paused. Returns a stop function.
 */
export function playedTime(clock: WallClock, isPlaying: () => boolean, onPlayed: (ms: number) => void): () => void {
  let last: number | null = null
  return clock.frames((now) => {
    if (!isPlaying()) {
      last = null
      return
    }
    if (last !== null) onPlayed(Math.min(now - last, MAX_FRAME_MS))
    last = now
  })
}

/**
 * The browser's clock: one requestAnimationFrame loop shared by every subscriber on the page (a
 * page with several visualizers runs one loop), running only while someone listens. Without
 * animation frames (a test in Node, a server render) frames never come.
 */
export function createBrowserClock(): WallClock {
  const listeners = new Set<(now: number) => void>()
  let frame = 0
  const loop = (now: number): void => {
    for (const l of Array.from(listeners)) l(now)
    frame = listeners.size > 0 ? requestAnimationFrame(loop) : 0
  }
  return {
    now: () => performance.now(),
    frames(onFrame) {
      if (typeof requestAnimationFrame === 'undefined') return () => {}
      // A fresh wrapper per call: the same function may subscribe twice and stop each on its own.
      const l = (now: number): void => onFrame(now)
      listeners.add(l)
      if (frame === 0) frame = requestAnimationFrame(loop)
      return () => {
        listeners.delete(l)
        if (listeners.size === 0 && frame !== 0) {
          cancelAnimationFrame(frame)
          frame = 0
        }
      }
    },
    after(ms, fn) {
      const t = setTimeout(fn, ms)
      return () => clearTimeout(t)
    },
  }
}

export const browserClock: WallClock = createBrowserClock()

export interface FakeClock extends WallClock {
  /** Moves time forward by `ms`, firing due timers in order, then delivers one frame at the new time. */
  tick(ms: number): void
  /** Moves time forward by `ms`, firing due timers in order, without a frame (time spent inside a frame). */
  advance(ms: number): void
  /** Listeners currently attached (to check that stopping detaches). */
  readonly listening: () => number
}

/** A clock for tests: time moves only when told. */
export function createFakeClock(start = 0): FakeClock {
  let time = start
  let nextId = 0
  const listeners = new Set<(now: number) => void>()
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => time,
    frames(onFrame) {
      const l = (now: number): void => onFrame(now)
      listeners.add(l)
      return () => {
        listeners.delete(l)
      }
    },
    after(ms, fn) {
      const id = nextId++
      timers.set(id, { at: time + Math.max(0, ms), fn })
      return () => {
        timers.delete(id)
      }
    },
    advance,
    tick(ms) {
      advance(ms)
      for (const l of Array.from(listeners)) l(time)
    },
    listening: () => listeners.size,
  }
  function advance(ms: number): void {
    const end = time + ms
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | null = null
      for (const e of timers) if (e[1].at <= end && (due === null || e[1].at < due[1].at)) due = e
      if (due === null) break
      timers.delete(due[0])
      time = due[1].at
      due[1].fn()
    }
    time = end
  }
}
