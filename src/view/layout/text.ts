import { SMALL_BOLD_CHAR } from './metrics'

/**
 * Text fitted to a width by estimated glyph widths (metrics.ts): wrapped on whole words, split
 * inside long identifiers only at designed places, shortened to the longest option that fits.
 */

/**
 * Splits a long word at designed places only: after "=", "/" or ":" and before a capital that
 * follows a lower-case letter (camelCase), so "messageRetentionPeriod" wraps as
 * "messageRetention" + "Period" and nothing is ever cut inside a word part.
 */
function wordParts(word: string, maxChars: number): string[] {
  if (word.length <= maxChars) return [word]
  const parts = word.split(/(?<=[=/:])|(?<=[a-z])(?=[A-Z])/)
  const out: string[] = []
  let cur = ''
  for (const p of parts) {
    if (cur && (cur + p).length > maxChars) {
      out.push(cur)
      cur = p
    } else cur += p
  }
  if (cur) out.push(cur)
  return out
}

/** The first of `options` that fits `width` px of 16 px bold text, else the last. */
function fitting(options: readonly string[], width: number): string {
  const max = Math.floor(width / SMALL_BOLD_CHAR)
  return options.find((o) => o.length <= max) ?? options[options.length - 1] ?? ''
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** An environment card's batch line, as long as the card allows: "batch-36 · 10 records" … "batch-36". */
export function batchLabel(batch: string, records: number, width: number): string {
  return fitting(
    [`${batch} · ${plural(records, 'record')}`, `${batch} · ${records} rec.`, `${batch} (${records})`, batch],
    width,
  )
}

/** The line under the drawn environment cards: "+6 more environments · 60 events running there", or shorter. */
export function hiddenEnvsLabel(envs: number, running: number, width: number): string {
  const more = `+${plural(envs, 'more environment')}`
  const options =
    running > 0
      ? [
          `${more} · ${plural(running, 'event')} running there`,
          `${more} · ${plural(running, 'event')}`,
          `+${envs} more · ${running} running`,
          `+${envs} more`,
        ]
      : [more, `+${envs} more`]
  return fitting(options, width)
}

/**
 * Splits text into at most `maxLines` lines of about `maxChars` characters, on spaces (and inside
 * long identifiers at designed places, see wordParts). When it does not all fit, the last line
 * ends with "…" after a whole word: nothing is cut mid-word.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const pieces: { text: string; join: boolean }[] = []
  // A number stays with the word before it ("unread 6", "batch 8"): no line starts with a lone number.
  const joined = text.replace(/(\S) (\d[\d.,]*)(?= |$)/g, '$1\u00a0$2')
  for (const w of joined.split(/ +/).filter(Boolean))
    wordParts(w, Math.max(1, maxChars)).forEach((p, i) => pieces.push({ text: p, join: i > 0 }))
  const lines: string[] = []
  let line = ''
  for (const p of pieces) {
    const next = line ? `${line}${p.join ? '' : ' '}${p.text}` : p.text
    if (next.length <= maxChars || !line) {
      line = next
      continue
    }
    lines.push(line)
    line = p.text
    if (lines.length === maxLines) return ellipsize(lines.map(plain), maxChars)
  }
  if (line) lines.push(line)
  return lines.map(plain)
}

const plain = (line: string): string => line.replace(/\u00a0/g, ' ')

function ellipsize(lines: string[], maxChars: number): string[] {
  const last = lines.pop()
  if (last === undefined) return lines
  if (last.length + 1 <= maxChars) {
    lines.push(`${last}…`)
    return lines
  }
  const words = last.split(' ')
  while (words.length > 1 && words.join(' ').length + 1 > maxChars) words.pop()
  lines.push(`${words.join(' ')}…`)
  return lines
}
