import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../../store/createSimStore'
import type { EmbedMessage, HostMessage } from '../protocol'
import { PROTOCOL, readHostMessage } from '../protocol'
import type { PageTheme } from '../usePageTheme'

/** The `id` parameter, echoed in every message so a host with several frames can tell them apart. */
export function frameId(raw: string | null): string {
  return raw === null ? '' : raw.replace(/[^\w.:-]/g, '').slice(0, 100)
}

/**
 * Posts to the embedding page. The target origin is `*` because an embed cannot know who embeds it;
 * nothing sent is private (a step number, a height).
 */
export function postToHost(message: EmbedMessage): void {
  if (window.parent === window) return
  try {
    window.parent.postMessage(message, '*')
  } catch {
    // A detached or sandboxed parent: nothing to tell.
  }
}

export function applyHostMessage(store: StoreApi<SimStore>, m: HostMessage, onTheme: (theme: PageTheme) => void = () => {}): void {
  const s = store.getState()
  switch (m.type) {
    case 'theme':
      return onTheme(m.theme)
    case 'play':
      return s.play()
    case 'pause':
      return s.pause()
    case 'step':
      return m.direction === 'forward' ? s.stepForward() : s.stepBack()
    case 'seek':
      s.pause()
      return s.goToStep(m.step)
  }
}

/**
 * Listens for host commands from the parent window only; anything that is not exactly one of the
 * protocol's shapes is ignored (readHostMessage), so nothing received is ever executed.
 */
export function listenToHost(store: StoreApi<SimStore>, onTheme?: (theme: PageTheme) => void): () => void {
  const onMessage = (e: MessageEvent) => {
    if (e.source !== window.parent || window.parent === window) return
    const m = readHostMessage(e.data)
    if (m) applyHostMessage(store, m, onTheme)
  }
  window.addEventListener('message', onMessage)
  return () => window.removeEventListener('message', onMessage)
}

export function stateMessage(id: string, s: SimStore): EmbedMessage {
  return { protocol: PROTOCOL, type: 'state', id, step: s.run.cursor.step, timeMs: Math.floor(s.run.cursor.now), playing: s.playing }
}
