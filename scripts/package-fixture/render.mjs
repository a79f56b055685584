// Server-renders the packed package as a docs site's build would; prints what the stage looks like.
// Run with the fixture app as cwd, so `lambda-execution-models` resolves through its node_modules.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'

const [pkg, ...scenarios] = process.argv.slice(2)
const { LambdaModels } = await import(pkg)
// The element entry must be harmless on a server (Docusaurus evaluates client modules there too).
await import(`${pkg}/element`)
await import(`${pkg}/element-lessons`)
const out = {}
for (const scenario of scenarios) {
  const html = renderToString(createElement(LambdaModels, { scenario, controls: 'minimal', theme: 'light' }))
  out[scenario] = {
    viewBox: /class="lem-stage-svg"[^>]*viewBox="([^"]+)"/.exec(html)?.[1] ?? null,
    nodes: (html.match(/class="lem-node /g) ?? []).length,
    envs: (html.match(/data-env-id=/g) ?? []).length,
    html,
  }
}
process.stdout.write(JSON.stringify(out))
