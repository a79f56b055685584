/**
 * The iframe embed's postMessage API. Host → embed: play, pause, step, seek, theme. Embed → host:
 * ready, height (so the host can size the iframe), state, and error (a command it could not do).
 * Every incoming message is checked against these exact shapes; anything else is ignored, and
 * nothing received is ever executed or injected.
 */

export const PROTOCOL = 'lambda-models'

export type HostMessage =
  | { readonly protocol: typeof PROTOCOL; readonly type: 'play' }
  | { readonly protocol: typeof PROTOCOL; readonly type: 'pause' }
  | { readonly protocol: typeof PROTOCOL; readonly type: 'step'; readonly direction: 'forward' | 'back' }
  | { readonly protocol: typeof PROTOCOL; readonly type: 'seek'; readonly step: number }
  /** The host page's own light/dark switch, for `theme=auto` (null: back to the system's preference). */
  | { readonly protocol: typeof PROTOCOL; readonly type: 'theme'; readonly theme: 'light' | 'dark' | null }

export type EmbedMessage =
  | { readonly protocol: typeof PROTOCOL; readonly type: 'ready'; readonly id: string }
  | { readonly protocol: typeof PROTOCOL; readonly type: 'height'; readonly id: string; readonly height: number }
  | {
      readonly protocol: typeof PROTOCOL
      readonly type: 'state'
      readonly id: string
      readonly step: number
      readonly timeMs: number
      readonly playing: boolean
    }
  /** A host command that was refused or only partly done (e.g. a seek past the end), in words. */
  | { readonly protocol: typeof PROTOCOL; readonly type: 'error'; readonly id: string; readonly message: string }

export const MAX_STEP = 100_000_000
const MAX_ERROR_CHARS = 500

function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function exactKeys(v: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(v)
  return own.length === keys.length && own.every((k) => keys.includes(k))
}

/** Returns the message if it is exactly one of the host message shapes, else null. Never throws. */
export function readHostMessage(data: unknown): HostMessage | null {
  try {
    if (!plainObject(data) || data.protocol !== PROTOCOL) return null
    switch (data.type) {
      case 'play':
      case 'pause':
        return exactKeys(data, ['protocol', 'type']) ? { protocol: PROTOCOL, type: data.type } : null
      case 'step':
        return exactKeys(data, ['protocol', 'type', 'direction']) &&
          (data.direction === 'forward' || data.direction === 'back')
          ? { protocol: PROTOCOL, type: 'step', direction: data.direction }
          : null
      case 'seek': {
        const step = data.step
        return exactKeys(data, ['protocol', 'type', 'step']) &&
          typeof step === 'number' &&
          Number.isInteger(step) &&
          step >= 0 &&
          step <= MAX_STEP
          ? { protocol: PROTOCOL, type: 'seek', step }
          : null
      }
      case 'theme':
        return exactKeys(data, ['protocol', 'type', 'theme']) &&
          (data.theme === 'light' || data.theme === 'dark' || data.theme === null)
          ? { protocol: PROTOCOL, type: 'theme', theme: data.theme }
          : null
      default:
        return null
    }
  } catch {
    return null
  }
}

/**
 * For a message that is addressed to the embed (our protocol, a known command) but malformed, what
 * is wrong with it in words, so the host hears why nothing happened; null for anything else (foreign
 * messages stay unanswered). Never throws; says nothing about the payload's own values.
 */
export function hostMessageProblem(data: unknown): string | null {
  try {
    if (!plainObject(data) || data.protocol !== PROTOCOL || readHostMessage(data) !== null) return null
    switch (data.type) {
      case 'seek':
        return `seek needs exactly {protocol, type, step} with step a whole number from 0 to ${MAX_STEP}`
      case 'step':
        return "step needs exactly {protocol, type, direction} with direction 'forward' or 'back'"
      case 'theme':
        return "theme needs exactly {protocol, type, theme} with theme 'light', 'dark' or null"
      case 'play':
      case 'pause':
        return `${data.type} needs exactly {protocol, type}`
      default:
        return null
    }
  } catch {
    return null
  }
}

/** Same check for what an embed sends, for hosts (the examples use it). Never throws. */
export function readEmbedMessage(data: unknown): EmbedMessage | null {
  try {
    if (!plainObject(data) || data.protocol !== PROTOCOL || typeof data.id !== 'string' || data.id.length > 100)
      return null
    const id = data.id
    if (data.type === 'ready' && exactKeys(data, ['protocol', 'type', 'id']))
      return { protocol: PROTOCOL, type: 'ready', id }
    if (
      data.type === 'height' &&
      exactKeys(data, ['protocol', 'type', 'id', 'height']) &&
      typeof data.height === 'number' &&
      Number.isFinite(data.height) &&
      data.height >= 0 &&
      data.height <= 100000
    ) {
      return { protocol: PROTOCOL, type: 'height', id, height: Math.round(data.height) }
    }
    if (
      data.type === 'state' &&
      exactKeys(data, ['protocol', 'type', 'id', 'step', 'timeMs', 'playing']) &&
      Number.isInteger(data.step) &&
      Number.isInteger(data.timeMs) &&
      typeof data.playing === 'boolean'
    ) {
      return {
        protocol: PROTOCOL,
        type: 'state',
        id,
        step: data.step as number,
        timeMs: data.timeMs as number,
        playing: data.playing,
      }
    }
    if (
      data.type === 'error' &&
      exactKeys(data, ['protocol', 'type', 'id', 'message']) &&
      typeof data.message === 'string'
    ) {
      return { protocol: PROTOCOL, type: 'error', id, message: data.message.slice(0, MAX_ERROR_CHARS) }
    }
    return null
  } catch {
    return null
  }
}
