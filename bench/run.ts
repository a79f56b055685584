/**
 * `npm run bench`: prints the performance figures recorded in BENCHMARKS.md.
 * `npm run bench -- engine` runs one group only. Compare figures as ratios within one run.
 */
import { cpus, totalmem } from 'node:os'
import { ENGINE_CASES, runEngineCase } from './engine'
import { measureSizes } from './sizes'

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
}

function engine(): void {
  console.log('\n## Engine throughput (headless, no transition log)\n')
  console.log('| scenario | events | invocations | occurrences | seconds | occurrences/s | invocations/s |')
  console.log('|---|---:|---:|---:|---:|---:|---:|')
  for (const c of ENGINE_CASES) {
    const f = runEngineCase(c)
    if (!f) {
      console.log(`| ${c.name} | (model not supported yet) | | | | | |`)
      continue
    }
    console.log(`| ${f.name} | ${fmt(f.events)} | ${fmt(f.invocations)} | ${fmt(f.occurrences)} | ${f.seconds.toFixed(2)} | ${fmt(f.occurrencesPerSecond)} | ${fmt(f.invocationsPerSecond)} |`)
  }
}

function sizes(): void {
  const rows = measureSizes()
  console.log('\n## Bundle sizes (production build, gzip -9)\n')
  console.log('| output | files | bytes | gzip bytes |')
  console.log('|---|---:|---:|---:|')
  for (const r of rows) console.log(`| ${r.name} | ${r.files.length} | ${fmt(r.bytes)} | ${fmt(r.gzipBytes)} |`)
}

const groups: Record<string, () => void | Promise<void>> = { engine, sizes }
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
console.log(`# Benchmarks: ${new Date().toISOString().slice(0, 10)}, ${machine()}`)
for (const [name, fn] of Object.entries(groups)) {
  if (wanted.length === 0 || wanted.includes(name)) await fn()
}
