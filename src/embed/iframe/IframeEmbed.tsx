import { useEffect, useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../../store/createSimStore'
import { EmbedView } from '../EmbedView'
import { renderLazyLesson } from '../lazyLesson'
import type { EmbedOptions } from '../options'
import { PROTOCOL } from '../protocol'
import type { PageTheme } from '../usePageTheme'
import type { HostInbox } from './hostLink'
import { postToHost, stateMessage } from './hostLink'

interface Props {
  readonly options: EmbedOptions
  readonly problems: readonly string[]
  readonly id: string
  /** Listening since the page's script started, so commands sent before `ready` wait in it. */
  readonly inbox: HostInbox
}

/** The iframe page: the embed plus its conversation with the host (ready, height, state, commands). */
export function IframeEmbed({ options, problems, id, inbox }: Props) {
  const [store, setStore] = useState<StoreApi<SimStore> | null>(null)
  // A frame cannot see the host page's theme switch; for theme=auto the host can send it.
  const [hostTheme, setHostTheme] = useState<PageTheme>(null)

  useEffect(() => {
    if (!store) return
    const stop = inbox.attach(store, setHostTheme)
    postToHost({ protocol: PROTOCOL, type: 'ready', id })
    postToHost(stateMessage(id, store.getState()))
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.run.cursor.step !== prev.run.cursor.step || s.playing !== prev.playing) postToHost(stateMessage(id, s))
    })
    return () => {
      stop()
      unsubscribe()
    }
  }, [store, id, inbox])

  useEffect(() => {
    const body = document.body
    let last = -1
    const report = () => {
      const height = Math.ceil(body.getBoundingClientRect().height)
      if (height === last) return
      last = height
      postToHost({ protocol: PROTOCOL, type: 'height', id, height })
    }
    report()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(report)
    ro.observe(body)
    return () => ro.disconnect()
  }, [id])

  return (
    <EmbedView
      options={options}
      problems={problems}
      pageTheme={hostTheme}
      onStore={setStore}
      renderLesson={renderLazyLesson}
      compact
    />
  )
}
