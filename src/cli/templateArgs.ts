/**
 * What the template CLIs share: reading FILE (or `-` for standard input) and turning every failure
 * into one line on standard error with exit status 2, never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs'
import { MAX_TEMPLATE_BYTES, TemplateError } from '../templates'

export function fail(message: string, code = 2): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ').trim()}\n`)
  process.exit(code)
}

export interface Args {
  readonly file: string
  readonly options: ReadonlyMap<string, string>
}

/** `FILE [--name value]...`: only the options listed in `known` are accepted. */
export function parseArgs(
  argv: readonly string[],
  known: Readonly<Record<string, readonly string[] | null>>,
  usage: string,
): Args {
  const options = new Map<string, string>()
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      if (!(name in known)) fail(`Unknown option --${name}. ${usage}`)
      const v = inline ?? argv[++i]
      if (v === undefined) fail(`--${name} needs a value. ${usage}`)
      const allowed = known[name]
      if (allowed && !allowed.includes(v)) fail(`--${name} must be ${allowed.join(' or ')}, got "${v}".`)
      options.set(name, v)
    } else files.push(a)
  }
  const [file] = files
  if (files.length !== 1 || file === undefined) fail(usage)
  return { file, options }
}

export function readTemplate(file: string): string {
  const name = file === '-' ? 'standard input' : file
  try {
    if (file !== '-' && statSync(file).size > MAX_TEMPLATE_BYTES)
      fail(
        `${name}: the template is larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB; CloudFormation accepts at most 1 MB.`,
      )
    return readFileSync(file === '-' ? 0 : file, 'utf8')
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    fail(
      `Cannot read ${name}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message}`,
    )
  }
}

/** Runs a CLI body; a TemplateError or anything unexpected ends as one line and status 2. */
export function run(file: () => string, body: () => void): void {
  try {
    body()
  } catch (e) {
    if (e instanceof TemplateError) fail(`${file()}: ${e.message}`)
    fail(`${file()}: the template could not be processed: ${e instanceof Error ? e.message : String(e)}`)
  }
}
