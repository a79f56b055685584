import { nextStepAt } from '../engine'
import type { Command, Scenario } from '../engine'
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { LoggedCommand } from './history'
import type { MarkerKind } from './markers'
import { nextMarker } from './markers'
import { clampSpeed, idleRate } from './speed'
import * as T from './timeline'
import type { Run } from './timeline'

/** What a mounted visualizer holds: the run, the playhead clock and the playback settings. */
export interface SimStoreState {
  readonly run: Run
  /** The preset the run started from, null for a custom or edited scenario. */
  readonly presetId: string | null
  /** Virtual time (ms) of the playhead: >= the cursor's time; moves smoothly between occurrences. */
  readonly clock: number
  readonly playing: boolean
  readonly speed: number
  readonly skipIdle: boolean
  /** Token whose history is open. */
  readonly selected: string | null
  readonly notices: readonly string[]
}

export interface SimStoreActions {
  play(): void
  pause(): void
  togglePlay(): void
  stepForward(): void
  stepBack(): void
  reset(): void
  goToStep(n: number): void
  seek(t: number): void
  jumpToNext(kind: MarkerKind): boolean
  setSpeed(speed: number): void
  setSkipIdle(on: boolean): void
  /**
   * Advances the playhead by `dtMs` of wall time (called by the playback loop). With `defer`, the
   * clock may run past occurrences without applying them yet (the engine is busy: big runs); the
   * next tick without `defer`, a pause or any move applies them. Returns true when it applied some.
   */
  tick(dtMs: number, defer?: boolean): boolean
  /** Applies the occurrences a deferred clock has passed (see tick). */
  catchUp(): void
  send(command: Command): void
  /** Starts over with another validated scenario (a preset, or knobs changed before the run). */
  load(scenario: Scenario, presetId: string | null): void
  select(tokenId: string | null): void
  notify(message: string): void
  dismiss(index: number): void
}

export type SimStore = SimStoreState & SimStoreActions

export interface SimStoreOptions {
  readonly presetId?: string | null
  readonly commands?: readonly LoggedCommand[]
  readonly step?: number
  readonly speed?: number
  readonly skipIdle?: boolean
  readonly playing?: boolean
}

/** Ticks are deferred (see tick) only for runs this big: small runs always apply every frame, so they play the same on any machine. */
const DEFER_MIN_EVENTS = 2000

/** Steps the playhead may apply in one animation frame; beyond it the clock waits for the engine. */
const FRAME_STEP_BUDGET = 4000

/** One store per mounted visualizer (no module state). Throws if the scenario's model is not supported. */
export function createSimStore(scenario: Scenario, options: SimStoreOptions = {}): StoreApi<SimStore> {
  let run = T.createRun(scenario, options.commands ?? [])
  if (options.step !== undefined && options.step > 0) run = T.goToStep(run, options.step)
  return createStore<SimStore>()((set, get) => {
    const moveTo = (next: Run, clock = next.cursor.now): void => set({ run: T.lookahead(next), clock })
    return {
      run,
      presetId: options.presetId ?? null,
      clock: run.cursor.now,
      playing: options.playing ?? false,
      speed: clampSpeed(options.speed ?? 1),
      skipIdle: options.skipIdle ?? true,
      selected: null,
      notices: [],
      play() {
        const { run } = get()
        // At the end, Play starts over rather than doing nothing.
        if (run.frontier.finished && nextStepAt(run.cursor) === null) moveTo(T.reset(run))
        set({ playing: true })
      },
      pause() {
        set({ playing: false })
        get().catchUp()
      },
      catchUp() {
        const { run, clock } = get()
        const next = nextStepAt(run.cursor)
        // Only a clock that ran past an occurrence (deferred ticks) has something to apply.
        if (next === null || next >= clock) return
        set({ run: T.lookahead(T.goToTime(run, Math.floor(clock))) })
      },
      togglePlay() {
        if (get().playing) get().pause()
        else get().play()
      },
      stepForward() {
        set({ playing: false })
        get().catchUp()
        moveTo(T.stepForward(get().run))
      },
      stepBack() {
        set({ playing: false })
        get().catchUp()
        moveTo(T.stepBack(get().run))
      },
      reset() {
        set({ playing: false })
        get().catchUp()
        moveTo(T.reset(get().run))
      },
      goToStep(n) {
        moveTo(T.goToStep(get().run, n))
      },
      seek(t) {
        const time = Math.max(0, Math.floor(t))
        const next = T.goToTime(get().run, time)
        moveTo(next, Math.max(next.cursor.now, time))
      },
      jumpToNext(kind) {
        const { run } = get()
        const m = nextMarker(T.markers(run), kind, run.cursor.step)
        if (!m) return false
        set({ playing: false })
        moveTo(T.goToStep(run, m.step))
        return true
      },
      setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
      setSkipIdle: (skipIdle) => set({ skipIdle }),
      tick(dtMs, defer = false) {
        const { playing, run, clock, speed, skipIdle } = get()
        if (!playing || !(dtMs > 0)) return false
        const next = nextStepAt(run.cursor)
        if (next === null) {
          set({ playing: false, clock: Math.max(clock, run.cursor.now) })
          return false
        }
        const rate = skipIdle && run.cursor.concurrency.busy === 0 ? idleRate(speed, next - run.cursor.now) : speed
        const target = clock + Math.min(dtMs, 250) * rate
        // Deferred: the clock runs ahead of the cursor by at most about a second of wall time.
        if (target < next || (defer && run.cursor.events.length >= DEFER_MIN_EVENTS && target - run.cursor.now < 1000 * Math.max(1, speed))) {
          set({ clock: target })
          return false
        }
        const moved = T.goToTime(run, Math.floor(target), FRAME_STEP_BUDGET)
        const caught = nextStepAt(moved.cursor)
        // When the frame budget ran out, the clock waits (never goes back) until the cursor catches up.
        const newClock = caught !== null && caught <= target ? Math.max(moved.cursor.now, clock) : target
        set({ run: T.lookahead(moved), clock: newClock })
        return true
      },
      send(command) {
        const { run, clock } = get()
        set({ run: T.lookahead(T.command(run, command, Math.floor(clock))), presetId: command.type === 'configure' ? null : get().presetId })
      },
      load(scenario, presetId) {
        const fresh = T.createRun(scenario)
        set({ run: fresh, presetId, clock: 0, playing: false, selected: null })
      },
      select: (selected) => set({ selected }),
      notify: (message) => set({ notices: [...get().notices.filter((n) => n !== message), message] }),
      dismiss: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
    }
  })
}
