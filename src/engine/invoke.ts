import { edit } from './clone'
import { addAttempt, schedule, tell, touch } from './core'
import { acquireEnv, releaseEnv, type ThrottleReason } from './environments'
import { nextRandom, randomInt } from './rng'
import { envAt, eventAt, nth } from './must'
import { invocationNo, type BatchId, type EventNo, type InvocationNo } from './ids'
import type { DurationSpec } from './scenario/types'
import type { Attempt, EventRecord, HandlerEnd, Invocation, InvocationCtx, Work } from './types'

/**
 * Running the function: the generic part shared by every invocation model. A model asks to invoke
 * the function with one event (sync, async) or a batch (poll-based); this takes an environment or
 * reports the throttle, decides the handler's fate from the workload and the seeded RNG, and
 * schedules the end. Fact sheet §2.1 (Init, Invoke, timeout, reset) and §2.2 (concurrency).
 */

/** Init is capped at 10 s; past that Lambda retries it inside the invoke, under the function timeout. */
export const INIT_CAP_MS = 10000

export interface InvokeOptions {
  readonly batch: BatchId | null
  readonly ctx: InvocationCtx
  /** ReportBatchItemFailures: the handler lists failing records instead of throwing. */
  readonly partial: boolean
}

export type InvokeResult =
  | { readonly ok: true; readonly inv: Invocation }
  | { readonly ok: false; readonly reason: ThrottleReason; readonly why: string }

function drawDuration(w: Work, spec: DurationSpec): number {
  if (typeof spec === 'number') return spec
  const [v, rng] = randomInt(w.s.rng, spec.min, spec.max)
  w.s.rng = rng
  return v
}

function recordFails(ev: EventRecord): boolean {
  if (ev.fail === 'always') return true
  if (ev.fail === 'never') return false
  return ev.ran < ev.fail
}

export function startInvocation(w: Work, events: readonly EventNo[], opts: InvokeOptions): InvokeResult {
  const s = w.s
  const got = acquireEnv(s)
  if (!got.ok) return got
  const f = s.scenario.function
  const timeoutMs = f.timeout * 1000
  let handlerMs = 0
  // Pushed, not `new Array(n)` filled in: a holey array is slower to read and copy.
  const failing: boolean[] = []
  let anyFailing = false
  for (let k = 0; k < events.length; k++) {
    const ev = edit(w, nth(events, k))
    const d = drawDuration(w, ev.durationMs ?? f.durationMs)
    if (d > handlerMs) handlerMs = d
    const fails = recordFails(ev)
    failing.push(fails)
    if (fails) anyFailing = true
    ev.ran++
  }
  let forcedError = false
  if (s.failNext > 0) {
    s.failNext--
    forcedError = true
  } else if (f.errorRate > 0) {
    const [u, rng] = nextRandom(s.rng)
    s.rng = rng
    forcedError = u < f.errorRate
  }
  const cold = got.cold
  const initRetried = cold && f.initDurationMs > INIT_CAP_MS
  const handlerStartAt = s.now + (cold ? Math.min(f.initDurationMs, INIT_CAP_MS) : 0)
  // With a retried Init, the invoke phase runs Init again before the handler, all under the timeout.
  const work = initRetried ? f.initDurationMs + handlerMs : handlerMs
  const timedOut = work > timeoutMs
  const ran = timedOut ? timeoutMs : work
  const end: HandlerEnd = timedOut ? 'timeout' : forcedError || (anyFailing && !opts.partial) ? 'error' : 'success'
  const env = envAt(s, got.env)
  const inv: Invocation = {
    n: invocationNo(s.nextInvocation),
    id: `inv-${s.nextInvocation + 1}`,
    env: got.env,
    events: events.slice(),
    batch: opts.batch,
    startAt: s.now,
    handlerStartAt,
    endAt: handlerStartAt + ran,
    cold,
    initRetried,
    handlerMs: ran,
    end,
    failing,
    forcedError,
    provisioned: env.provisioned,
    ctx: opts.ctx,
  }
  s.nextInvocation++
  s.invocations[inv.n] = inv
  env.inv = inv.n
  env.served++
  const m = s.metrics
  m.Invocations++
  if (cold) m.ColdStarts++
  if (env.provisioned) m.ProvisionedConcurrencyInvocations++
  else if (f.provisionedConcurrentExecutions > 0) m.ProvisionedConcurrencySpilloverInvocations++
  for (const i of events) {
    const attempt: Attempt = {
      atMs: s.now,
      endMs: null,
      result: 'running',
      coldStart: cold,
      environment: env.id,
      batch: opts.batch ?? undefined,
      reason: undefined,
      inv: inv.n,
    }
    const ev = edit(w, i)
    addAttempt(w, i, attempt)
    ev.stage = 'running'
    ev.since = s.now
  }
  schedule(w, 'invocationEnd', inv.endAt, inv.n)
  if (w.log) logStart(w, inv)
  return { ok: true, inv }
}

function logStart(w: Work, inv: Invocation): void {
  const s = w.s
  const env = envAt(s, inv.env)
  const ids = inv.events.map((i) => eventAt(s, i).id)
  const extra = { events: ids, env: env.id, ...(inv.batch ? { batch: inv.batch } : {}) }
  const on = { inv: inv.id, env: env.id, events: ids, batch: inv.batch }
  if (inv.cold) {
    const initMs = s.scenario.function.initDurationMs
    tell(w, { kind: 'coldStart', ...on, initMs, initRetried: inv.initRetried }, extra)
  } else tell(w, { kind: 'warmStart', ...on, provisioned: env.provisioned }, extra)
}

/** Records a throttled try (no environment) for each event; counts one Throttle. */
export function recordThrottle(w: Work, events: readonly EventNo[], reason: string, batch: BatchId | null): void {
  const s = w.s
  s.metrics.Throttles++
  for (const i of events) {
    addAttempt(w, i, {
      atMs: s.now,
      endMs: s.now,
      result: 'throttled',
      coldStart: undefined,
      environment: undefined,
      batch: batch ?? undefined,
      reason,
      inv: undefined,
    })
  }
  touch(w)
}

/** The per-record attempt result of a finished invocation. */
export function recordResult(inv: Invocation, k: number): Attempt['result'] {
  if (inv.end === 'timeout') return 'timeout'
  if (inv.end === 'error') return 'error'
  return inv.failing[k] ? 'error' : 'success'
}

/**
 * invocationEnd occurrence, generic part: closes the attempts, counts Errors and Duration and
 * forgets the invocation. Returns it so the model can apply its own rules. It does not free the
 * environment: `freeEnv` does, at once after a success, in the 'settle' half after a failure.
 */
export function finishInvocation(w: Work, n: InvocationNo): Invocation | null {
  const s = w.s
  const inv = s.invocations[n]
  if (!inv) return null
  delete s.invocations[n]
  for (let k = 0; k < inv.events.length; k++) {
    const ev = edit(w, nth(inv.events, k))
    for (let j = ev.attempts.length - 1; j >= 0; j--) {
      const a = nth(ev.attempts, j)
      if (a.inv === n) {
        a.endMs = s.now
        a.result = recordResult(inv, k)
        break
      }
    }
  }
  const m = s.metrics
  if (inv.end !== 'success') m.Errors++
  // Duration is handler time (§5, spec "Metrics"): a retried Init inside the invoke is not part of it.
  const handler = inv.initRetried ? Math.max(0, inv.handlerMs - s.scenario.function.initDurationMs) : inv.handlerMs
  const key = String(handler)
  m.durationHist[key] = (m.durationHist[key] ?? 0) + 1
  m.durationCount++
  touch(w)
  return inv
}

/**
 * Frees a finished invocation's environment (a timeout resets it, so its next use runs Init again).
 * After a failure this waits for the 'settle' half: while the stage shows the failed records in
 * their environment, that environment still holds the batch, so it is drawn busy and counted in
 * ConcurrentExecutions; nothing can run between the two halves, so no run changes.
 */
export function freeEnv(w: Work, inv: Invocation): void {
  releaseEnv(w, inv.env, inv.end === 'timeout')
}

/** Any record of a finished invocation failed (the whole invocation, or items it reported). */
export function failedAny(inv: Invocation): boolean {
  return inv.end !== 'success' || inv.failing.includes(true)
}

/** Indices of the records a finished invocation failed. */
export function failedRecords(inv: Invocation): EventNo[] {
  return inv.events.filter((_, k) => recordResult(inv, k) !== 'success')
}

/**
 * The first half of a failed invocation's end (see sim.ts 'settle'): says that the attempt failed,
 * where, and that what happens next follows. The model's own rules run in the second half.
 */
export function showFailure(w: Work, inv: Invocation): void {
  if (!w.log) return
  const s = w.s
  const ids = failedRecords(inv).map((i) => eventAt(s, i).id)
  const env = envAt(s, inv.env).id
  tell(
    w,
    {
      kind: 'attemptFailed',
      inv: inv.id,
      env,
      events: ids,
      records: inv.events.length,
      batch: inv.batch,
      end: inv.end,
    },
    { events: ids, env, batch: inv.batch ?? undefined },
  )
}
