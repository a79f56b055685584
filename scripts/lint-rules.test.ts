// Guards the purity and boundary lint (eslint.config.js): if a refactor of the config silently stops
// a ban from firing, this test fails. Runs ESLint programmatically on snippets placed at fake paths.
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: fileURLToPath(new URL('../eslint.config.js', import.meta.url)),
})

/** Rule ids of the errors ESLint reports for `code` as if it lived at `filePath`. */
async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message)
}

const ENGINE_FILE = 'src/engine/__lint_probe__.ts'
const ENGINE_TEST = 'src/engine/__tests__/__lint_probe__.test.ts'
const VIEW_FILE = 'src/view/__lint_probe__.ts'

describe('engine purity lint', () => {
  it.each([
    ['Math.random()', 'export const x = Math.random()\n', 'no-restricted-properties'],
    ['Date.now()', 'export const x = Date.now()\n', 'no-restricted-properties'],
    ['performance.now()', 'export const x = performance.now()\n', 'no-restricted-properties'],
    ['new Date()', 'export const x = new Date()\n', 'no-restricted-syntax'],
    ['new Date(0)', 'export const x = new Date(0)\n', 'no-restricted-syntax'],
    ['Date()', 'export const x = Date()\n', 'no-restricted-syntax'],
    ["import React from 'react'", "import React from 'react'\nexport const x = React\n", 'no-restricted-imports'],
    ["import from 'zustand'", "import { create } from 'zustand'\nexport const x = create\n", 'no-restricted-imports'],
    [
      "import from 'node:fs'",
      "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
      'no-restricted-imports',
    ],
    [
      'import from ../store',
      "import { x as y } from '../store/createSimStore'\nexport const x = y\n",
      'no-restricted-imports',
    ],
    [
      'import from ../scenarios',
      "import { x as y } from '../../scenarios'\nexport const x = y\n",
      'no-restricted-imports',
    ],
    ['setTimeout(...)', 'setTimeout(() => {}, 10)\n', 'no-restricted-globals'],
    ['window', 'export const x = window.innerWidth\n', 'no-restricted-globals'],
  ])('%s is an error in src/engine', async (_name, code, rule) => {
    expect(await errors(code, ENGINE_FILE)).toContain(rule)
  })

  it('applies to engine tests too, which may still import vitest and fast-check', async () => {
    expect(await errors('export const x = Math.random()\n', ENGINE_TEST)).toContain('no-restricted-properties')
    const ok = "import { it } from 'vitest'\nimport fc from 'fast-check'\nit('x', () => { fc.integer() })\n"
    expect(await errors(ok, ENGINE_TEST)).toEqual([])
    expect(await errors('export const x = new Date()\n', ENGINE_TEST)).toContain('no-restricted-syntax')
    expect(await errors('export const x = new Date(0)\n', ENGINE_TEST)).toEqual([])
  })

  it('accepts a pure engine module', async () => {
    const ok =
      "import type { Model } from './scenario/types'\nexport const f = (m: Model, t: number): string => `${m}@${t}`\n"
    expect(await errors(ok, ENGINE_FILE)).toEqual([])
  })

  it('does not apply outside the engine', async () => {
    expect(await errors('export const x = Math.random()\n', VIEW_FILE)).toEqual([])
    expect(await errors('setTimeout(() => {}, 10)\n', VIEW_FILE)).toEqual([])
  })
})

describe('non-null assertion lint', () => {
  const code = 'const xs: number[] = [1]\nexport const x = xs[0]!\n'

  it.each([
    ENGINE_FILE,
    'src/scenarios/__lint_probe__.ts',
    'src/store/__lint_probe__.ts',
    VIEW_FILE,
    'src/view/__lint_probe__.tsx',
    'src/view/layout/__lint_probe__.ts',
    'src/app/__lint_probe__.tsx',
    'src/embed/__lint_probe__.ts',
    'src/cli/__lint_probe__.ts',
    'scripts/__lint_probe__.ts',
  ])('`x!` is an error in %s: code narrows, or reads through a checked helper', async (file) => {
    expect(await errors(code, file)).toContain('@typescript-eslint/no-non-null-assertion')
  })

  it.each([
    ENGINE_TEST,
    'src/engine/scenario/test-helpers.ts',
    'src/view/__lint_probe__.test.tsx',
    'src/view/layout/test-helpers.ts',
    'scripts/__lint_probe__.test.ts',
    'e2e/__lint_probe__.spec.ts',
    'e2e-docs/__lint_probe__.spec.ts',
  ])('tests and their helpers may assert: %s', async (file) => {
    expect(await errors(code, file)).toEqual([])
  })
})

describe('import direction lint', () => {
  it.each([
    ['src/scenarios/a.ts', '../store'],
    ['src/scenarios/a.ts', '../view/Stage'],
    ['src/store/a.ts', '../view/Stage'],
    ['src/store/a.ts', '../app/App'],
    ['src/view/a.ts', '../embed/Visualizer'],
    ['src/view/a.ts', '../app'],
    ['src/app/a.ts', '../cli/sim'],
    ['src/view/deep/a.ts', '../../../bench/run'],
  ])('%s may not import %s', async (file, source) => {
    expect(await errors(`import { x as y } from '${source}'\nexport const x = y\n`, file)).toContain(
      'no-restricted-imports',
    )
  })

  it.each([
    ['src/scenarios/a.ts', '../engine'],
    ['src/store/a.ts', '../engine'],
    ['src/store/a.ts', '../scenarios'],
    ['src/view/a.ts', '../store/createSimStore'],
    ['src/app/a.ts', '../view/Stage'],
    ['src/embed/a.ts', '../view/Stage'],
  ])('%s may import %s', async (file, source) => {
    expect(await errors(`import { x as y } from '${source}'\nexport const x = y\n`, file)).toEqual([])
  })
})

describe('issue 13: dynamic imports, src/security and deep engine imports', () => {
  it.each([
    ['src/engine/a.ts', "export const v = () => import('../view/Stage')\n"],
    ['src/engine/a.ts', "export const v = () => import('react')\n"],
    ['src/engine/__tests__/a.test.ts', "export const v = () => import('../../store/createSimStore')\n"],
    ['src/store/a.ts', "export const v = () => import('../view/Stage')\n"],
    ['src/view/a.ts', "export const v = () => import('../app/App')\n"],
    ['src/scenarios/a.ts', "export const v = () => import('zustand')\n"],
    ['src/view/a.ts', "export const v = () => import('../engine/scenario/parse')\n"],
  ])('%s: %s is an error', async (file, code) => {
    expect(await errors(code, file)).toContain('no-restricted-syntax')
  })

  it('the engine may not import src/security', async () => {
    expect(await errors("import { x as y } from '../security/csp'\nexport const x = y\n", ENGINE_FILE)).toContain(
      'no-restricted-imports',
    )
  })

  it.each([
    ['src/view/a.ts', '../engine/scenario/parse'],
    ['src/store/a.ts', '../engine/sim'],
    ['src/scenarios/a.ts', '../engine/models/sqs'],
    ['src/app/a.ts', '../../src/engine/types'],
    ['src/cli/a.ts', '../engine/report'],
  ])('%s may not reach past the engine entry to %s', async (file, source) => {
    expect(await errors(`import { x as y } from '${source}'\nexport const x = y\n`, file)).toContain(
      'no-restricted-imports',
    )
  })

  it.each([
    ['src/view/a.ts', '../engine'],
    ['src/store/a.ts', '../engine/index'],
    ['src/cli/a.test.ts', '../engine/__tests__/reportShape'],
  ])('%s may import %s', async (file, source) => {
    expect(await errors(`import { x as y } from '${source}'\nexport const x = y\n`, file)).toEqual([])
  })

  it('lazy imports inside a layer stay allowed', async () => {
    expect(await errors("export const v = () => import('./motionFeatures')\n", VIEW_FILE)).toEqual([])
    expect(await errors("export const v = () => import('./app/compare/ComparePage')\n", 'src/main.tsx')).toEqual([])
  })
})

describe('engine import circles (lem/no-import-cycle)', () => {
  // core.ts imports internalError from must.ts, so must.ts importing core at runtime closes a circle.
  const MUST = 'src/engine/must.ts'
  it('a runtime import that leads back to the importing module is an error', async () => {
    const code = "import { tell } from './core'\nexport const x = tell\n"
    expect(await errors(code, MUST)).toContain('lem/no-import-cycle')
  })
  it('type-only imports are erased by TypeScript and do not count', async () => {
    expect(await errors("import type { Work } from './types'\nexport type X = Work\n", MUST)).not.toContain(
      'lem/no-import-cycle',
    )
    expect(await errors("import { type Work } from './core'\nexport type X = Work\n", MUST)).not.toContain(
      'lem/no-import-cycle',
    )
  })
})

describe('template importer purity lint (src/templates)', () => {
  const FILE = 'src/templates/__lint_probe__.ts'
  const TEST = 'src/templates/__lint_probe__.test.ts'
  it.each([
    ['Math.random()', 'export const x = Math.random()\n', 'no-restricted-properties'],
    ['Date.now()', 'export const x = Date.now()\n', 'no-restricted-properties'],
    ['new Date()', 'export const x = new Date()\n', 'no-restricted-syntax'],
    ['window', 'export const x = window.innerWidth\n', 'no-restricted-globals'],
    ['document', 'export const x = document.title\n', 'no-restricted-globals'],
    ['process', 'export const x = process.env\n', 'no-restricted-globals'],
    ["import from 'react'", "import React from 'react'\nexport const x = React\n", 'no-restricted-imports'],
    ["import from 'zustand'", "import { create } from 'zustand'\nexport const x = create\n", 'no-restricted-imports'],
    ["import from 'motion'", "import { animate } from 'motion'\nexport const x = animate\n", 'no-restricted-imports'],
    [
      "import from 'node:fs'",
      "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
      'no-restricted-imports',
    ],
    ["import from 'fs'", "import { readFileSync } from 'fs'\nexport const x = readFileSync\n", 'no-restricted-imports'],
    [
      'a deep engine import',
      "import { x as y } from '../engine/scenario/parse'\nexport const x = y\n",
      'no-restricted-imports',
    ],
    ['the store', "import { x as y } from '../store/createSimStore'\nexport const x = y\n", 'no-restricted-imports'],
    ['the CLI', "import { x as y } from '../cli/sim'\nexport const x = y\n", 'no-restricted-imports'],
    ["import('react')", "export const v = () => import('react')\n", 'no-restricted-syntax'],
  ])('%s is an error in src/templates', async (_name, code, rule) => {
    expect(await errors(code, FILE)).toContain(rule)
  })

  it('applies to its tests too', async () => {
    expect(await errors('export const x = Math.random()\n', TEST)).toContain('no-restricted-properties')
  })

  it('accepts the engine entry, yaml and fixtures read as raw text', async () => {
    const ok =
      "import { parseScenario } from '../engine'\nimport { parse } from 'yaml'\nimport t from './fixtures/a.yaml?raw'\nexport const x = [parseScenario, parse, t]\n"
    expect(await errors(ok, FILE)).toEqual([])
  })
})
