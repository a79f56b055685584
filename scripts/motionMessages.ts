import type { Plugin } from 'vite'

/**
 * motion's `warning(check, message, code)` and `invariant(check, message, code)` do nothing outside
 * development (motion-utils/dist/es/errors.mjs: they stay `() => {}` unless NODE_ENV is not
 * "production"), yet every call site still ships its message: about 1.8 KB of English the builds
 * never show. This empties the message argument; the check and the error code stay. `warnOnce`,
 * which does warn in production, is left alone.
 */
export function emptyMotionMessages(code: string): string {
  let out = ''
  let from = 0
  const call = /(?<![\w$.])(?:warning|invariant)\(/g
  for (let m = call.exec(code); m; m = call.exec(code)) {
    const open = m.index + m[0].length
    const comma = topLevelComma(code, open)
    if (comma < 0) continue
    let start = comma + 1
    while (/\s/.test(code.charAt(start))) start++
    const end = literalEnd(code, start)
    if (end < 0) continue
    out += code.slice(from, start) + '""'
    from = end
    call.lastIndex = end
  }
  return out + code.slice(from)
}

/** Index of the first comma at the call's own depth, or -1 if the call ends first. */
function topLevelComma(code: string, i: number): number {
  let depth = 0
  for (; i < code.length; i++) {
    const c = code.charAt(i)
    if (c === '"' || c === "'" || c === '`') {
      const end = literalEnd(code, i)
      if (end < 0) return -1
      i = end - 1
    } else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return -1
      depth--
    } else if (c === ',' && depth === 0) return i
  }
  return -1
}

/** Index just past the string or template literal starting at `i`, or -1 if none starts there. */
function literalEnd(code: string, i: number): number {
  const q = code.charAt(i)
  if (q !== '"' && q !== "'" && q !== '`') return -1
  for (let k = i + 1; k < code.length; k++) {
    const c = code.charAt(k)
    if (c === '\\') k++
    else if (c === q) return k + 1
    else if (q === '`' && c === '$' && code.charAt(k + 1) === '{') {
      // A placeholder: skip to its closing brace (placeholders here hold plain expressions).
      let depth = 0
      for (k += 1; k < code.length; k++) {
        const d = code.charAt(k)
        if (d === '{') depth++
        else if (d === '}' && --depth === 0) break
      }
    }
  }
  return -1
}

/** The plugin: motion's own modules only. */
export function motionMessages(): Plugin {
  return {
    name: 'lem-motion-messages',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/](?:motion-dom|motion-utils|framer-motion|motion)[\\/]/.test(id)) return null
      const out = emptyMotionMessages(code)
      return out === code ? null : { code: out, map: null }
    },
  }
}
