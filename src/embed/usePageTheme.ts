import { useSyncExternalStore } from 'react'

export type PageTheme = 'light' | 'dark' | null

/**
 * The embedding page's own theme switch, for `theme="auto"`: VitePress puts class `dark` on <html>,
 * Docusaurus and this app set `data-theme`. Null when the page says nothing (then the system
 * preference applies). Null on the server, so the static frame never reads `document`.
 */
export function readPageTheme(html: HTMLElement): PageTheme {
  const attr = html.getAttribute('data-theme')
  if (attr === 'dark' || attr === 'light') return attr
  if (html.classList.contains('dark')) return 'dark'
  return null
}

function subscribe(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => {}
  const mo = new MutationObserver(onChange)
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme'] })
  return () => mo.disconnect()
}

/**
 * VitePress marks only dark mode (class `dark`), so once a page has shown that class, its absence
 * means the reader switched to light, not "no preference". (A page that opens in light mode while
 * the system prefers dark still looks like one without a switch until it first goes dark.)
 */
let sawDarkClass = false

function fromDocument(): PageTheme {
  const html = document.documentElement
  if (html.classList.contains('dark')) sawDarkClass = true
  return readPageTheme(html) ?? (sawDarkClass ? 'light' : null)
}
const onServer = (): PageTheme => null

export function usePageTheme(): PageTheme {
  return useSyncExternalStore(subscribe, fromDocument, onServer)
}
