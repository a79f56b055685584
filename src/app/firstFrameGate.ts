import { THEME_KEY } from './theme'

/**
 * Whether index.html's prerendered first frame (the default preset at step 0, the system's theme)
 * is what this visit will show: no query or fragment (a share link, lesson, compare, present or
 * template link opens something else) and no theme the reader pinned (the frame follows the
 * system). Otherwise the page hides it before its first paint and the app draws its own.
 *
 * It runs as is in first-frame.js, a classic script in index.html's <head>, before the body is
 * parsed (the page's CSP allows no inline script): self-contained, no imports, nothing but its
 * arguments.
 */
export function firstFrameFits(search: string, hash: string, savedTheme: string | null): boolean {
  return (search === '' || search === '?') && (hash === '' || hash === '#') && savedTheme === null
}

/** The script itself: marks <html data-first-frame="off"> when the frame does not fit (first-frame.css hides it). */
export function firstFrameScript(): string {
  return `(function () {
  var saved = null
  try { saved = localStorage.getItem(${JSON.stringify(THEME_KEY)}) } catch (e) {}
  if (saved !== 'light' && saved !== 'dark') saved = null
  var fits = (${firstFrameFits.toString()})(location.search, location.hash, saved)
  if (!fits) document.documentElement.setAttribute('data-first-frame', 'off')
  if (saved) document.documentElement.setAttribute('data-theme', saved)
})()
`
}
