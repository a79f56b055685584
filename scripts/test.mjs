#!/usr/bin/env node
// `npm test`: typecheck, lint, format check, unit tests (vitest), budgets (scripts/budgets.ts: builds dist/ once,
// then bundle sizes and engine throughput), e2e (Playwright, serving that build), in that order,
// streaming output. A failing step does not stop the run, so the summary is complete. The last line
// printed is exactly `N passed, N failed` (vitest + Playwright tests, one per budget, plus one each
// for typecheck and lint). Exit code 0 only if nothing failed.  `--no-e2e` skips Playwright for
// quick local runs; `--no-budgets` skips the build and budgets (Playwright then builds itself).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const RESULTS = join(root, 'test-results')
const UNIT_JSON = join(RESULTS, 'unit-results.json')
const E2E_JSON = join(RESULTS, 'e2e-results.json')
const BUDGETS_JSON = join(RESULTS, 'budgets-results.json')

const args = process.argv.slice(2)
const skipE2e = args.includes('--no-e2e')
const skipBudgets = args.includes('--no-budgets')

/** Runs a command with inherited stdio; returns its exit code (1 if it could not start). */
function run(title, cmd, cmdArgs, env = process.env) {
  console.log(`\n=== ${title}: ${[cmd.startsWith(root) ? cmd.slice(root.length + 1) : cmd, ...cmdArgs].join(' ')}\n`)
  const start = Date.now()
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env })
  if (r.error) console.error(`${title}: could not start: ${r.error.message}`)
  const code = r.status ?? 1
  console.log(
    `\n=== ${title}: exit ${code}${r.signal ? ` (${r.signal})` : ''} in ${((Date.now() - start) / 1000).toFixed(1)}s`,
  )
  return code
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** A step that exits non-zero counts at least one failure, even if its report shows none. */
function tally(step, code, passed, failed, note = '') {
  if (code !== 0 && failed === 0) {
    failed = 1
    note ||= 'exited non-zero without a failing test in its report'
  }
  return { step, passed, failed, note }
}

mkdirSync(RESULTS, { recursive: true })
rmSync(UNIT_JSON, { force: true })
rmSync(E2E_JSON, { force: true })
rmSync(BUDGETS_JSON, { force: true })

const rows = []

{
  const code = run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
  rows.push(tally('typecheck', code, code === 0 ? 1 : 0, code === 0 ? 0 : 1))
}
{
  const code = run('lint', bin('eslint'), ['.'])
  rows.push(tally('lint', code, code === 0 ? 1 : 0, code === 0 ? 0 : 1))
}
{
  const code = run('format', bin('prettier'), ['--check', '--log-level', 'warn', '.'])
  rows.push(tally('format (prettier --check)', code, code === 0 ? 1 : 0, code === 0 ? 0 : 1))
}
{
  const code = run('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${UNIT_JSON}`])
  const r = readJson(UNIT_JSON)
  if (r) rows.push(tally('unit (vitest)', code, r.numPassedTests ?? 0, r.numFailedTests ?? 0))
  else rows.push(tally('unit (vitest)', 1, 0, 1, 'no results file'))
}
{
  // Every lesson validated and run on the engine: a lesson whose answer no longer matches the engine fails.
  const code = run('lessons', bin('tsx'), [join(root, 'src', 'cli', 'lessonsCheck.ts')])
  rows.push(tally('lessons (npm run lessons:check)', code, code === 0 ? 1 : 0, code === 0 ? 0 : 1))
}
let prebuilt = false
if (skipBudgets) {
  rows.push({ step: 'budgets', passed: 0, failed: 0, note: 'skipped: --no-budgets' })
} else {
  const code = run('budgets', bin('tsx'), [join(root, 'scripts', 'budgets.ts')])
  const r = readJson(BUDGETS_JSON)
  if (r) rows.push(tally('budgets (build, sizes, engine)', code, r.passed ?? 0, r.failed ?? 0))
  else rows.push(tally('budgets (build, sizes, engine)', 1, 0, 1, 'no results file'))
  // The build succeeded when every check could measure it; Playwright then serves it as is.
  prebuilt = !!r && !r.checks?.some((c) => c.figure === 'error')
}
if (skipE2e) {
  rows.push({ step: 'e2e (playwright)', passed: 0, failed: 0, note: 'skipped: --no-e2e' })
} else {
  const env = prebuilt ? { ...process.env, LEM_PREBUILT: '1' } : process.env
  const code = run('e2e', process.execPath, [join(root, 'scripts', 'e2e.mjs')], env)
  const s = readJson(E2E_JSON)?.stats
  if (s) {
    const note = [s.flaky ? `${s.flaky} flaky` : '', s.skipped ? `${s.skipped} skipped` : ''].filter(Boolean).join(', ')
    rows.push(tally('e2e (playwright)', code, (s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0, note))
  } else rows.push(tally('e2e (playwright)', 1, 0, 1, 'no results file'))
}

const passed = rows.reduce((n, r) => n + r.passed, 0)
const failed = rows.reduce((n, r) => n + r.failed, 0)
const width = Math.max(...rows.map((r) => r.step.length))
console.log('\n=== summary')
for (const r of rows) {
  const mark = r.failed ? 'FAIL' : 'ok  '
  console.log(`${mark} ${r.step.padEnd(width)}  ${r.passed} passed, ${r.failed} failed${r.note ? `  (${r.note})` : ''}`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
