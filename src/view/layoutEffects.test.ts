// React 18's server renderer warns at every useLayoutEffect (React 19 does not), and the package
// allows React 18.3: code that may render on a docs site's server uses useBrowserLayoutEffect. This
// reads the sources, so a plain useLayoutEffect creeping back fails here, not at a docs build.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const SOURCES = readdirSync('src', { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))

it('no source but useBrowserLayoutEffect.ts calls useLayoutEffect (React 18 server warning)', () => {
  const offenders = SOURCES.filter(
    (f) => !f.endsWith('useBrowserLayoutEffect.ts') && /\buseLayoutEffect\b/.test(readFileSync(f, 'utf8')),
  )
  expect(offenders).toEqual([])
})
