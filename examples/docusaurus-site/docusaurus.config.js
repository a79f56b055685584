// A real Docusaurus 3 site that embeds lambda-execution-models the way README "Install" says, built
// and checked by `npm run test:docs` at the repo root (e2e-docs/docs.spec.ts).
/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: 'Lambda docs (example)',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  favicon: undefined,
  // The custom element script, loaded once for every page, so <lambda-models> in any page works
  // also after client-side navigation (a <script> inside MDX content would not run then); its
  // stylesheet goes into the site's CSS in <head>, holding each element's box until the script runs.
  clientModules: [
    require.resolve('lambda-execution-models/element'),
    require.resolve('lambda-execution-models/element.css'),
  ],
  presets: [
    [
      'classic',
      {
        docs: { routeBasePath: '/', sidebarPath: require.resolve('./sidebars.js') },
        blog: false,
        theme: { customCss: require.resolve('./src/css/custom.css') },
      },
    ],
  ],
  themeConfig: {
    colorMode: { defaultMode: 'light', respectPrefersColorScheme: false },
    navbar: { title: 'Lambda docs', items: [{ to: '/', label: 'Retries' }, { to: '/element', label: 'Element' }, { to: '/other', label: 'Other' }] },
  },
}
