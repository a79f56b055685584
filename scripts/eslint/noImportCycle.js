// `lem/no-import-cycle`: a module may not reach itself through runtime imports. ESLint lints one file
// at a time, so the rule reads the other modules from disk (type-only imports and `import { type X }`
// lists are erased by TypeScript and do not count). Used for src/engine: a circle there means a
// module can run before the module it depends on has finished loading, and that the layering
// (facts below captions below nothing) has been broken.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx']

/** Static `import … from` / `export … from` of a file's text that survive compilation. */
const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm

function runtimeSpecifiers(text) {
  const out = []
  for (const m of text.matchAll(IMPORT_RE)) {
    if (m[2]) continue
    const clause = m[3].trim()
    const braces = /^\{([\s\S]*)\}$/.exec(clause)
    if (braces) {
      const names = braces[1]
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue
    }
    out.push(m[4])
  }
  return out
}

function resolveFrom(file, spec) {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(file), spec)
  const bare = base.replace(/\.js$/, '')
  for (const candidate of [bare, ...EXTENSIONS.map((e) => bare + e)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** file → { mtime, deps } read from disk, kept for one ESLint process. */
const cache = new Map()

function depsOnDisk(file) {
  const mtime = statSync(file).mtimeMs
  const hit = cache.get(file)
  if (hit && hit.mtime === mtime) return hit.deps
  const deps = runtimeSpecifiers(readFileSync(file, 'utf8'))
    .map((s) => resolveFrom(file, s))
    .filter((d) => d !== null)
  cache.set(file, { mtime, deps })
  return deps
}

/** A path of runtime imports from `start` back to `target`, or null. */
function pathBack(start, target, within) {
  const seen = new Set()
  const stack = [[start, [start]]]
  while (stack.length > 0) {
    const [file, path] = stack.pop()
    if (file === target) return path
    if (seen.has(file) || !file.startsWith(within)) continue
    seen.add(file)
    for (const d of depsOnDisk(file)) stack.push([d, [...path, d]])
  }
  return null
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true
  const specs = node.specifiers ?? []
  return specs.length > 0 && specs.every((s) => s.importKind === 'type' || s.exportKind === 'type')
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow runtime import circles inside a folder' },
    schema: [{ type: 'object', properties: { within: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: 'Import circle: {{path}}. Move what both need into a module that neither imports back.' },
  },
  create(context) {
    const cwd = context.cwd
    const within = resolve(cwd, context.options[0]?.within ?? 'src')
    const self = resolve(cwd, context.filename)
    const check = (node) => {
      if (!node.source || isTypeOnly(node)) return
      const dep = resolveFrom(self, node.source.value)
      if (dep === null || !dep.startsWith(within)) return
      const path = pathBack(dep, self, within)
      if (path === null) return
      const shown = [self, ...path].map((f) => relative(cwd, f)).join(' → ')
      context.report({ node, messageId: 'cycle', data: { path: shown } })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check }
  },
}
