// @vitest-environment jsdom
// Text from scenarios and links is always rendered as text; docUrl is only ever https; no code path
// turns strings into HTML or code (docs/SECURITY.md).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { parseScenario } from '../engine'
import { decodeShare, toBase64Url } from '../store/url'
import { Visualizer } from '../view/Visualizer'
import { CSP_META, cspHeader, inlineCodeIn } from './csp'

const XSS = '<img src=x onerror=alert(1)>'

afterEach(cleanup)

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

describe('scenario text is rendered as text', () => {
  it('shows a title and description holding HTML literally, creating no element from them', () => {
    const r = parseScenario({
      version: 1,
      model: 'sync',
      title: `T ${XSS}`,
      description: `D ${XSS}<script>alert(2)</script>`,
      workload: [{ atMs: 0, count: 1 }],
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const { container } = render(<Visualizer scenario={r.scenario} controls="full" />)
    expect(container.textContent).toContain(`T ${XSS}`)
    // The description opens under "About".
    fireEvent.click(screen.getByRole('button', { name: /^About/ }))
    expect(container.textContent).toContain(`D ${XSS}<script>alert(2)</script>`)
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('script')).toBeNull()
  })

  it('shows a share link carrying HTML in a notice literally', () => {
    const d = decodeShare(`?scenario=${encodeURIComponent(XSS)}`)
    const { container } = render(
      <Visualizer preset={d.presetId ?? undefined} notices={d.problems} controls="minimal" />,
    )
    expect(container.textContent).toContain(XSS.slice(0, 20))
    expect(container.querySelector('img')).toBeNull()
  })

  it('shows a share link whose scenario title holds HTML literally', () => {
    const d = decodeShare(`?s=${toBase64Url(JSON.stringify({ version: 1, model: 'sync', title: XSS, workload: [] }))}`)
    expect(d.problems).toEqual([])
    const { container } = render(<Visualizer scenario={d.scenario} controls="full" />)
    expect(container.textContent).toContain(XSS)
    expect(container.querySelector('img')).toBeNull()
  })
})

describe('docUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)//https://x',
    'http://docs.aws.amazon.com/',
    'data:text/html,<b>x</b>',
    '//evil.example/',
    'https://a.b/"onmouseover="x',
    'https://a b',
    ' https://docs.aws.amazon.com/',
  ])('refuses %s', (docUrl) => {
    const r = parseScenario({ version: 1, model: 'sync', docUrl, workload: [] })
    expect(r.ok).toBe(false)
  })

  it('accepts an https URL and renders it as the link target', () => {
    const r = parseScenario({
      version: 1,
      model: 'sync',
      docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html',
      workload: [],
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const { container } = render(<Visualizer scenario={r.scenario} controls="full" />)
    const hrefs = [...container.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '')
    expect(hrefs).toContain('https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html')
    for (const h of hrefs) expect(h).toMatch(/^(https:\/\/|\?|#)/)
  })
})

describe('no strings become HTML or code', () => {
  it('the shipped source never uses innerHTML, dangerouslySetInnerHTML, eval or new Function', () => {
    const banned =
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*['"](style|on\w+)['"]/
    const hits = sourceFiles(join(__dirname, '..')).filter((f) => banned.test(readFileSync(f, 'utf8')))
    expect(hits).toEqual([])
  })
})

describe('the policy', () => {
  it('is the strict policy, with frame-ancestors only in the header', () => {
    expect(CSP_META).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    )
    expect(CSP_META).not.toContain('frame-ancestors')
    expect(cspHeader("'none'")).toBe(`${CSP_META}; frame-ancestors 'none'`)
  })

  it('finds inline code in a page', () => {
    expect(
      inlineCodeIn('<script type="module" crossorigin src="./a.js"></script><link rel="stylesheet" href="./a.css">'),
    ).toEqual([])
    expect(inlineCodeIn('<script>alert(1)</script>')).toHaveLength(1)
    expect(inlineCodeIn('<style>a{}</style>')).toHaveLength(1)
    expect(inlineCodeIn('<div style="color:red"></div>')).toHaveLength(1)
    expect(inlineCodeIn('<img src=x onerror="alert(1)">')).toHaveLength(1)
  })

  it('the source pages carry no inline script or style', () => {
    for (const page of ['index.html', 'embed.html']) {
      const html = readFileSync(join(__dirname, '..', '..', page), 'utf8').replace(
        /<script type="module" src="[^"]+"><\/script>/,
        '',
      )
      expect(inlineCodeIn(html), page).toEqual([])
    }
  })
})
