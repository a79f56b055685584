/**
 * `npm run bench -- sizes`: what each embed costs a reader, gzip level 9 via node:zlib. Builds the
 * three outputs into a temporary folder (so a `dist/` being served is left alone) and measures
 * what each page or script actually loads.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface SizeRow {
  readonly name: string
  readonly files: readonly string[]
  readonly bytes: number
  readonly gzipBytes: number
}

export function measure(name: string, dir: string, files: readonly string[]): SizeRow {
  let bytes = 0
  let gzipBytes = 0
  for (const f of files) {
    const data = readFileSync(join(dir, f))
    bytes += data.length
    gzipBytes += gzipSync(data, { level: 9 }).length
  }
  return { name, files, bytes, gzipBytes }
}

/** The JS and CSS an HTML page of the build loads (entry script, module preloads, stylesheets). */
export function pageAssets(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8')
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*\shref)="\.\/([^"]+)"/g),
  ].flatMap((m) => (m[1] ? [m[1]] : []))
  return [...new Set(refs)]
}

export function measureSizes(): SizeRow[] {
  const out = mkdtempSync(join(tmpdir(), 'lem-sizes-'))
  const vite = (args: string[]) =>
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', ...args], { stdio: 'inherit' })
  try {
    vite(['--outDir', join(out, 'dist')])
    vite(['-c', 'vite.element.config.ts', '--outDir', join(out, 'dist')])
    vite(['-c', 'vite.lib.config.ts', '--outDir', join(out, 'lib')])
    const dist = join(out, 'dist')
    return [
      measure('app (index.html: JS + CSS)', dist, pageAssets(dist, 'index.html')),
      measure('iframe page (embed.html: JS + CSS)', dist, pageAssets(dist, 'embed.html')),
      measure('custom element (lambda-models.js, CSS inside)', dist, ['lambda-models.js']),
      measure('React library (lambda-models.js + .css, without react/react-dom)', join(out, 'lib'), [
        'lambda-models.js',
        'lambda-models.css',
      ]),
    ]
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
