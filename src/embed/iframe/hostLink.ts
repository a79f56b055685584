import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../../store/createSimStore'
import type { EmbedMessage, HostMessage } from '../protocol'
import { hostMessageProblem, PROTOCOL, readHostMessage } from '../protocol'
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

/**
 * Does one host command. Returns what went wrong in words (a seek past the end lands on the last
 * step and says so), or null.
 */
export function applyHostMessage(
  store: StoreApi<SimStore>,
  m: HostMessage,
  onTheme: (theme: PageTheme) => void = () => {},
): string | null {
  const s = store.getState()
  switch (m.type) {
    case 'theme':
      onTheme(m.theme)
      return null
    case 'play':
      s.play()
      return null
    case 'pause':
      s.pause()
      return null
    case 'step':
      if (m.direction === 'forward') s.stepForward()
      else s.stepBack()
      return null
    case 'seek': {
      s.pause()
      s.goToStep(m.step)
      const reached = store.getState().run.cursor.step
      return reached < m.step
        ? `Step ${m.step} is past the end of this run, which has ${reached} steps; showing the last step.`
        : null
    }
  }
}

/** At most this many commands wait for the embed to start; a host that floods it loses the oldest. */
const MAX_QUEUED = 100

export interface HostInbox {
  /** Starts doing commands (first the queued ones, in order); returns a function that stops. */
  attach(store: StoreApi<SimStore>, onTheme?: (theme: PageTheme) => void): () => void
  /** Stops listening altogether. */
  close(): void
}

/**
 * Listens for host commands from the parent window only, from the moment the page's script runs:
 * commands that arrive before the visualizer exists are queued and done once it is attached, not
 * dropped. Anything that is not exactly one of the protocol's shapes is ignored (readHostMessage),
 * so nothing received is ever executed; a malformed command for us, or a seek past the end, is
 * answered with an `error` message.
 */
export function openHostInbox(id: string): HostInbox {
  const queue: HostMessage[] = []
  let target: { store: StoreApi<SimStore>; onTheme?: (theme: PageTheme) => void } | null = null
  const answer = (problem: string | null) => {
    if (problem !== null) postToHost({ protocol: PROTOCOL, type: 'error', id, message: problem })
  }
  const onMessage = (e: MessageEvent) => {
    if (e.source !== window.parent || window.parent === window) return
    const m = readHostMessage(e.data)
    if (!m) return answer(hostMessageProblem(e.data))
    if (target) return answer(applyHostMessage(target.store, m, target.onTheme))
    queue.push(m)
    if (queue.length > MAX_QUEUED) queue.shift()
  }
  window.addEventListener('message', onMessage)
  return {
    attach(store, onTheme) {
      const mine = { store, onTheme }
      target = mine
      for (const m of queue.splice(0)) answer(applyHostMessage(store, m, onTheme))
      return () => {
        if (target === mine) target = null
      }
    },
    close() {
      window.removeEventListener('message', onMessage)
      target = null
    },
  }
}

export function stateMessage(id: string, s: SimStore): EmbedMessage {
  return {
    protocol: PROTOCOL,
    type: 'state',
    id,
    step: s.run.cursor.step,
    timeMs: Math.floor(s.run.cursor.now),
    playing: s.playing,
  }
}
