// `npm run build:lib`: the React component <LambdaModels> as an ES module library in dist-lib/,
// react and react-dom external (peer dependencies), one CSS file beside it.
import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'

const app = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string; license: string; dependencies: Record<string, string> }

/** A package.json so dist-lib/ can be published or installed from a path as is. */
function packageManifest(): Plugin {
  const manifest = {
    name: 'lambda-execution-models',
    version: app.version,
    license: app.license,
    type: 'module',
    module: './lambda-models.js',
    main: './lambda-models.js',
    exports: { '.': './lambda-models.js', './style.css': './lambda-models.css' },
    sideEffects: ['*.css'],
    peerDependencies: { react: app.dependencies.react, 'react-dom': app.dependencies['react-dom'] },
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
