import { shadowCss } from './element/shadowStyles'

let sheet: CSSStyleSheet | null = null

/**
 * The view's CSS as one constructable stylesheet shared by every embed on the page: a <style>
 * element in a shadow root is inline style, blocked by a strict `style-src 'self'` CSP, while an
 * adopted sheet is not. Browsers without constructable stylesheets (Safari < 16.4) get a <style>.
 * Adopting twice into one shadow root is a no-op.
 */
export function adoptStyles(shadow: ShadowRoot): void {
  if (
    'adoptedStyleSheets' in shadow &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    try {
      if (!sheet) {
        const s = new CSSStyleSheet()
        s.replaceSync(shadowCss())
        sheet = s
      }
      if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet]
      return
    } catch {
      // Fall through to a <style> element.
    }
  }
  if (shadow.querySelector('style[data-lem]')) return
  const style = document.createElement('style')
  style.dataset.lem = ''
  style.textContent = shadowCss()
  shadow.append(style)
}
