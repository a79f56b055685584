/**
 * `npm run --silent lint -- FILE [--format text|json] [--function LogicalId]`
 * Lints a SAM / CloudFormation template against AWS's documented rules. Text: one line per finding;
 * json: `{"findings":[...]}`. Exit 1 if any finding is an error, else 0; unreadable input: exit 2.
 */
import { lintTemplate } from '../templates'
import type { Finding } from '../templates'
import { parseArgs, readTemplate, run } from './templateArgs'

const USAGE = 'Usage: npm run --silent lint -- FILE [--format text|json] [--function LogicalId]'

const line = (f: Finding) => `${f.severity} ${f.rule} ${f.resource} ${f.property}: ${f.message} (${f.docUrl})`

const args = parseArgs(process.argv.slice(2), { format: ['text', 'json'], function: null }, USAGE)
run(
  () => args.file,
  () => {
    const findings = lintTemplate(readTemplate(args.file), { function: args.options.get('function') })
    if (args.options.get('format') === 'json') process.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`)
    else if (findings.length === 0) process.stdout.write(`${args.file}: no findings\n`)
    else process.stdout.write(`${findings.map(line).join('\n')}\n`)
    process.exitCode = findings.some((f) => f.severity === 'error') ? 1 : 0
  },
)
