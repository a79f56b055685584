import type { Scenario } from '../src/engine'

/**
 * The reference the engine is measured against (issue 20): the least a discrete-event loop can do
 * for the same synchronous work: one binary heap of occurrences ordered as the engine orders them,
 * the same seeded RNG draws, the same warm pool, scaling bucket and idle reclaim, and the metrics
 * counted. No event records, no report, no copy-on-write, no model dispatch. It returns the metrics
 * it counted so the bench can check it did the same work as the engine (same Invocations, Errors,
 * ColdStarts, MaxConcurrentExecutions, percentiles and occurrence count).
 *
 * Only what the bench's synchronous cases use: no reserved or provisioned concurrency, no caller
 * retries or caller timeouts, no per-entry `fail` or durations, handlers within the timeout.
 */

export interface BareFigures {
  readonly occurrences: number
  readonly Invocations: number
  readonly Errors: number
  readonly ColdStarts: number
  readonly MaxConcurrentExecutions: number
  readonly DurationP50Ms: number
  readonly DurationP99Ms: number
}

interface Node {
  at: number
  pri: number
  seq: number
  kind: number
  a: number
  b: number
}

const ARRIVAL = 0
const END = 1
const SETTLE = 2
const RECLAIM = 3
const UNIT = 10000

function before(x: Node, y: Node): boolean {
  if (x.at !== y.at) return x.at < y.at
  if (x.pri !== y.pri) return x.pri < y.pri
  if (x.pri === 0) {
    if (x.a !== y.a) return x.a < y.a
    if (x.b !== y.b) return x.b < y.b
  }
  return x.seq < y.seq
}

function push(h: Node[], x: Node): void {
  h.push(x)
  let i = h.length - 1
  while (i > 0) {
    const p = (i - 1) >> 1
    const parent = h[p] as Node
    if (!before(x, parent)) break
    h[i] = parent
    i = p
  }
  h[i] = x
}

function pop(h: Node[]): Node {
  const top = h[0] as Node
  const last = h.pop() as Node
  const n = h.length
  if (n === 0) return top
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    const c = r < n && before(h[r] as Node, h[l] as Node) ? r : l
    const child = h[c] as Node
    if (!before(child, last)) break
    h[i] = child
    i = c
  }
  h[i] = last
  return top
}

export function bareSyncLoop(sc: Scenario): BareFigures {
  const f = sc.function
  const d = f.durationMs
  const [min, max] = typeof d === 'number' ? [d, d] : [d.min, d.max]
  const rate = sc.account.scalingRatePer10s
  const cap = sc.account.concurrencyLimit
  const ttl = f.idleEnvironmentTtlMs
  let rng = sc.seed >>> 0
  const random = (): number => {
    rng = (rng + 0x6d2b79f5) >>> 0
    let t = rng
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const heap: Node[] = []
  let seq = 0
  let work = 0
  const at = (kind: number, time: number, pri: number, a: number, b: number): void => {
    push(heap, { at: time, pri, seq: seq++, kind, a, b })
    if (kind !== RECLAIM) work++
  }
  // Environments: busy flag, idle since, reclaim pending; idle ones most recently used last.
  const idleSince: number[] = []
  const busyEnv: boolean[] = []
  const reclaimed: boolean[] = []
  const reclaimPending: boolean[] = []
  const idle: number[] = []
  // Invocations in flight: environment and whether it failed, by invocation number.
  const invEnv: number[] = []
  const invFailed: boolean[] = []
  let busy = 0
  let bucket = rate * UNIT
  let bucketAt = 0
  const hist = new Map<number, number>()
  const m = { occurrences: 0, Invocations: 0, Errors: 0, ColdStarts: 0, MaxConcurrentExecutions: 0, durations: 0 }
  sc.workload.forEach((e, i) => {
    if (e.count > 0) at(ARRIVAL, e.atMs, 0, i, 0)
  })
  while (work > 0) {
    const o = pop(heap)
    const now = o.at
    m.occurrences++
    if (o.kind !== RECLAIM) work--
    if (o.kind === ARRIVAL) {
      const e = sc.workload[o.a]
      if (!e) throw new Error('bare loop: no workload entry')
      if (o.b + 1 < e.count) at(ARRIVAL, e.atMs + (o.b + 1) * e.everyMs, 0, o.a, o.b + 1)
      if (busy >= cap) throw new Error('bare loop: the bench case is not meant to throttle')
      let env = idle.pop()
      let cold = false
      if (env === undefined) {
        const units = bucket + (now - bucketAt) * rate
        bucket = units > rate * UNIT ? rate * UNIT : units
        bucketAt = now
        if (bucket < UNIT) throw new Error('bare loop: the bench case is not meant to throttle')
        bucket -= UNIT
        env = busyEnv.length
        busyEnv.push(true)
        idleSince.push(now)
        reclaimed.push(false)
        reclaimPending.push(false)
        cold = true
      }
      busyEnv[env] = true
      busy++
      if (busy > m.MaxConcurrentExecutions) m.MaxConcurrentExecutions = busy
      const ms = min + Math.floor(random() * (max - min + 1))
      const failed = f.errorRate > 0 && random() < f.errorRate
      const inv = m.Invocations++
      if (cold) m.ColdStarts++
      invEnv[inv] = env
      invFailed[inv] = failed
      at(END, now + (cold ? f.initDurationMs : 0) + ms, 2, inv, ms)
    } else if (o.kind === END) {
      const env = invEnv[o.a] as number
      if (invFailed[o.a]) m.Errors++
      hist.set(o.b, (hist.get(o.b) ?? 0) + 1)
      m.durations++
      busyEnv[env] = false
      idleSince[env] = now
      busy--
      idle.push(env)
      if (!reclaimPending[env]) {
        reclaimPending[env] = true
        at(RECLAIM, now + ttl, 2, env, 0)
      }
      // A failed invocation's follow-up is its own occurrence in the engine (sim.ts 'settle').
      if (invFailed[o.a]) at(SETTLE, now, -1, o.a, 0)
    } else if (o.kind === RECLAIM) {
      const env = o.a
      reclaimPending[env] = false
      if (busyEnv[env] || reclaimed[env]) continue
      const due = (idleSince[env] as number) + ttl
      if (due > now) {
        reclaimPending[env] = true
        at(RECLAIM, due, 2, env, 0)
        continue
      }
      const i = idle.indexOf(env)
      if (i >= 0) idle.splice(i, 1)
      reclaimed[env] = true
    }
  }
  const pct = (p: number): number => {
    const rank = Math.max(1, Math.ceil((p / 100) * m.durations))
    let seen = 0
    for (const k of [...hist.keys()].sort((x, y) => x - y)) {
      seen += hist.get(k) ?? 0
      if (seen >= rank) return k
    }
    return 0
  }
  return {
    occurrences: m.occurrences,
    Invocations: m.Invocations,
    Errors: m.Errors,
    ColdStarts: m.ColdStarts,
    MaxConcurrentExecutions: m.MaxConcurrentExecutions,
    DurationP50Ms: pct(50),
    DurationP99Ms: pct(99),
  }
}
