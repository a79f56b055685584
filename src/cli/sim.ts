/**
 * `npm run --silent sim -- FILE.json [--metrics-only] [--trace]` (FILE may be `-` for stdin).
 * Runs a scenario headless with the same engine as the app and prints one JSON report on stdout.
 * Invalid scenario: exit 2, one line per problem on stderr. Unsupported model: exit 2 as well.
 */
import { readFileSync } from 'node:fs'
import { formatIssues, parseScenarioText } from '../engine'
import { simReport } from './simReport'

function fail(message: string, code = 2): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`)
  process.exit(code)
}

function main(argv: readonly string[]): void {
  const flags = new Set(argv.filter((a) => a.startsWith('--')))
  const files = argv.filter((a) => !a.startsWith('--') || a === '-')
  for (const f of flags)
    if (f !== '--metrics-only' && f !== '--trace')
      fail(`Unknown option ${f}. Usage: npm run --silent sim -- FILE.json [--metrics-only] [--trace]`)
  const [file] = files
  if (files.length !== 1 || file === undefined)
    fail('Usage: npm run --silent sim -- FILE.json [--metrics-only] [--trace]   (FILE may be - for standard input)')
  let text: string
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8')
  } catch (e) {
    fail(`Cannot read ${file === '-' ? 'standard input' : file}: ${(e as Error).message}`)
  }
  const parsed = parseScenarioText(text)
  if (!parsed.ok) fail(`Invalid scenario ${file === '-' ? '(stdin)' : file}:\n${formatIssues(parsed.issues)}`)
  simReport(parsed.scenario, { metricsOnly: flags.has('--metrics-only'), trace: flags.has('--trace') })
}

main(process.argv.slice(2))
