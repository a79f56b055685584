import { advance, dispatch, nextStepAt } from '../engine'
import type { Command, SimState, Transition } from '../engine'
import { decode, deltaBytes, encode } from './delta'

/**
 * Time travel over a deterministic run (STYLE.md 3.3). The source of truth is the initial state
 * plus the command log; checkpoints (a state every `every` steps) are a cache. Any step is reached
 * from the nearest checkpoint at or before it, so stepping back or scrubbing costs at most one
 * checkpoint interval of replay. States are pure values (the engine copies on write, sharing
 * the event records a step leaves alone).
 *
 * Two kinds of checkpoint (a cache both): `checkpoints`, whole states every `every` steps (thinned to
 * a byte budget), and `fine`, a chain of states each stored as its difference from the one before
 * (delta.ts), every few hundred steps. A fine checkpoint is rebuilt from the whole checkpoint at
 * or before it plus the differences in between, so a step back or a scrub at step 100,000 of a
 * 100,000-event run replays at most one fine interval (FINE_MAX_STEPS).
 *
 * Convention: a stored state "at step n" has every command logged at step n already applied.
 */

/** A user command, made when the run was at `step` with the clock at `at` (ms). */
export interface LoggedCommand {
  readonly step: number
  readonly at: number
  readonly command: Command
}

/** A transition with the step that produced it (the engine tags it; commands: the step they were made at). */
export type LoggedTransition = Transition

export interface History {
  readonly commands: readonly LoggedCommand[]
  /** Sorted by step; the first is step 0 (always there). Every one is also a fine checkpoint. */
  readonly checkpoints: readonly SimState[]
  readonly every: number
  readonly fine: FineChain
}

/** One fine checkpoint: the state at `step` (time `now`) as its difference from the previous one. */
export interface FineEntry {
  readonly step: number
  readonly now: number
  /** delta.ts encoding against the previous entry's state (null for the first, a whole checkpoint). */
  readonly enc: unknown
}

export interface FineChain {
  /** Sorted by step; the first is step 0. */
  readonly entries: readonly FineEntry[]
  /** The state of the last entry, whole (the next entry is encoded against it). */
  readonly tail: SimState
}

/**
 * The custom element's build (vite.element.config.ts defines __LEM_ELEMENT__) keeps no fine chain:
 * an embed plays presets of tens of events, where whole checkpoints alone replay a few steps, and
 * delta.ts stays out of its size budget. It then starts every replay from the whole checkpoint at
 * or before the target, as the store did before fine checkpoints.
 */
const ELEMENT = typeof __LEM_ELEMENT__ !== 'undefined' && __LEM_ELEMENT__

/** Fewest steps between two fine checkpoints. */
export const FINE_EVERY = 64
/**
 * Steps between fine checkpoints for a state this big: a power of two, at least events / 64 (the
 * rule of fitInterval), so the engine call that stops there (it copies the per-event arrays, about
 * 30 ns per event) costs less than the steps it runs. 2,048 at 100,000 events.
 */
export function fineEvery(s: SimState): number {
  let every = FINE_EVERY
  while (every < s.events.length / 64) every *= 2
  return every
}

/** A chain holding only the first state. */
export function startChain(first: SimState): FineChain {
  return { entries: [{ step: first.step, now: first.now, enc: null }], tail: first }
}

/** Adds states after the chain's last entry (in step order), each as its difference from the one before. */
export function extendChain(c: FineChain, states: readonly SimState[]): FineChain {
  if (ELEMENT) return c
  let tail = c.tail
  let entries: FineEntry[] | null = null
  for (const s of states) {
    if (s.step <= tail.step) continue
    const enc = encode(s, tail)
    entries ??= c.entries.slice()
    entries.push({ step: s.step, now: s.now, enc })
    tail = s
  }
  return entries ? { entries, tail } : c
}

/** Index of the last entry whose key is <= x (entries are sorted by step, and so by time). */
function lastAtOrBefore(
  entries: readonly { readonly step: number; readonly now: number }[],
  x: number,
  key: 'step' | 'now',
): number {
  let lo = 0
  let hi = entries.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((entries[mid]?.[key] ?? Infinity) <= x) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Rebuilds the state of fine entry `k`: the whole checkpoint at or before it plus the differences after it. */
function fineState(h: History, k: number): SimState {
  const entries = h.fine.entries
  const e = entries[k]
  if (!e) return initial(h)
  if (k === entries.length - 1) return h.fine.tail
  const base = checkpointAtOrBefore(h, e.step)
  if (base.step === e.step) return base
  let i = lastAtOrBefore(entries, base.step, 'step')
  if (entries[i]?.step !== base.step) throw new Error(`checkpoint at step ${base.step} is not in the fine chain`)
  const owned = new WeakSet<object>()
  let s: unknown = base
  for (i++; i <= k; i++) s = decode(entries[i]?.enc, s, owned)
  return s as SimState
}

/** Bytes the fine chain keeps (its differences). */
export function fineBytes(c: FineChain): number {
  let n = 0
  for (const e of c.entries) n += 48 + deltaBytes(e.enc)
  return n
}

export interface ForwardTarget {
  readonly step?: number
  /** Apply every occurrence with time <= time (the clock), never one after. */
  readonly time?: number
}

export interface ForwardResult {
  readonly state: SimState
  readonly transitions: readonly LoggedTransition[]
  /** States passed at multiples of `every` (new checkpoint candidates). */
  readonly passed: readonly SimState[]
}

/** Applies the commands logged at the state's step (a state just reached by occurrences). */
export function applyCommands(
  commands: readonly LoggedCommand[],
  s: SimState,
  collect: boolean,
): { state: SimState; transitions: LoggedTransition[] } {
  let state = s
  const transitions: LoggedTransition[] = []
  for (const c of commands) {
    if (c.step !== s.step) continue
    // The clock may have moved past the last occurrence before the command was made.
    if (c.at > state.now) state = advance(state, { steps: 0, until: c.at, collect: false }).state
    const r = dispatch(state, c.command)
    state = r.state
    if (collect) for (const t of r.transitions) transitions.push(t)
  }
  return { state, transitions }
}

function nextCommandStep(commands: readonly LoggedCommand[], step: number): number {
  let best = Number.POSITIVE_INFINITY
  for (const c of commands) if (c.step > step && c.step < best) best = c.step
  return best
}

/**
 * Runs forward from `from` to the target step, or through every occurrence up to the target time,
 * applying logged commands at their steps, in chunks of up to `every` steps (`single`: one step).
 * Transitions carry the exact step that produced them (the engine tags them), whatever the chunk.
 */
export function forward(
  h: History,
  from: SimState,
  target: ForwardTarget,
  opts: { collect: boolean; single?: boolean; maxSteps?: number; replay?: boolean; shareWith?: SimState },
): ForwardResult {
  let s = from
  const transitions: LoggedTransition[] = []
  const passed: SimState[] = []
  const goal = Math.min(
    target.step ?? Number.POSITIVE_INFINITY,
    from.step + (opts.maxSteps ?? Number.POSITIVE_INFINITY),
  )
  for (;;) {
    if (s.step >= goal) break
    const next = nextStepAt(s)
    if (next === null || (target.time !== undefined && next > target.time)) break
    // A replay runs to the target in one engine call (each call copies the per-event arrays);
    // computing ahead stops at every fine checkpoint to keep it.
    const fine = opts.replay ? Number.POSITIVE_INFINITY : ELEMENT ? h.every : fineEvery(s)
    const boundary = Math.min(goal, nextCommandStep(h.commands, s.step), (Math.floor(s.step / fine) + 1) * fine)
    const chunk = opts.single ? 1 : boundary - s.step
    // Up to a time: every occurrence at or before it, the clock left on the last one (states stay
    // canonical: the same as reached by steps).
    const r =
      target.time === undefined
        ? advance(s, { steps: chunk, collect: opts.collect, shareWith: opts.shareWith })
        : advance(s, {
            steps: chunk,
            until: target.time,
            keepClock: true,
            collect: opts.collect,
            shareWith: opts.shareWith,
          })
    if (r.state.step === s.step) break
    const cmds = applyCommands(h.commands, r.state, opts.collect)
    if (opts.collect) for (const t of [r.transitions, cmds.transitions]) for (const x of t) transitions.push(x)
    s = cmds.state
    if (!opts.replay && s.step % (ELEMENT ? h.every : fineEvery(s)) === 0) passed.push(s)
  }
  return { state: s, transitions, passed }
}

/** The step-0 checkpoint, which every history has. */
function initial(h: History): SimState {
  const first = h.checkpoints[0]
  if (!first) throw new Error('A history without its step-0 checkpoint')
  return first
}

/** The last checkpoint at or before `step`. */
export function checkpointAtOrBefore(h: History, step: number): SimState {
  let lo = 0
  let hi = h.checkpoints.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((h.checkpoints[mid]?.step ?? Infinity) <= step) lo = mid
    else hi = mid - 1
  }
  return h.checkpoints[lo] ?? initial(h)
}

/** The state at step n (or the last reachable step before it when the run ends first). */
export function stateAtStep(h: History, n: number, near?: SimState): SimState {
  if (ELEMENT) {
    const base = checkpointAtOrBefore(h, n)
    const from = near && near.step <= n && near.step >= base.step ? near : base
    return forward(h, from, { step: n }, { collect: false, replay: true }).state
  }
  return forward(h, replayStart(h, n, near), { step: n }, { collect: false, replay: true }).state
}

/** The state stateAtStep replays from towards step n: `near` when it is usable and no further back than the fine checkpoint at or before n. */
export function replayStart(h: History, n: number, near?: SimState): SimState {
  const k = lastAtOrBefore(h.fine.entries, n, 'step')
  const at = h.fine.entries[k]?.step ?? 0
  return near && near.step <= n && near.step >= at ? near : fineState(h, k)
}

/** The state after every occurrence with time <= t. */
export function stateAtTime(h: History, t: number, near?: SimState): SimState {
  if (ELEMENT) {
    const base = h.checkpoints[lastAtOrBefore(h.checkpoints, t, 'now')] ?? initial(h)
    const from = near && near.now <= t && near.step >= base.step ? near : base
    return forward(h, from, { time: t }, { collect: false, replay: true }).state
  }
  return forward(h, replayStartAt(h, t, near), { time: t }, { collect: false, replay: true }).state
}

/** The state stateAtTime replays from towards time t (as replayStart, by time). */
export function replayStartAt(h: History, t: number, near?: SimState): SimState {
  const entries = h.fine.entries
  const k = lastAtOrBefore(entries, t, 'now')
  const at = entries[k]?.step ?? 0
  return near && near.now <= t && near.step >= at ? near : fineState(h, k)
}

/**
 * Adds states passed at fine boundaries: every one to the fine chain, those at multiples of
 * `every` as whole checkpoints too (kept sorted; duplicates by step ignored).
 */
export function withCheckpoints(h: History, states: readonly SimState[]): History {
  let last = (h.checkpoints[h.checkpoints.length - 1] ?? initial(h)).step
  const fine = extendChain(h.fine, states)
  const add = states.filter((s) => {
    if (s.step <= last || s.step % h.every !== 0) return false
    last = s.step
    return true
  })
  if (add.length === 0) return fine === h.fine ? h : { ...h, fine }
  return { ...h, fine, checkpoints: [...h.checkpoints, ...add] }
}

/**
 * Rough bytes a checkpoint adds to the cache. States share their event records (the engine copies
 * a record only when a step changes it), so a checkpoint costs its arrays (one slot per event in
 * `events` and in each per-event model array), its environments and pending work, and the records
 * changed since the previous checkpoint (at most a few per step).
 */
export function estimateBytes(s: SimState): number {
  return (
    4000 + s.events.length * 72 + s.queue.length * 80 + s.envs.length * 200 + Object.keys(s.invocations).length * 300
  )
}

/**
 * Widens the checkpoint interval for big states: one engine call copies the state's arrays (about
 * 30 ns per event), so chunks of at least `events / 64` steps keep that copy below the cost of the
 * steps themselves. Keeps the checkpoints at multiples of the new interval (they are a cache).
 */
export function fitInterval(h: History, s: SimState): History {
  let every = h.every
  while (every < s.events.length / 64) every *= 2
  if (every === h.every) return h
  return { ...h, every, checkpoints: h.checkpoints.filter((c, i) => i === 0 || c.step % every === 0) }
}

/** Keeps every other checkpoint (and doubles the interval) while the cache is over budget. */
export function thin(h: History, budgetBytes: number): History {
  let out = h
  for (;;) {
    const total = out.checkpoints.reduce((sum, s) => sum + estimateBytes(s), 0)
    if (total <= budgetBytes || out.checkpoints.length <= 2) return out
    const every = out.every * 2
    out = { ...out, every, checkpoints: out.checkpoints.filter((s, i) => i === 0 || s.step % every === 0) }
  }
}

/**
 * A command at the cursor. The future is dropped (later checkpoints and commands): the new state
 * becomes the last checkpoint and the run is recomputed from it.
 */
export function fork(
  h: History,
  cursor: SimState,
  command: LoggedCommand,
): { history: History; state: SimState; transitions: LoggedTransition[] } {
  const commands = [...h.commands.filter((c) => c.step <= cursor.step), command]
  const r = applyCommands([command], cursor, true)
  const checkpoints = [...h.checkpoints.filter((s) => s.step < cursor.step), r.state]
  // The chain keeps its entries before the cursor and goes on from the new state.
  const keep = h.fine.entries.filter((e) => e.step < cursor.step)
  const chain =
    keep.length === 0 || ELEMENT
      ? startChain(r.state)
      : extendChain({ entries: keep, tail: fineState(h, keep.length - 1) }, [r.state])
  const history = { ...h, commands, checkpoints, fine: chain }
  return { history, state: r.state, transitions: r.transitions }
}
