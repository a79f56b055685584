import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * What ships: the production dependency tree, read from package-lock.json. `npm audit` cannot run
 * on this machine (the registry mirror answers 405), so the tree is pinned here and reviewed by hand
 * (docs/SECURITY.md, "Dependencies"): adding or upgrading a runtime package fails this test until
 * the list, and that review, are updated.
 */
const REVIEWED = ['react-dom@19.3.1', 'react@19.3.1', 'scheduler@0.28.0', 'yaml@2.9.1', 'zustand@5.1.0']

interface LockEntry {
  readonly version?: string
  readonly dev?: boolean
  readonly devOptional?: boolean
}

function productionTree(): string[] {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> }
  return Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && !p.dev && !p.devOptional)
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version}`)
    .sort()
}

describe('runtime dependencies (docs/SECURITY.md)', () => {
  it('the production tree is exactly the reviewed list', () => {
    expect(productionTree()).toEqual(REVIEWED)
  })

  it('has no React Server Components runtime (the 2025-2026 React advisories are all in react-server-dom-*)', () => {
    expect(productionTree().filter((p) => p.startsWith('react-server-dom'))).toEqual([])
  })
})
