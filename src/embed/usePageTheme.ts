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

const fromDocument = (): PageTheme => readPageTheme(document.documentElement)
const onServer = (): PageTheme => null

export function usePageTheme(): PageTheme {
  return useSyncExternalStore(subscribe, fromDocument, onServer)
}
