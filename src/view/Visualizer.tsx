import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import type { Scenario } from '../engine'
import { createSimStore } from '../store/createSimStore'
import type { SimStore } from '../store/createSimStore'
import type { LoggedCommand } from '../store/history'
import { SimProvider } from '../store/SimProvider'
import { createPacer } from '../store/pacer'
import type { ShareState } from '../store/url'
import { resolveInitial } from './resolveInitial'
import { useKeyboard } from './useKeyboard'
import { usePlayback } from './usePlayback'
import { VisualizerBody } from './VisualizerBody'
import './styles.css'
import './stage.css'
import './panels.css'
import './layout.css'
import './appOnly/layout.css'

export type ControlsLevel = 'none' | 'minimal' | 'full'
export type ThemeChoice = 'light' | 'dark' | 'system'

export interface VisualizerProps {
  /** A validated scenario (takes precedence over `preset`). */
  readonly scenario?: Scenario
  /** A shipped preset id. */
  readonly preset?: string
  readonly commands?: readonly LoggedCommand[]
  readonly initialStep?: number
  readonly controls?: ControlsLevel
  readonly theme?: ThemeChoice
  readonly autoplay?: boolean
  /** Messages to show on start (e.g. what was wrong with a link). */
  readonly notices?: readonly string[]
  /** Where keyboard shortcuts listen: the visualizer only (embeds) or the whole window (the app). */
  readonly keyboard?: 'root' | 'window'
  /** Called whenever what a share link must describe changes (scenario, commands, step). */
  readonly onShareChange?: (state: ShareState, playing: boolean) => void
  /** Hands this instance's store to embedders (host commands, pause when off screen), after mount. */
  readonly onStore?: (store: StoreApi<SimStore>) => void
  /** A guide (the app's lessons) shown beside the stage in place of the model and scenario strip. */
  readonly guide?: ReactNode
}

/**
 * The whole visualizer: one store per instance, the playback loop and keyboard, and the panels
 * chosen by `controls`. Reads no window or document during render, so it can render on a server.
 */
export function Visualizer(props: VisualizerProps) {
  const [store] = useState(() => {
    const init = resolveInitial(props.scenario, props.preset)
    const s = createSimStore(init.scenario, {
      presetId: init.presetId,
      commands: props.commands ?? [],
      step: props.initialStep ?? 0,
      playing: props.autoplay ?? false,
    })
    const reached = s.getState().run.cursor.step
    const asked = props.initialStep ?? 0
    const notes = [...(props.notices ?? []), ...init.problems]
    if (reached < asked)
      notes.push(`Step ${asked} is past the end of this run, which has ${reached} steps; showing the last step.`)
    for (const n of notes) s.getState().notify(n)
    return s
  })
  const [pacer] = useState(() => createPacer(store))
  const root = useRef<HTMLDivElement>(null)
  usePlayback(store, pacer)
  useKeyboard(store, root, props.keyboard ?? 'root')
  const onStore = props.onStore
  useEffect(() => onStore?.(store), [store, onStore])
  const onShare = props.onShareChange
  useEffect(() => {
    if (!onShare) return
    const emit = () => {
      const s = store.getState()
      onShare(
        { presetId: s.presetId, scenario: s.run.scenario, commands: s.run.history.commands, step: s.run.cursor.step },
        s.playing,
      )
    }
    emit()
    return store.subscribe((s, prev) => {
      if (
        s.run.cursor !== prev.run.cursor ||
        s.presetId !== prev.presetId ||
        s.playing !== prev.playing ||
        s.run.scenario !== prev.run.scenario
      )
        emit()
    })
  }, [store, onShare])
  const theme = props.theme ?? 'system'
  return (
    <SimProvider store={store} pacer={pacer}>
      <div
        ref={root}
        className="lem-root"
        data-theme={theme === 'system' ? undefined : theme}
        data-controls={props.controls ?? 'full'}
      >
        <VisualizerBody controls={props.controls ?? 'full'} guide={props.guide} />
      </div>
    </SimProvider>
  )
}
