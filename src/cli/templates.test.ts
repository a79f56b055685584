import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** `npm run import` and `npm run lint -- FILE` end to end, in child processes. */
function cli(script: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30000,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const importer = (args: string[], input?: string) => cli('src/cli/import.ts', args, input)
const lint = (args: string[]) => cli('src/cli/lintTemplate.ts', args)
/** The npm script itself: scripts/lint.mjs picks ESLint or the template linter. */
const lintScript = (args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/lint.mjs', ...args], { encoding: 'utf8', timeout: 30000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const FIX = 'src/templates/fixtures'
const dir = mkdtempSync(join(tmpdir(), 'lem-templates-'))
function file(name: string, body: string): string {
  const p = join(dir, name)
  writeFileSync(p, body)
  return p
}

function bomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]']
  for (let i = 1; i < 10; i++) {
    const n = String.fromCharCode(97 + i)
    lines.push(
      `${n}: &${n} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(', ')}]`,
    )
  }
  return lines.join('\n')
}

describe('npm run import', () => {
  it('prints scenarios, findings and unsupported as JSON', () => {
    const r = importer([`${FIX}/sqs-lambda.yaml`])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const out = JSON.parse(r.out)
    expect(Object.keys(out)).toEqual(['scenarios', 'findings', 'unsupported'])
    expect(out.scenarios[0]).toMatchObject({ function: 'ProcessOrders', trigger: 'FromQueue', model: 'sqs' })
    expect(out.scenarios[0].sources.length).toBeGreaterThan(5)
  })

  it('--function and --workload', () => {
    const r = importer([`${FIX}/cfn-plain.json`, '--function', 'Worker', '--workload', 'poison'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.out)
    expect(out.scenarios.every((s: { scenario: { id: string } }) => s.scenario.id.endsWith('-poison'))).toBe(true)
  })

  it('reads standard input with -', () => {
    const r = importer(['-'], '{"Resources": {"F": {"Type": "AWS::Lambda::Function"}}}')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).scenarios).toHaveLength(1)
  })

  it.each([
    ['not YAML', () => file('bad.yaml', 'a: [1, 2\n  b: }\n'), /Not valid YAML or JSON/],
    ['not a template', () => file('scalar.yaml', 'hello\n'), /mapping with a Resources section/],
    [
      'no function',
      () => file('nofn.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'),
      /no AWS::Serverless::Function/,
    ],
    ['an alias bomb', () => file('bomb.yaml', bomb()), /alias/],
    [
      '5000-deep nesting',
      () => file('deep.yaml', `Resources: ${'['.repeat(5000)}${']'.repeat(5000)}`),
      /nested too deeply/,
    ],
    ['a 3 MB file', () => file('big.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`), /larger than 2 MB/],
    [
      'wrong types',
      () =>
        file('wrong.yaml', 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: [1]\n'),
      /Timeout must be a number/,
    ],
    ['Resources as a list', () => file('list.yaml', 'Resources: [1]\n'), /no Resources mapping/],
    ['a missing file', () => join(dir, 'missing.yaml'), /Cannot read .*missing\.yaml: no such file/],
  ])('%s: one line on stderr, exit 2', (_name, make, message) => {
    const started = Date.now()
    for (const run of [importer, lint]) {
      const r = run([make()])
      expect(r.code).toBe(2)
      expect(r.out).toBe('')
      expect(r.err).toMatch(message)
      expect(r.err.trimEnd().split('\n')).toHaveLength(1)
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/)
    }
    expect(Date.now() - started).toBeLessThan(20000)
  })

  it('bad options: one line, exit 2', () => {
    for (const args of [
      [],
      ['a', 'b'],
      [`${FIX}/sqs-lambda.yaml`, '--workload', 'flood'],
      [`${FIX}/sqs-lambda.yaml`, '--nope', 'x'],
    ]) {
      const r = importer(args)
      expect(r.code).toBe(2)
      expect(r.err.trimEnd().split('\n')).toHaveLength(1)
    }
  })
})

describe('npm run lint -- FILE', () => {
  it('exit 1 with an error finding, one text line each', () => {
    const r = lint([`${FIX}/misconfigured.yaml`])
    expect(r.code).toBe(1)
    const lines = r.out.trimEnd().split('\n')
    expect(lines.length).toBe(6)
    const dlq =
      /^error sqs-fifo-standard-dlq Ordered RedrivePolicy\.deadLetterTargetArn: .+\. \(https:\/\/docs\.aws\.amazon\.com\/.+\)$/
    expect(lines.filter((l) => dlq.test(l))).toHaveLength(1)
  })

  it('exit 0 with warnings only, or none', () => {
    expect(lint([`${FIX}/sqs-lambda.yaml`])).toMatchObject({ code: 0, out: expect.stringMatching(/no findings/) })
    const warn = file(
      'warn.yaml',
      'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        U:\n          Type: S3\n',
    )
    expect(lint([warn]).code).toBe(0)
  })

  it('--format json prints {"findings": [...]}', () => {
    const r = lint([`${FIX}/dynamodb-lambda.yaml`, '--format', 'json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.out)
    expect(Object.keys(out)).toEqual(['findings'])
    expect(out.findings[0]).toMatchObject({ rule: 'stream-poison-blocks-shard', severity: 'error' })
  })

  it('scripts/lint.mjs runs the template linter when given a file', () => {
    const r = lintScript([`${FIX}/misconfigured.yaml`, '--format', 'json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out).findings.length).toBe(6)
    expect(lintScript([join(dir, 'missing.yaml')]).code).toBe(2)
  })
})
