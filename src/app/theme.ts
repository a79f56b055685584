import type { ThemeChoice } from '../view/Visualizer'

/** Where the reader's pinned theme is kept (also read by index.html's first-frame.js, firstFrameGate.ts). */
export const THEME_KEY = 'lem-theme'
const KEY = THEME_KEY

/** The remembered theme; storage may be blocked (privacy modes, sandboxed iframes). */
export function loadTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

export function saveTheme(theme: ThemeChoice): void {
  try {
    if (theme === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, theme)
  } catch {
    // Not remembered, still applied.
  }
}

/** The theme actually shown, for the page background around the visualizer. */
export function effectiveTheme(theme: ThemeChoice): 'light' | 'dark' {
  if (theme !== 'system') return theme
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}
