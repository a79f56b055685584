#!/usr/bin/env node
// `npm run pack:lib`: builds the publishable package `lambda-execution-models` into dist-lib/ and
// packs it into lambda-execution-models-<version>.tgz at the repo root (what `npm publish` would
// upload; a docs site can `npm install ./that.tgz`). dist-lib/ holds:
//   lambda-models.js   the React component (ES module; react and react-dom are peers)
//   lambda-models.css  its stylesheet (`lambda-execution-models/style.css`)
//   element.js         the <lambda-models> custom element, self-contained (`…/element`)
//   element-lessons.js its lessons companion, fetched by an element with `lesson` (`…/element-lessons`)
//   element.css        the element's box before its script runs, for the page's head (`…/element.css`)
//   types/             declarations for the component, its options and the element
// `--no-pack` stops after dist-lib/; `--out <dir>` puts the tarball elsewhere.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lib = join(root, 'dist-lib')
const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const out = outAt >= 0 ? args[outAt + 1] : root
const vite = (extra) =>
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn', ...extra], {
    cwd: root,
    stdio: 'inherit',
  })

// 1. The component (also writes dist-lib/package.json, see vite.lib.config.ts).
vite(['-c', 'vite.lib.config.ts'])

// 2. The custom element script, built aside so dist/ (the app build) is left alone.
const tmp = mkdtempSync(join(tmpdir(), 'lem-pack-'))
try {
  vite(['-c', 'vite.element.config.ts', '--outDir', tmp, '--emptyOutDir'])
  vite(['-c', 'vite.element-lessons.config.ts', '--outDir', tmp])
  copyFileSync(join(tmp, 'lambda-models.js'), join(lib, 'element.js'))
  // The element fetches its lessons companion from beside itself (element.js → element-lessons.js).
  copyFileSync(join(tmp, 'lambda-models-lessons.js'), join(lib, 'element-lessons.js'))
  copyFileSync(join(tmp, 'lambda-models.css'), join(lib, 'element.css'))
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

// 3. Declarations: emitted from the sources, then only the files the public entry reaches.
const types = join(lib, 'types')
mkdirSync(types, { recursive: true })
const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
)
const emitted = new Map()
const program = ts.createProgram([join(root, 'src/embed/lib.ts')], {
  ...config.options,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  rootDir: join(root, 'src/embed'),
  outDir: '/lem-types',
})
const emit = program.emit(undefined, (file, text) => emitted.set(file.replace(/^\/lem-types\//, ''), text))
if (emit.diagnostics.length > 0)
  throw new Error(
    ts.formatDiagnostics(emit.diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    }),
  )
const pending = ['lib.d.ts']
const done = new Set()
while (pending.length > 0) {
  const name = pending.pop()
  if (done.has(name)) continue
  const text = emitted.get(name)
  if (text === undefined)
    throw new Error(`declarations: ${name} was not emitted (the public types reach outside src/embed?)`)
  done.add(name)
  // Explicit extensions, so the declarations also resolve under moduleResolution node16/nodenext.
  writeFileSync(join(types, name), text.replace(/from '(\.[^']+?)(\.js)?'/g, "from '$1.js'"))
  for (const m of text.matchAll(/from '(\.[^']+?)(\.js)?'/g)) pending.push(join(dirname(name), `${m[1]}.d.ts`))
}
copyFileSync(join(root, 'src/embed/element.d.ts'), join(types, 'element.d.ts'))

// 4. The package's README.
copyFileSync(join(root, 'src/embed/package/README.md'), join(lib, 'README.md'))
if (existsSync(join(root, 'LICENSE'))) copyFileSync(join(root, 'LICENSE'), join(lib, 'LICENSE'))

if (!args.includes('--no-pack')) {
  const manifest = JSON.parse(readFileSync(join(lib, 'package.json'), 'utf8'))
  execFileSync('npm', ['pack', lib, '--pack-destination', out, '--silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  console.log(join(out, `${manifest.name}-${manifest.version}.tgz`))
}
