// The publishable package (issue 12, items 1 and 2), tested the way a docs author meets it: packed by
// `npm run pack:lib`, installed from the tarball into a throwaway React app (offline: react and its
// types come from this repo's node_modules, the package from the tarball), type-checked, and server
// rendered; then the same package compiled again the way Docusaurus compiles installed code (Babel
// preset-env, loose mode, old browsers) must render the same stage.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = process.cwd()
// @babel/core ships no types; this is the one call used.
const { transformAsync } = createRequire(import.meta.url)('@babel/core') as {
  transformAsync: (code: string, options: object) => Promise<{ code?: string | null } | null>
}
const SCENARIOS = ['sync-basics', 'async-retries', 'sqs-batch-failure']
let dir = ''
let app = ''
let tarball = ''

interface Rendered {
  readonly viewBox: string | null
  readonly nodes: number
  readonly envs: number
  readonly html: string
}

function render(pkg: string): Record<string, Rendered> {
  const out = execFileSync(process.execPath, [join(app, 'render.mjs'), pkg, ...SCENARIOS], {
    cwd: app,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out) as Record<string, Rendered>
}

/** What `npm install <tarball>` puts in node_modules (the package has no dependencies of its own). */
function installTarball(file: string, into: string): void {
  mkdirSync(into, { recursive: true })
  execFileSync('tar', ['-xzf', file, '-C', into, '--strip-components=1'])
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lem-package-'))
  const out = execFileSync(process.execPath, [join(root, 'scripts', 'pack-lib.mjs'), '--out', dir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  tarball = out.trim().split('\n').pop() ?? ''
  app = join(dir, 'app')
  const modules = join(app, 'node_modules')
  mkdirSync(join(modules, '@types'), { recursive: true })
  for (const name of ['react', 'react-dom', '@types/react', '@types/react-dom'])
    symlinkSync(join(root, 'node_modules', name), join(modules, name), 'dir')
  installTarball(tarball, join(modules, 'lambda-execution-models'))
  for (const f of ['App.tsx', 'render.mjs']) cpSync(join(root, 'scripts', 'package-fixture', f), join(app, f))
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'docs-site',
      private: true,
      type: 'module',
      dependencies: { 'lambda-execution-models': `file:${tarball}`, react: '^19', 'react-dom': '^19' },
    }),
  )
}, 300_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the package lambda-execution-models (npm run pack:lib)', () => {
  it('has the documented name, entry points, declarations and a React 18.3-19 peer range', () => {
    expect(tarball).toMatch(/lambda-execution-models-\d+\.\d+\.\d+\.tgz$/)
    const manifest = JSON.parse(
      readFileSync(join(app, 'node_modules/lambda-execution-models/package.json'), 'utf8'),
    ) as Record<string, unknown>
    expect(manifest.name).toBe('lambda-execution-models')
    expect(manifest.private).toBeUndefined()
    expect(manifest.peerDependencies).toEqual({ react: '>=18.3 <20', 'react-dom': '>=18.3 <20' })
    expect(manifest.dependencies).toBeUndefined()
    expect(Object.keys(manifest.exports as object)).toEqual([
      '.',
      './element',
      './element-lessons',
      './element.css',
      './style.css',
      './package.json',
    ])
    const files = readdirSync(join(app, 'node_modules/lambda-execution-models/types')).sort()
    expect(files).toEqual(['LambdaModels.d.ts', 'element.d.ts', 'lib.d.ts', 'options.d.ts'])
    expect(readFileSync(join(app, 'node_modules/lambda-execution-models/README.md'), 'utf8')).toMatch(/## Install/)
  })

  it("its CSS (the stylesheet and the element's shadow CSS) has the theme's light-dark() lowered for older browsers", () => {
    const pkg = join(app, 'node_modules/lambda-execution-models')
    for (const file of ['lambda-models.css', 'element.js']) {
      const text = readFileSync(join(pkg, file), 'utf8')
      // Lightning CSS writes each light-dark(a, b) as var(--lightningcss-light, a) var(--lightningcss-dark, b)
      // switched by color-scheme (scripts/cssTarget.ts), which every browser with custom properties reads.
      expect(text, file).not.toContain('light-dark(')
      expect(text, file).toContain('--lightningcss-dark')
    }
  })

  it.each([
    ['bundler', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
    ['nodenext', { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }],
  ] as const)(
    'type-checks in a TSX app (moduleResolution %s), wrong options being errors',
    (_, resolution) => {
      const program = ts.createProgram([join(app, 'App.tsx')], {
        ...resolution,
        target: ts.ScriptTarget.ES2022,
        jsx: ts.JsxEmit.ReactJSX,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
        allowArbitraryExtensions: true,
      })
      const problems = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || !d.file.fileName.includes('/@types/'))
      // A side-effect CSS import needs no declaration; anything else is a real problem.
      const text = problems
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
        .filter((m) => !/style\.css/.test(m))
      expect(text).toEqual([])
    },
    180_000,
  )

  it('server-renders a stage for each scenario, and its element entry is harmless on a server', () => {
    const r = render('lambda-execution-models')
    for (const s of SCENARIOS) {
      expect(r[s]?.viewBox, s).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/)
      expect(r[s]?.nodes, s).toBeGreaterThanOrEqual(3)
    }
  }, 120_000)

  it('compiled again by Babel preset-env in loose mode for old browsers (as Docusaurus does), renders the same stage', async () => {
    const original = join(app, 'node_modules/lambda-execution-models')
    const compiled = join(app, 'node_modules/lem-babel')
    cpSync(original, compiled, { recursive: true })
    writeFileSync(
      join(compiled, 'package.json'),
      readFileSync(join(original, 'package.json'), 'utf8').replace(
        '"name": "lambda-execution-models"',
        '"name": "lem-babel"',
      ),
    )
    for (const f of readdirSync(compiled).filter((n) => n.endsWith('.js'))) {
      const r = await transformAsync(readFileSync(join(compiled, f), 'utf8'), {
        babelrc: false,
        configFile: false,
        compact: true,
        sourceType: 'module',
        presets: [
          ['@babel/preset-env', { loose: true, modules: false, targets: { ie: '11', chrome: '49', safari: '10' } }],
        ],
      })
      writeFileSync(join(compiled, f), r?.code ?? '')
    }
    expect(readFileSync(join(compiled, 'lambda-models.js'), 'utf8')).not.toMatch(/=>/)
    const before = render('lambda-execution-models')
    const after = render('lem-babel')
    for (const s of SCENARIOS) {
      expect({ viewBox: after[s]?.viewBox, nodes: after[s]?.nodes, envs: after[s]?.envs }, s).toEqual({
        viewBox: before[s]?.viewBox,
        nodes: before[s]?.nodes,
        envs: before[s]?.envs,
      })
      expect(after[s]?.html === before[s]?.html, `${s}: the same markup`).toBe(true)
    }
  }, 240_000)
})
