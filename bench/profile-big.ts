import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScenario } from '../src/engine'
import { createSimStore } from '../src/store/createSimStore'
import { BIG_SCENARIO } from './big'

/**
 * CPU profiles of the 100,000-event store's cursor moves (bench/big.ts's moves, 20 of each), one
 * .cpuprofile per move in $TMPDIR/lem-profile-big, the setup left out (only the moves are profiled):
 * `npx tsx bench/profile-big.ts [beat|fine|scrub|all]`. Each file is Chrome DevTools JSON (nodes,
 * samples, timeDeltas): open it in DevTools or sum the self time per function.
 */
const OUT = join(tmpdir(), 'lem-profile-big')
mkdirSync(OUT, { recursive: true })
const session = new Session()
session.connect()
const post = (m: string): unknown => {
  let out: unknown
  session.post(m, {}, (e, r) => {
    if (e) throw e
    out = r
  })
  return out
}
post('Profiler.enable')
const which = process.argv[2] ?? 'all'
const parsed = parseScenario(BIG_SCENARIO)
if (!parsed.ok) throw new Error('bad')
const store = createSimStore(parsed.scenario)
store.getState().goToStep(100000)
const time = (label: string, n: number, f: (i: number) => void) => {
  post('Profiler.start')
  const t = performance.now()
  for (let i = 0; i < n; i++) f(i)
  console.log(label, ((performance.now() - t) / n).toFixed(1), 'ms/call')
  const r = post('Profiler.stop') as { profile: unknown }
  writeFileSync(join(OUT, `${label}.cpuprofile`), JSON.stringify(r.profile))
}
if (which === 'all' || which === 'beat') {
  time('stepForward', 20, () => store.getState().stepForward())
  time('stepBack', 20, () => store.getState().stepBack())
}
if (which === 'all' || which === 'fine') {
  store.getState().goToStep(100000)
  time('fineBack', 20, () => store.getState().fineBack())
  time('fineForward', 20, () => store.getState().fineForward())
}
if (which === 'all' || which === 'scrub') {
  store.getState().goToStep(Number.MAX_SAFE_INTEGER)
  const last = store.getState().run.cursor.step
  const horizon = store.getState().run.frontier.head.now
  store.getState().goToStep(last - 2000)
  time('fineBackEnd', 20, () => store.getState().fineBack())
  time('fineForwardEnd', 20, () => store.getState().fineForward())
  let x = 20
  const r = () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x / 2147483648
  }
  store.getState().goToStep(100000)
  time('jump', 20, () => store.getState().goToStep(Math.floor(r() * last)))
  time('seek', 20, () => store.getState().seek(Math.floor(r() * horizon)))
}
