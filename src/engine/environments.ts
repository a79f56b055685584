import { schedule, tell } from './core'
import { envId, envNo, type EnvNo } from './ids'
import { envAt, nth } from './must'
import type { Env, SimState, Work } from './types'

/**
 * Execution environments and concurrency (fact sheet §2): one request per environment, warm reuse,
 * idle reclaim, reserved and account limits, provisioned concurrency with spillover, and the
 * per-function scaling rate as a token bucket that only new on-demand environments draw from.
 */

export const UNIT = 10000 // bucket units per environment: integer math, no float drift

export type Acquired =
  | { readonly ok: true; readonly env: EnvNo; readonly cold: boolean }
  | { readonly ok: false; readonly reason: ThrottleReason; readonly why: string }

export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded'
  | 'ReservedFunctionInvocationRateLimitExceeded'

/** The function's concurrency cap: reserved concurrency when set, else the account limit. */
export function concurrencyCap(s: SimState): number {
  const reserved = s.scenario.function.reservedConcurrentExecutions
  return reserved ?? s.scenario.account.concurrencyLimit
}

export function refillBucket(s: SimState): void {
  const rate = s.scenario.account.scalingRatePer10s
  const cap = rate * UNIT
  const units = s.concurrency.bucketUnits + (s.now - s.concurrency.bucketAt) * rate
  s.concurrency.bucketUnits = units > cap ? cap : units
  s.concurrency.bucketAt = s.now
}

export function createProvisioned(s: SimState, n = s.scenario.function.provisionedConcurrentExecutions): void {
  for (let i = 0; i < n; i++) {
    const env = newEnv(s, true)
    env.state = 'idle'
    s.concurrency.idleProvisioned.push(env.n)
  }
}

function newEnv(s: SimState, provisioned: boolean): Env {
  const n = envNo(s.envs.length)
  const env: Env = {
    id: envId(`env-${n + 1}`),
    n,
    provisioned,
    state: 'busy',
    needsInit: !provisioned,
    createdAt: s.now,
    idleSince: s.now,
    idleGen: 0,
    reclaimPending: false,
    inv: -1,
    served: 0,
    reclaimedAt: null,
  }
  s.envs.push(env)
  return env
}

/**
 * Takes an environment for one invocation, or says why Lambda throttles. Order: the concurrency
 * cap (reserved, else account), then an idle provisioned environment, then a warm on-demand one,
 * then a new one if the scaling bucket has a token. The caller marks it busy with an invocation.
 */
export function acquireEnv(s: SimState): Acquired {
  const f = s.scenario.function
  const reserved = f.reservedConcurrentExecutions
  const c = s.concurrency
  if (reserved !== null && c.busy >= reserved) {
    return {
      ok: false,
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      why:
        reserved === 0
          ? 'reserved concurrency is 0, so every invocation is throttled'
          : `reserved concurrency ${reserved} is all in use`,
    }
  }
  if (c.busy >= s.scenario.account.concurrencyLimit) {
    return {
      ok: false,
      reason: 'ConcurrentInvocationLimitExceeded',
      why: `the account concurrency limit ${s.scenario.account.concurrencyLimit} is all in use`,
    }
  }
  const pc = idleProvisioned(s)
  if (pc !== undefined) return take(s, pc, false)
  const warm = c.idleOnDemand.pop()
  if (warm !== undefined) return take(s, warm, false)
  refillBucket(s)
  if (c.bucketUnits < UNIT) {
    return {
      ok: false,
      reason: reserved !== null ? 'ReservedFunctionInvocationRateLimitExceeded' : 'FunctionInvocationRateLimitExceeded',
      why: `the function may add only ${s.scenario.account.scalingRatePer10s} new environments per 10 s and none is free yet`,
    }
  }
  c.bucketUnits -= UNIT
  const env = newEnv(s, false)
  return take(s, env.n, true)
}

/**
 * The idle provisioned environment to use: the most recently freed one that is initialised; one
 * reset by a timeout (it needs Init again) only when no initialised one is idle.
 */
function idleProvisioned(s: SimState): EnvNo | undefined {
  const idle = s.concurrency.idleProvisioned
  for (let i = idle.length - 1; i >= 0; i--) {
    if (!envAt(s, nth(idle, i)).needsInit) return idle.splice(i, 1)[0]
  }
  return idle.pop()
}

function take(s: SimState, n: EnvNo, created: boolean): Acquired {
  const env = envAt(s, n)
  const cold = created || env.needsInit
  env.state = 'busy'
  env.needsInit = false
  env.idleGen++
  s.concurrency.busy++
  if (s.concurrency.busy > s.metrics.MaxConcurrentExecutions) s.metrics.MaxConcurrentExecutions = s.concurrency.busy
  return { ok: true, env: n, cold }
}

/** Frees an environment after an invocation; on-demand ones are reclaimed after the idle TTL. */
export function releaseEnv(w: Work, n: EnvNo, reset: boolean): void {
  const s = w.s
  const env = envAt(s, n)
  env.state = 'idle'
  env.inv = -1
  env.idleSince = s.now
  env.idleGen++
  if (reset) env.needsInit = true
  s.concurrency.busy--
  if (env.provisioned) {
    s.concurrency.idleProvisioned.push(n)
    return
  }
  s.concurrency.idleOnDemand.push(n)
  // One pending reclaim per environment at most: a busy run would otherwise fill the queue with
  // a stale reclaim per invocation. When it fires early (the environment was reused), it re-arms.
  if (!env.reclaimPending) {
    env.reclaimPending = true
    schedule(w, 'reclaim', s.now + s.scenario.function.idleEnvironmentTtlMs, n)
  }
}

/** Reclaim occurrence: the environment has been idle for idleEnvironmentTtlMs (§2.1 scale-down). */
export function reclaimEnv(w: Work, n: EnvNo): void {
  const s = w.s
  const env = s.envs[n]
  if (!env) return
  env.reclaimPending = false
  if (env.state !== 'idle') return
  const due = env.idleSince + s.scenario.function.idleEnvironmentTtlMs
  if (due > s.now) {
    env.reclaimPending = true
    schedule(w, 'reclaim', due, n)
    return
  }
  const idle = s.concurrency.idleOnDemand
  const i = idle.indexOf(n)
  if (i >= 0) idle.splice(i, 1)
  env.state = 'reclaimed'
  env.reclaimedAt = s.now
  if (w.log) {
    const idleMs = s.scenario.function.idleEnvironmentTtlMs
    tell(w, { kind: 'envReclaimed', env: env.id, idleMs }, { env: env.id })
  }
}
