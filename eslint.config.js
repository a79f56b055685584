// ESLint flat config (STYLE.md 3.1, 3.2, 3.9).
// typescript-eslint `recommended` (not type-checked, for speed), react-hooks for React files, and the
// per-folder rules that keep the architecture honest: a pure, deterministic engine and one-way imports
//   engine <- scenarios <- store <- view <- app / embed
// scripts/lint-rules.test.ts checks that the engine bans keep firing.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { noImportCycle } from './scripts/eslint/noImportCycle.js'

const PURE = 'The engine is pure and deterministic: same state + same input = same output, on any machine.'

// ---- import boundaries -------------------------------------------------------------------------
// `no-restricted-imports` options do not merge across config objects (a later block replaces the
// whole rule), so each folder's block lists every restriction that applies to it.

/** A relative (or src/-rooted) import into one of the given top-level src folders. */
const intoFolders = (folders, message) => ({
  regex: `^(?:(?:\\.\\./)+|(?:.*/)?src/)(?:${folders.join('|')})(?:/|$)`,
  message,
})

const NO_CLI_OR_BENCH = [
  intoFolders(['cli'], 'Nothing in src imports from src/cli: the CLI is an entry point, not a library.'),
  {
    regex: '^(?:\\.\\./)+bench(?:/|$)',
    message: 'Nothing in src imports from bench/: benchmarks are an entry point, not a library.',
  },
]

const UI_PACKAGES = ['react', 'react-dom', 'zustand', 'motion', 'framer-motion']
const uiPackagePatterns = (message) => [{ group: UI_PACKAGES.flatMap((p) => [p, `${p}/**`]), message }]

/** Outside src/engine, only the engine's entry (index.ts) is public; tests may also use its test helpers. */
const NO_DEEP_ENGINE = {
  regex: '^(?:(?:\\.\\./)+|(?:.*/)?src/)engine/(?!index(?:\\.ts)?$|__tests__/)',
  message: 'Import the engine from its entry (src/engine/index.ts), not from its files: what it exports is its API.',
}

const boundaries = (patterns, paths = []) => ['error', { paths, patterns: [...patterns, ...NO_CLI_OR_BENCH] }]

/**
 * `no-restricted-imports` does not see `import('…')`: the same regexes as `no-restricted-syntax`
 * selectors on ImportExpression. esquery regex literals cannot hold a '/', so it is written \x2F.
 */
const dynamicImportBans = (patterns) =>
  patterns.map((p) => ({
    selector: `ImportExpression[source.value=/${(p.regex ?? p.group.map(globToRegex).join('|')).replaceAll('/', '\\x2F')}/]`,
    message: `${p.message} (dynamic import)`,
  }))

/** 'react', 'react/**', 'node:*' as an anchored regex source. */
const globToRegex = (glob) =>
  `^${glob
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replaceAll('**', '\0')
    .replaceAll('*', '[^/]*')
    .replaceAll('\0', '.*')}$`

const ENGINE_PATTERNS = [
  ...uiPackagePatterns(`${PURE} It must not depend on React, zustand or motion; the store and view wrap it.`),
  { group: ['node:*'], message: `${PURE} Node built-ins are not available in the browser.` },
  intoFolders(
    ['store', 'view', 'app', 'embed', 'scenarios', 'security'],
    'src/engine imports nothing from store, view, app, embed, scenarios or security: imports flow engine <- scenarios <- store <- view <- app/embed.',
  ),
]
const ENGINE_IMPORTS = boundaries(
  ENGINE_PATTERNS,
  // bare built-in names such as 'fs' or 'crypto'
  builtinModules
    .filter((m) => !m.startsWith('_'))
    .map((name) => ({ name, message: `${PURE} Node built-ins are not available in the browser.` })),
)

const SCENARIOS_PATTERNS = [
  ...uiPackagePatterns('src/scenarios is data: it may import only from src/engine.'),
  intoFolders(
    ['store', 'view', 'app', 'embed'],
    'src/scenarios may import only from src/engine: imports flow engine <- scenarios <- store <- view <- app/embed.',
  ),
  NO_DEEP_ENGINE,
]

const STORE_PATTERNS = [
  intoFolders(
    ['view', 'app', 'embed'],
    'src/store may not import view, app or embed: imports flow engine <- scenarios <- store <- view <- app/embed.',
  ),
  NO_DEEP_ENGINE,
]

const VIEW_PATTERNS = [
  intoFolders(
    ['app', 'embed'],
    'src/view may not import app or embed: imports flow engine <- scenarios <- store <- view <- app/embed.',
  ),
  NO_DEEP_ENGINE,
]

/** The stage layout is pure geometry: the server frame and the unit tests run it without a DOM. */
const LAYOUT_PATTERNS = [
  ...uiPackagePatterns(
    'src/view/layout is pure geometry (no React, zustand or motion): components draw what it returns.',
  ),
  ...VIEW_PATTERNS,
]

/** Both import rules of one folder: static imports, and the same bans on `import('…')`. */
const layerRules = (patterns, importsRule = boundaries(patterns), extraSyntax = []) => ({
  'no-restricted-imports': importsRule,
  'no-restricted-syntax': ['error', ...extraSyntax, ...dynamicImportBans([...patterns, ...NO_CLI_OR_BENCH])],
})

/** src/templates: the template importer, pure like the engine, which it reaches only through its entry. */
const TEMPLATES_PURE =
  'src/templates is pure and deterministic like the engine: the same template text gives the same result.'
const TEMPLATES_PATTERNS = [
  ...uiPackagePatterns(`${TEMPLATES_PURE} It must not depend on React, zustand or motion; the in-app panel wraps it.`),
  {
    group: ['node:*'],
    message: `${TEMPLATES_PURE} Node built-ins are not available in the browser; the CLIs read files.`,
  },
  intoFolders(
    ['store', 'view', 'app', 'embed', 'scenarios', 'security'],
    'src/templates imports only the engine (through src/engine/index.ts) and the yaml package.',
  ),
  NO_DEEP_ENGINE,
]
const TEMPLATES_IMPORTS = boundaries(
  TEMPLATES_PATTERNS,
  builtinModules
    .filter((m) => !m.startsWith('_'))
    .map((name) => ({ name, message: `${TEMPLATES_PURE} Node built-ins are not available in the browser.` })),
)

// ---- engine determinism ----------------------------------------------------------------------------
const ENGINE_GLOBALS = [
  ['setTimeout', 'Schedule an event in the simulation queue instead; the store drives real time.'],
  ['setInterval', 'Schedule an event in the simulation queue instead; the store drives real time.'],
  ['setImmediate', 'Schedule an event in the simulation queue instead.'],
  ['queueMicrotask', 'Schedule an event in the simulation queue instead.'],
  ['requestAnimationFrame', 'Animation frames belong to src/store/playback.ts.'],
  ['cancelAnimationFrame', 'Animation frames belong to src/store/playback.ts.'],
  ['window', 'The engine has no DOM.'],
  ['document', 'The engine has no DOM.'],
  ['localStorage', 'Persistence belongs to the store or app.'],
  ['sessionStorage', 'Persistence belongs to the store or app.'],
  ['performance', 'Time is the simulation clock in the state, never the wall clock.'],
  ['crypto', 'Randomness comes from the seeded PRNG carried in the simulation state (src/engine/rng.ts).'],
  ['globalThis', 'The engine touches no ambient globals.'],
  ['self', 'The engine touches no ambient globals.'],
  ['process', 'The engine reads no environment; pass configuration in the scenario.'],
].map(([name, hint]) => ({ name, message: `${PURE} ${hint}` }))

const ENGINE_PROPERTIES = [
  ['Math', 'random', 'Use the seeded PRNG carried in the simulation state (src/engine/rng.ts).'],
  ['Date', 'now', 'Time is the simulation clock in the state, never the wall clock.'],
  ['performance', 'now', 'Time is the simulation clock in the state, never the wall clock.'],
].map(([object, property, hint]) => ({ object, property, message: `${PURE} ${hint}` }))

const WALL_CLOCK = `${PURE} Time is the simulation clock in the state, never the wall clock.`
// `new Date()` / `Date()` read the wall clock. In engine tests, `new Date(0)` is a deterministic
// value (e.g. a bad input fed to the parser) and stays allowed; engine source has no Dates at all
// (state is plain JSON).
const ENGINE_TEST_SYNTAX = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: WALL_CLOCK },
  { selector: "CallExpression[callee.name='Date']", message: WALL_CLOCK },
]
const ENGINE_SYNTAX = [
  {
    selector: "NewExpression[callee.name='Date']",
    message: `${WALL_CLOCK} State is plain JSON, so no Date objects either.`,
  },
  { selector: "CallExpression[callee.name='Date']", message: WALL_CLOCK },
]

/** The engine's determinism bans, worded for src/templates. */
const forTemplates = (rules) => rules.map((r) => ({ ...r, message: r.message.replace(PURE, TEMPLATES_PURE) }))

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      'docs/screenshots/',
      'e2e/.output/',
      // The example docs sites: their own dependencies and build output.
      'examples/*/node_modules/',
      'examples/*/build/',
      'examples/*/.docusaurus/',
      'examples/*/docs/.vitepress/cache/',
      'examples/*/docs/.vitepress/dist/',
      'examples/*/dist/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // The example docs sites' CommonJS configs (Docusaurus).
  {
    files: ['examples/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  // examples/react18: its build script runs in Node, its client entry in the browser.
  {
    files: ['examples/react18/build.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['examples/react18/client.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Scripts a host page loads as is (no build step).
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  // Node-side code: tooling, CLI, benchmarks, Playwright, configs.
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', 'src/cli/**', '*.config.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Browser-side code.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/templates/**', 'src/cli/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // React hooks rules wherever React code may live.
  {
    ...reactHooks.configs.flat.recommended,
    files: ['**/*.tsx', 'src/store/**/*.ts', 'src/view/**/*.ts', 'src/embed/**/*.ts', 'src/app/**/*.ts'],
  },
  {
    // useBrowserLayoutEffect is useLayoutEffect without React 18's server warning: same deps rule.
    files: ['**/*.tsx', 'src/store/**/*.ts', 'src/view/**/*.ts', 'src/embed/**/*.ts', 'src/app/**/*.ts'],
    rules: { 'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useBrowserLayoutEffect$' }] },
  },

  // ---- boundaries, narrowest last ---------------------------------------------------------------
  { files: ['src/**/*.{ts,tsx}'], rules: layerRules([NO_DEEP_ENGINE]) },
  { files: ['src/view/**/*.{ts,tsx}'], rules: layerRules(VIEW_PATTERNS) },
  {
    files: ['src/view/layout/**/*.{ts,tsx}'],
    rules: {
      ...layerRules(LAYOUT_PATTERNS),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'getComputedStyle', 'ResizeObserver'].map((name) => ({
          name,
          message: 'src/view/layout is pure geometry: no DOM (the server frame and the tests run it without one).',
        })),
      ],
    },
  },
  { files: ['src/store/**/*.{ts,tsx}'], rules: layerRules(STORE_PATTERNS) },
  { files: ['src/scenarios/**/*.{ts,tsx}'], rules: layerRules(SCENARIOS_PATTERNS) },
  // The engine, tests included (they may import 'vitest' and 'fast-check', nothing impure).
  {
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ENGINE_IMPORTS,
      'no-restricted-globals': ['error', ...ENGINE_GLOBALS],
      'no-restricted-properties': ['error', ...ENGINE_PROPERTIES],
      'no-restricted-syntax': [
        'error',
        ...ENGINE_SYNTAX,
        ...dynamicImportBans([...ENGINE_PATTERNS, ...NO_CLI_OR_BENCH]),
      ],
    },
  },
  // The template importer: the engine's purity, tests included (they read fixtures with `?raw`).
  {
    files: ['src/templates/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': TEMPLATES_IMPORTS,
      'no-restricted-globals': ['error', ...forTemplates(ENGINE_GLOBALS)],
      'no-restricted-properties': ['error', ...forTemplates(ENGINE_PROPERTIES)],
      'no-restricted-syntax': [
        'error',
        ...forTemplates(ENGINE_SYNTAX),
        ...dynamicImportBans([...TEMPLATES_PATTERNS, ...NO_CLI_OR_BENCH]),
      ],
    },
  },
  // No import circles in the engine (type-only imports aside): facts sit below captions, captions
  // below the models that tell them, and the numbers both quote live in one constants module.
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/engine/**/__tests__/**'],
    plugins: { lem: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'lem/no-import-cycle': ['error', { within: 'src/engine' }] },
  },
  // No `x!` outside tests: code narrows what it reads, or reads what it guarantees through a checked
  // read that fails with a clear message (the engine's must.ts: nth, entry, eventAt, envAt, ctxOf),
  // rather than running on with `undefined`. Tests, their helpers, e2e and e2e-docs may assert.
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src/**/test-helpers.ts', 'src/**/__tests__/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    files: ['src/engine/**/*.test.{ts,tsx}', 'src/engine/**/test-helpers.ts', 'src/engine/**/__tests__/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...ENGINE_TEST_SYNTAX,
        ...dynamicImportBans([...ENGINE_PATTERNS, ...NO_CLI_OR_BENCH]),
      ],
    },
  },
)
