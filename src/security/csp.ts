/**
 * The strict Content-Security-Policy the app, the iframe page and the custom element run under
 * (docs/SECURITY.md). No inline scripts or styles, no eval: styles set from JS go through the CSSOM
 * (the style prop: a token's position and glide), which CSP allows; the custom element adopts constructable stylesheets.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/** What the built index.html and embed.html carry in `<meta http-equiv="Content-Security-Policy">`. */
export const CSP_META = CSP_DIRECTIVES.join('; ')

/**
 * The same policy as an HTTP header, plus `frame-ancestors` (ignored in a meta tag): the app should
 * not be framed (`'none'`); the iframe page lists the sites allowed to embed it (`*` for anyone).
 */
export function cspHeader(frameAncestors: string): string {
  return `${CSP_META}; frame-ancestors ${frameAncestors}`
}

/** The problems that would make a built HTML page break the policy: inline scripts, styles, handlers. */
export function inlineCodeIn(html: string): string[] {
  const problems: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\ssrc=/i.test(m[1] ?? '') || (m[2] ?? '').trim() !== '')
      problems.push(`inline <script>: ${m[0].slice(0, 80)}`)
  }
  if (/<style\b/i.test(html)) problems.push('inline <style> element')
  for (const m of html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)\s*=/gi))
    problems.push(`${m[1]}="" attribute: ${m[0].slice(0, 80)}`)
  if (/javascript:/i.test(html)) problems.push('javascript: URL')
  return problems
}
