/**
 * `npm run --silent import -- FILE [--function LogicalId] [--workload steady|burst|poison]`
 * Imports a SAM / CloudFormation template (YAML or JSON; FILE may be - for standard input) and prints
 * `{"scenarios":[...],"findings":[...],"unsupported":[...]}` on standard output. Unreadable input:
 * one line on standard error, exit 2.
 */
import { importTemplate, WORKLOAD_SHAPES } from '../templates'
import type { WorkloadShape } from '../templates'
import { parseArgs, readTemplate, run } from './templateArgs'

const USAGE = 'Usage: npm run --silent import -- FILE [--function LogicalId] [--workload steady|burst|poison]'

const args = parseArgs(process.argv.slice(2), { function: null, workload: WORKLOAD_SHAPES }, USAGE)
run(
  () => args.file,
  () => {
    const text = readTemplate(args.file)
    const result = importTemplate(text, {
      function: args.options.get('function'),
      workload: args.options.get('workload') as WorkloadShape | undefined,
    })
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  },
)
