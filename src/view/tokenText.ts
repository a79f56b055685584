import type { StageEnv, StageToken, TokenStage } from '../engine'
import { TOKEN_STYLE } from './tokenStyle'

/** Words for what each token state means (legend, accessible names): from the token style table. */
export const STATE_WORDS: Readonly<Record<TokenStage, string>> = Object.fromEntries(
  Object.entries(TOKEN_STYLE).map(([state, style]) => [state, style.words]),
) as Record<TokenStage, string>

export const ENV_WORDS: Readonly<Record<StageEnv['state'], string>> = {
  init: 'Init (cold start)',
  busy: 'Busy',
  idle: 'Idle · warm',
  reclaimed: 'Reclaimed',
}

/**
 * How a token's countdown reads in words, for its accessible name: the view only says what the
 * engine's deadline means.
 */
const COUNTDOWN_WORDS: Partial<Record<TokenStage, string>> = {
  invisible: 'visible again in',
  waiting: 'next try in',
}

/** `left`: the token's countdown readout (formatCountdown of `until - clock`), when it shows one. */
export function tokenName(t: StageToken, left: string | null = null): string {
  const where = t.env ? ` in ${t.env}` : ''
  const batch = t.batch ? `, batch ${t.batch}` : ''
  const tries = t.attempts === 1 ? '1 attempt' : `${t.attempts} attempts`
  const rc = t.receives !== null ? `, received ${t.receives} time${t.receives === 1 ? '' : 's'}` : ''
  const answer = t.reply ? `, answer ${t.reply.text}` : ''
  const poison = t.poison ? ', the record that makes its batch fail' : ''
  const words = COUNTDOWN_WORDS[t.state]
  const due = left !== null && words ? `, ${words} ${left}` : ''
  return `${t.id}: ${STATE_WORDS[t.state]}${where}${batch}${due}, ${tries}${rc}${answer}${poison}. Press Enter for its history.`
}

/** Sentences start with a capital letter, except when they open with an event id (req-2, evt-1). */
export function sentence(text: string): string {
  if (text.length === 0 || /^[\w.]+-\d/.test(text)) return text
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = ms / 1000
  if (s < 120) return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`
  const m = Math.floor(s / 60)
  const rest = Math.floor(s % 60)
  if (m < 120) return `${m} min ${String(rest).padStart(2, '0')} s`
  return `${(m / 60).toFixed(1)} h`
}

/**
 * Time left on a token's countdown ring, short enough to fit under its label ("45 s", "9.8 s",
 * "0.4 s", "25 min", "1.7 h"): rounded up, so it reads "0.1 s" until the very end, never "0 s" while
 * something is still pending. formatMs is for instants and spans in text; this is for a readout.
 */
export function formatCountdown(ms: number): string {
  const left = Math.max(0, ms)
  if (left === 0) return '0\u202fs'
  if (left < 10_000) return `${(Math.ceil(left / 100) / 10).toFixed(1)}\u202fs`
  if (left < 1_000_000) return `${Math.ceil(left / 1000)}\u202fs`
  const min = Math.ceil(left / 60_000)
  if (min < 100) return `${min}\u202fmin`
  const h = left / 3_600_000
  return h < 10 ? `${(Math.ceil(h * 10) / 10).toFixed(1)}\u202fh` : `${Math.ceil(h)}\u202fh`
}

/** What fits on a token: up to 4 characters; longer ids keep their end ("…345"), the full id is in the name. */
export function shortLabel(label: string): string {
  return label.length <= 4 ? label : `…${label.slice(-3)}`
}
