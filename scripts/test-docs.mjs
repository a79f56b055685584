#!/usr/bin/env node
// `npm run test:docs`: the package in real docs sites (issue 12). Packs lambda-execution-models
// (scripts/pack-lib.mjs), installs each example site's own dependencies with `npm ci` from its own
// package-lock.json (examples/docusaurus-site, examples/vitepress-site, and examples/react18: a page
// on React 18.3 server-rendered and hydrated; network: the npm registry),
// puts the tarball into its node_modules as `npm install <tarball>` would, builds the site, serves
// the build, and runs e2e-docs/ in Chromium against each. The last line printed is exactly
// `N passed, N failed` (Playwright tests, plus one failure per site that could not be installed or
// built). Local reruns: `--no-install` reuses node_modules already there, `--no-build` the builds
// already there; other arguments go to Playwright. The app's build (the iframe page) is served too,
// for the iframe protocol tests.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const RESULTS = join(root, 'test-results', 'docs-results.json')
const SITES = [
  {
    name: 'docusaurus',
    dir: join(root, 'examples', 'docusaurus-site'),
    build: ['run', 'build'],
    out: 'build',
    env: 'DOCS_DOCUSAURUS_URL',
  },
  {
    name: 'vitepress',
    dir: join(root, 'examples', 'vitepress-site'),
    build: ['run', 'build'],
    out: 'docs/.vitepress/dist',
    env: 'DOCS_VITEPRESS_URL',
  },
  {
    // React 18.3, the oldest React the package's peer range allows: renderToString + hydrateRoot.
    name: 'react18',
    dir: join(root, 'examples', 'react18'),
    build: ['run', 'build'],
    out: 'dist',
    env: 'DOCS_REACT18_URL',
  },
]

function step(title, cmd, cmdArgs, cwd) {
  console.log(`\n=== ${title}: ${cmd} ${cmdArgs.join(' ')}  (in ${cwd.slice(root.length + 1) || '.'})\n`)
  const start = Date.now()
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit', env: { ...process.env, NODE_ENV: undefined } })
  const code = r.status ?? 1
  console.log(`\n=== ${title}: exit ${code} in ${((Date.now() - start) / 1000).toFixed(1)}s`)
  return code
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
}

/** A static file server like the hosts docs sites deploy to: `/a` serves a.html or a/index.html. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    )
    const candidates = [path, `${path}.html`, join(path, 'index.html')].map((p) => join(dir, p))
    const file = candidates.find((f) => f.startsWith(dir) && existsSync(f) && statSync(f).isFile())
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end(existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

let failed = 0
const tmp = mkdtempSync(join(tmpdir(), 'lem-docs-'))
const servers = []
try {
  let tarball = ''
  try {
    tarball = execFileSync(process.execPath, [join(root, 'scripts', 'pack-lib.mjs'), '--out', tmp], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop()
  } catch (e) {
    console.error(`pack: ${e.message}`)
  }
  const env = { ...process.env }
  for (const site of SITES) {
    if (!tarball) {
      failed++
      continue
    }
    const installed = args.includes('--no-install') && existsSync(join(site.dir, 'node_modules'))
    if (!installed && step(`${site.name}: install`, 'npm', ['ci', '--no-audit', '--no-fund'], site.dir) !== 0) {
      failed++
      continue
    }
    const pkg = join(site.dir, 'node_modules', 'lambda-execution-models')
    rmSync(pkg, { recursive: true, force: true })
    mkdirSync(pkg, { recursive: true })
    execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1'])
    // Bundlers cache node_modules by package version (npm pack also zeroes the files' dates), so a
    // rebuilt tarball of the same version would be served from the cache of the last build.
    for (const cache of ['node_modules/.cache', 'docs/.vitepress/cache'])
      rmSync(join(site.dir, cache), { recursive: true, force: true })
    const built = args.includes('--no-build') && existsSync(join(site.dir, site.out))
    if (!built && step(`${site.name}: build`, 'npm', site.build, site.dir) !== 0) {
      failed++
      continue
    }
    const server = await serve(join(site.dir, site.out))
    servers.push(server)
    env[site.env] = `http://127.0.0.1:${server.address().port}`
    console.log(`${site.name}: serving ${site.out} at ${env[site.env]}`)
  }
  // The iframe page and embed-host.js (the app's build), served from an origin of their own as a
  // docs site would load them from its CDN (e2e-docs/iframe.spec.ts puts them into a site's page).
  const iframeDist = join(root, 'test-results', 'docs-iframe')
  const iframeBuilt = args.includes('--no-build') && existsSync(join(iframeDist, 'embed.html'))
  if (
    iframeBuilt ||
    step(
      'iframe page: build',
      join(root, 'node_modules', '.bin', 'vite'),
      ['build', '--logLevel', 'warn', '--outDir', iframeDist],
      root,
    ) === 0
  ) {
    const server = await serve(iframeDist)
    servers.push(server)
    env.DOCS_IFRAME_URL = `http://localhost:${server.address().port}`
    console.log(`iframe page: serving at ${env.DOCS_IFRAME_URL}`)
  } else failed++
  rmSync(RESULTS, { force: true })
  // Not spawnSync: the static servers live in this process and must keep answering meanwhile.
  const e2e = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'scripts', 'e2e.mjs'),
        '-c',
        'playwright.docs.config.ts',
        ...args.filter((a) => !a.startsWith('--no-')),
      ],
      { cwd: root, stdio: 'inherit', env },
    )
    child.on('error', () => resolve({ status: 1 }))
    child.on('exit', (status) => resolve({ status: status ?? 1 }))
  })
  let passed = 0
  try {
    const s = JSON.parse(readFileSync(RESULTS, 'utf8')).stats
    passed = (s.expected ?? 0) + (s.flaky ?? 0)
    failed += s.unexpected ?? 0
  } catch {
    failed++
  }
  if (e2e.status !== 0 && failed === 0) failed = 1
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 ? 0 : 1
} finally {
  for (const s of servers) s.close()
  rmSync(tmp, { recursive: true, force: true })
}
