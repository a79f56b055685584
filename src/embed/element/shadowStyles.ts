// The view's stylesheets as text, for the custom element's shadow root: nothing is added to the host
// page's <head>, and the host's selectors cannot reach inside. Globbed so a stylesheet the view adds
// later comes along without touching this file.
const sheets = import.meta.glob<string>('../../view/*.css', { query: '?inline', import: 'default', eager: true })

/** styles.css holds the base rules and variables; the others refine it, so it goes first. */
function ordered(): string[] {
  const names = Object.keys(sheets).sort(
    (a, b) => Number(!a.endsWith('/styles.css')) - Number(!b.endsWith('/styles.css')) || a.localeCompare(b),
  )
  return names.map((n) => sheets[n] ?? '')
}

/**
 * `rem` is relative to the host page's <html> font size, the one thing besides inherited properties
 * that crosses a shadow boundary; pinned to the browser default so a host's `html { font-size }`
 * cannot resize the embed.
 */
export function pinRem(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, (_, n: string) => `${Number((Number(n) * 16).toFixed(3))}px`)
}

const HOST_RULES = `
:host { display: block; text-align: left; }
:host([hidden]) { display: none; }
.lem-embed { display: block; }
`

export function shadowCss(): string {
  return pinRem(HOST_RULES + ordered().join('\n'))
}
