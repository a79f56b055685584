import { nextStepAt } from '../engine'
import type { Command, Scenario } from '../engine'
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { LoggedCommand } from './history'
import type { MarkerKind } from './markers'
import { nextMarker } from './markers'
import { beatOf } from './beats'
import { shownIndex, shownTotal } from './folds'
import { clampBeatMs, clampSpeed, DEFAULT_BEAT_MS, idleRate } from './speed'
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
  /** Time pace: virtual ms per wall ms (used when `beatMs` is null). */
  readonly speed: number
  /** Beat pace: Play shows one beat every `beatMs` wall ms (beats.ts); null plays by time at `speed`. */
  readonly beatMs: number | null
  /** Wall ms the current beat has been shown while playing at a beat pace. */
  readonly held: number
  /** Step forward / back move by single steps (occurrences) instead of beats. */
  readonly fineSteps: boolean
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
  /** One step (occurrence) forward / back, whatever `fineSteps` says (Shift+→ / Shift+←). */
  fineForward(): void
  fineBack(): void
  setFineSteps(on: boolean): void
  /** A beat pace (ms per beat), or null to play by time at `speed`. */
  setBeatPace(ms: number | null): void
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
  readonly beatMs?: number | null
  readonly skipIdle?: boolean
  readonly playing?: boolean
}

/**
 * Ticks are deferred (see tick) only for runs this big: small runs always apply every frame, so
 * they play the same on any machine.
 */
export const DEFER_MIN_EVENTS = 2000

/** Steps the playhead may apply in one animation frame; beyond it the clock waits for the engine. */
const FRAME_STEP_BUDGET = 4000

/** One store per mounted visualizer (no module state). */
export function createSimStore(scenario: Scenario, options: SimStoreOptions = {}): StoreApi<SimStore> {
  let run = T.createRun(scenario, options.commands ?? [])
  if (options.step !== undefined && options.step > 0) run = T.goToStep(run, options.step)
  return createStore<SimStore>()((set, get) => {
    const moveTo = (next: Run, clock = next.cursor.now): void => set({ run: T.lookahead(next), clock })
    /**
     * Play at a beat pace: hold each beat `beatMs` of wall time (the clock sweeping towards the
     * next), then show the next.
     */
    const beatTick = (dt: number, beatMs: number): boolean => {
      const { run, held } = get()
      const { run: r, end } = T.nextBeat(run)
      if (end === null) {
        set({ run: r, playing: false, held: 0 })
        return false
      }
      const h = held + dt
      if (h < beatMs) {
        const endAt = T.timeOfStep(r, end) ?? r.cursor.now
        set({ run: r, held: h, clock: r.cursor.now + (endAt - r.cursor.now) * (h / beatMs) })
        return false
      }
      moveTo(T.goToStep(r, end))
      set({ held: 0 })
      return true
    }
    return {
      run,
      presetId: options.presetId ?? null,
      clock: run.cursor.now,
      playing: options.playing ?? false,
      speed: clampSpeed(options.speed ?? 1),
      beatMs: clampBeatMs(options.beatMs === undefined ? DEFAULT_BEAT_MS : options.beatMs),
      held: 0,
      fineSteps: false,
      skipIdle: options.skipIdle ?? true,
      selected: null,
      notices: [],
      play() {
        const { run } = get()
        // At the end, Play starts over rather than doing nothing.
        if (run.frontier.finished && nextStepAt(run.cursor) === null) moveTo(T.reset(run))
        // At a beat pace the first beat shows at once: pressing Play means "go".
        set({ playing: true, held: get().beatMs ?? 0 })
      },
      pause() {
        const { beatMs, run, clock } = get()
        const next = nextStepAt(run.cursor)
        // At a beat pace the clock only sweeps ahead for show: it never applies what it passed.
        if (beatMs !== null && next !== null && clock > next) set({ clock: Math.max(run.cursor.now, next) })
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
        if (get().fineSteps) return get().fineForward()
        get().pause()
        moveTo(T.beatForward(get().run))
      },
      stepBack() {
        if (get().fineSteps) return get().fineBack()
        get().pause()
        moveTo(T.beatBack(get().run))
      },
      fineForward() {
        get().pause()
        moveTo(T.stepForward(get().run))
      },
      fineBack() {
        get().pause()
        moveTo(T.stepBack(get().run))
      },
      setFineSteps: (fineSteps) => set({ fineSteps }),
      setBeatPace: (ms) => set({ beatMs: clampBeatMs(ms), held: 0 }),
      reset() {
        get().pause()
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
        let { run } = get()
        // A turning point may lie past what is computed ahead (a day of retries): compute on to it.
        if (!nextMarker(T.markers(run), kind, run.cursor.step) && !run.frontier.finished) run = T.computeAll(run)
        const m = nextMarker(T.markers(run), kind, run.cursor.step)
        if (!m) return false
        set({ playing: false })
        moveTo(T.goToStep(run, m.step))
        return true
      },
      setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
      setSkipIdle: (skipIdle) => set({ skipIdle }),
      tick(dtMs, defer = false) {
        const { playing, run, clock, speed, skipIdle, beatMs } = get()
        if (!playing || !(dtMs > 0)) return false
        if (beatMs !== null) return beatTick(Math.min(dtMs, 250), beatMs)
        const next = nextStepAt(run.cursor)
        if (next === null) {
          set({ playing: false, clock: Math.max(clock, run.cursor.now) })
          return false
        }
        const rate = skipIdle && run.cursor.concurrency.busy === 0 ? idleRate(speed, next - run.cursor.now) : speed
        const target = clock + Math.min(dtMs, 250) * rate
        // Deferred: the clock runs ahead of the cursor by at most about a second of wall time.
        if (
          target < next ||
          (defer && run.cursor.events.length >= DEFER_MIN_EVENTS && target - run.cursor.now < 1000 * Math.max(1, speed))
        ) {
          set({ clock: target })
          return false
        }
        const moved = T.goToTime(run, Math.floor(target), FRAME_STEP_BUDGET)
        const caught = nextStepAt(moved.cursor)
        // When the frame budget ran out, the clock waits (never goes back) until the cursor catches up.
        const newClock = caught !== null && caught <= target ? Math.max(moved.cursor.now, clock) : target
        // A big run computes ahead about as much as this tick moved, every tick, rather than
        // LOOKAHEAD steps at once every few ticks: the frames of a fast play cost about the same.
        const big = moved.cursor.events.length >= DEFER_MIN_EVENTS
        const ahead = big ? T.lookahead(moved, moved.cursor.step - run.cursor.step + 64) : T.lookahead(moved)
        set({ run: ahead, clock: newClock })
        return true
      },
      send(command) {
        const { run, clock } = get()
        set({
          run: T.lookahead(T.command(run, command, Math.floor(clock))),
          presetId: command.type === 'configure' ? null : get().presetId,
        })
      },
      load(scenario, presetId) {
        const fresh = T.createRun(scenario)
        set({ run: fresh, presetId, clock: 0, playing: false, selected: null, held: 0 })
      },
      select: (selected) => set({ selected }),
      notify: (message) => set({ notices: [...get().notices.filter((n) => n !== message), message] }),
      dismiss: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
    }
  })
}

/**
 * Where the cursor is in shown beats (a fold counts as one: folds.ts): "beat 7 / 23" (total null
 * while the run is still computed ahead).
 */
export interface BeatPosition {
  readonly beat: number
  readonly total: number | null
  /** The beat index stopped (a very long run): count steps instead. */
  readonly byStep: boolean
  /** Nothing is left to happen: the run finished and the cursor is at its end. */
  readonly finished: boolean
}

export function beatPosition(run: Run): BeatPosition {
  const b = run.frontier.beats
  const step = run.cursor.step
  const byStep = b.full && step > b.upTo
  return {
    beat: byStep ? step : shownIndex(run.frontier.folds, beatOf(b, step)),
    total: byStep ? null : shownTotal(b, run.frontier.folds),
    byStep,
    finished: nextStepAt(run.cursor) === null,
  }
}
