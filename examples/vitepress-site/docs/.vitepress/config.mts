// A real VitePress 1 site that embeds lambda-execution-models' custom element the way README
// "Install" says, built and checked by `npm run test:docs` at the repo root (e2e-docs/docs.spec.ts).
import { defineConfig } from 'vitepress'

export default defineConfig({
  title: 'Lambda docs (example)',
  cleanUrls: true,
  // <lambda-models> is a custom element, not a Vue component.
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag === 'lambda-models' } } },
  themeConfig: {
    nav: [
      { text: 'Retries', link: '/' },
      { text: 'Other', link: '/other' },
    ],
  },
})
