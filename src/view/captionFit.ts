/**
 * A caption entry shortened to the lines its box shows (the rail clamps each entry to two or three
 * lines), on word boundaries, keeping the *why*. A caption says what happened, then why ("…in the
 * body. Lambda does not retry a synchronous call."): when it does not fit, the end of the first
 * sentence gives way ("… ") and the last sentence stays whole; when not even a few words of what
 * happened fit beside the why, what happened is shown, since a caption without its subject says nothing. Pure: `measure` gives a string's
 * width (a canvas in the browser, a character count in tests). The full text stays in the entry's
 * title and behind "Read all".
 */
export interface FitBox {
  /** Width of one line (px). */
  readonly width: number
  readonly lines: number
  /** What the first line starts with (the entry's time), and what follows the text on its last line (links). */
  readonly indent: number
  readonly tail: number
}

/** Lines a text takes when broken only at spaces (a word wider than a line takes a line of its own). */
export function lineCount(text: string, box: FitBox, measure: (s: string) => number): number {
  const words = text.split(/ +/).filter(Boolean)
  const space = measure(' ')
  let lines = 1
  let used = box.indent
  for (const w of words) {
    const ww = measure(w)
    const gap = used > 0 ? space : 0
    if (used === 0 || used + gap + ww <= box.width) used += gap + ww
    else {
      lines++
      used = ww
    }
  }
  // The link after the text goes on the last line, or onto one of its own.
  if (box.tail > 0 && used + space + box.tail > box.width) lines++
  return lines
}

/** The sentences of a caption: split after ". " when the next one starts with a capital or an id. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9])/)
}

/** Fewest words of what happened worth showing before "… why": fewer and the caption loses its subject. */
const MIN_HEAD_WORDS = 3

export function fitCaption(text: string, box: FitBox, measure: (s: string) => number): string {
  const fits = (t: string) => lineCount(t, box, measure) <= box.lines
  if (fits(text)) return text
  // Parentheses hold the detail (ids, counts, API names): they go before any word of the story does.
  const plain = text.replace(/ \([^()]*\)/g, '')
  if (plain !== text) return fitCaption(plain, box, measure)
  const parts = sentences(text)
  const why = parts.length > 1 ? (parts[parts.length - 1] ?? '') : ''
  const head = (parts.length > 1 ? parts.slice(0, -1).join(' ') : text).split(/ +/)
  const start = (n: number) =>
    head
      .slice(0, n)
      .join(' ')
      .replace(/[,:;]$/, '')
  // The longest start of the head, in whole words, that still fits with the why after it.
  if (why)
    for (let n = head.length - 1; n >= Math.min(MIN_HEAD_WORDS, head.length); n--) {
      const candidate = `${start(n)} … ${why}`
      if (fits(candidate)) return candidate
    }
  // No room for both: what happened comes first (its start, whole words; the title has the rest).
  for (let n = head.length - (why ? 0 : 1); n > 0; n--) {
    const candidate = n === head.length ? start(n) : `${start(n)}…`
    if (fits(candidate)) return candidate
  }
  return head[0] ?? text
}
