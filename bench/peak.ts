/**
 * `node --import tsx bench/peak.ts FILE`: what `npm run sim -- FILE` does (the full report, to
 * /dev/null), then prints this process's max RSS in KB. bench/ratios.ts runs it in its own process
 * so nothing else the bench did counts.
 */
import { closeSync, openSync, readFileSync } from 'node:fs'
import { parseScenarioText } from '../src/engine'
import { simReport } from '../src/cli/simReport'

const file = process.argv[2]
if (!file) throw new Error('usage: bench/peak.ts FILE')
const parsed = parseScenarioText(readFileSync(file, 'utf8'))
if (!parsed.ok) throw new Error(`invalid scenario ${file}`)
const fd = openSync('/dev/null', 'w')
simReport(parsed.scenario, { metricsOnly: false, trace: false }, fd)
closeSync(fd)
process.stdout.write(`${process.resourceUsage().maxRSS}\n`)
