// @vitest-environment node
// index.html's prerendered first frame (issue 20 item 2): what it holds, and when the page hides it.
import { describe, expect, it } from 'vitest'
import { firstFrameCss, moveStyles, renderFirstFrame } from './firstFrame'
import { firstFrameFits, firstFrameScript } from './firstFrameGate'
import { inlineCodeIn } from '../security/csp'

describe('the first frame', () => {
  it('is the default preset at step 0, its stage drawn by variant, with nothing the CSP forbids', () => {
    const { html, css } = renderFirstFrame()
    expect(html).toContain('data-testid="stage"')
    expect(html).toContain('data-step="0"')
    expect(html).toContain('data-model="sync"')
    expect(html).toContain('lem-stage--variants')
    expect(html.match(/<svg class="lem-stage-svg" data-variant="\d"/g)).toHaveLength(4)
    // The system's theme: no pinned data-theme on the app.
    expect(html).not.toMatch(/class="lem-root lem-app" data-theme/)
    expect(inlineCodeIn(html)).toEqual([])
    expect(css).toContain('--lem-aspect')
  })

  it('moves each style attribute into a rule, unescaped', () => {
    const moved = moveStyles('<a style="left:1%"></a><b style="font-family:&quot;X&quot; &amp; y"></b>')
    expect(moved.html).toBe('<a data-lem-ff="0"></a><b data-lem-ff="1"></b>')
    expect(moved.css).toBe('[data-lem-ff="0"]{left:1%}\n[data-lem-ff="1"]{font-family:"X" & y}')
    expect(firstFrameCss(moved.css)).toContain("html[data-first-frame='off'] #root[data-first-frame]")
  })
})

describe('the gate (first-frame.js)', () => {
  it('shows the frame only for a plain visit with no pinned theme', () => {
    expect(firstFrameFits('', '', null)).toBe(true)
    expect(firstFrameFits('?', '#', null)).toBe(true)
    for (const search of [
      '?scenario=async-retries',
      '?lesson=start-here',
      '?compare=burst',
      '?present=1',
      '?template',
      '?step=0',
    ])
      expect(firstFrameFits(search, '', null)).toBe(false)
    expect(firstFrameFits('', '#x', null)).toBe(false)
    expect(firstFrameFits('', '', 'dark')).toBe(false)
    expect(firstFrameFits('', '', 'light')).toBe(false)
  })

  it('runs as a script: marks <html> off and pins the saved theme', () => {
    const run = (search: string, saved: string | null) => {
      const attrs: Record<string, string> = {}
      const env = {
        localStorage: { getItem: () => saved },
        location: { search, hash: '' },
        document: { documentElement: { setAttribute: (k: string, v: string) => (attrs[k] = v) } },
      }
      new Function('localStorage', 'location', 'document', firstFrameScript())(
        env.localStorage,
        env.location,
        env.document,
      )
      return attrs
    }
    expect(run('', null)).toEqual({})
    expect(run('?scenario=x', null)).toEqual({ 'data-first-frame': 'off' })
    expect(run('', 'dark')).toEqual({ 'data-first-frame': 'off', 'data-theme': 'dark' })
    // Anything else stored is no choice (loadTheme reads it as the system's).
    expect(run('', 'purple')).toEqual({})
  })
})
