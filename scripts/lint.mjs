#!/usr/bin/env node
// `npm run lint`: ESLint over the repository (what it always was, and what scripts/test.mjs runs
// directly). `npm run lint -- FILE [--format json]`: the template linter on a SAM / CloudFormation
// file instead (src/cli/lintTemplate.ts). A first argument that is not an option means a file.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const template =
  args.some((a, i) => !a.startsWith('-') && !['--format', '--function'].includes(args[i - 1] ?? '')) ||
  args.includes('-')

const [cmd, cmdArgs] = template
  ? [process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'lintTemplate.ts'), ...args]]
  : [process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.', ...args]]
const r = spawnSync(cmd, cmdArgs, { cwd: process.cwd(), stdio: 'inherit' })
if (r.error) {
  console.error(`lint: could not start: ${r.error.message}`)
  process.exit(2)
}
process.exit(r.status ?? 2)
