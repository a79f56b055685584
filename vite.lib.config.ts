// `npm run build:lib`: the React component <LambdaModels> as an ES module library in dist-lib/
// (`npm run pack:lib` adds the element script and the declarations, then packs it),
// react and react-dom external (peer dependencies), one CSS file beside it.
import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import { CSS_TARGET } from './scripts/cssTarget.js'

const app = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
  license: string
  description: string
}

const PEER_REACT = '>=18.3 <20'

/** A package.json so dist-lib/ can be published or installed from a path as is. */
function packageManifest(): Plugin {
  const manifest = {
    name: 'lambda-execution-models',
    version: app.version,
    license: app.license,
    type: 'module',
    description: app.description,
    module: './lambda-models.js',
    main: './lambda-models.js',
    types: './types/lib.d.ts',
    exports: {
      '.': { types: './types/lib.d.ts', default: './lambda-models.js' },
      './element': { types: './types/element.d.ts', default: './element.js' },
      './element-lessons': './element-lessons.js',
      './element.css': './element.css',
      './style.css': './lambda-models.css',
      './package.json': './package.json',
    },
    // element.js registers <lambda-models> when imported; element-lessons.js its lessons companion.
    sideEffects: ['*.css', './element.js', './element-lessons.js'],
    // React 18.3 and every 19.x: the component uses nothing newer than useSyncExternalStore and portals.
    peerDependencies: { react: PEER_REACT, 'react-dom': PEER_REACT },
  }
  return {
    name: 'lem-package-manifest',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify(manifest, null, 2)}\n` })
    },
  }
}

export default defineConfig({
  plugins: [react(), packageManifest()],
  define: { 'process.env.NODE_ENV': '"production"' },
  publicDir: false,
  build: {
    cssTarget: CSS_TARGET,
    outDir: 'dist-lib',
    emptyOutDir: true,
    lib: {
      entry: 'src/embed/lib.ts',
      formats: ['es'],
      fileName: () => 'lambda-models.js',
      cssFileName: 'lambda-models',
    },
    rolldownOptions: {
      external: (id) => /^react(-dom)?($|\/)/.test(id),
    },
  },
})
