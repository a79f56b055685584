import { readFileSync } from 'node:fs'
import { createSim, step, nextStepAt, parseScenarioText } from '../src/engine'
const f = process.argv[2]!
const p = parseScenarioText(readFileSync(f, 'utf8'))
if (!p.ok) throw new Error('bad')
let s = createSim((p as any).scenario ?? (p as any).value)
while (nextStepAt(s) !== null && s.step < 200) {
  const r = step(s); s = r.state
  console.log(s.step, s.now, r.transitions.map(t => t.type + (t.to ? ':' + t.to : '') + '[' + (t.events ?? []).join(',') + ']').join(' | ') || '(none)')
}
