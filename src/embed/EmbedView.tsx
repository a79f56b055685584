import { useEffect, useMemo, useRef, useState } from 'react'
import type { CSSProperties, ReactNode } from 'react'
import type { LessonLink } from '../lessons/lessonUrl'
import { LESSON_PRESETS } from '../lessons/presets'
import type { StoreApi } from 'zustand/vanilla'
import type { SimStore } from '../store/createSimStore'
import { StageVariantsContext, variantIndex } from '../view/stageVariants'
import { compactVariantIndex } from './compactVariants'
import { Visualizer } from '../view/Visualizer'
import '../view/embed.css'
import type { ThemeChoice } from '../view/Visualizer'
import type { EmbedOptions } from './options'
import type { PageTheme } from './usePageTheme'
import { resolveEmbedScenario } from './resolveScenario'
import { useFocusOnClick } from './useFocusOnClick'
import { usePauseOffscreen } from './usePauseOffscreen'

export interface EmbedViewProps {
  readonly options: EmbedOptions
  /** What was wrong with the options, shown as notices inside the embed. */
  readonly problems: readonly string[]
  /** The host page's theme, followed when `theme` is auto (null: the system's). */
  readonly pageTheme?: PageTheme
  readonly onStore?: (store: StoreApi<SimStore> | null) => void
  /**
   * The lesson guide for the `lesson` option, loaded after the first frame (each embed loads it its
   * own way: a lazy chunk, or the element's companion script). Without it `lesson` is ignored.
   */
  readonly renderLesson?: (link: LessonLink) => ReactNode
  /**
   * Use the compact docs layout where it applies (`controls="minimal"`, no height, no lesson): a
   * height known from the width alone, which a page can reserve before the script runs (the element's
   * stylesheet, or an iframe's `height` attribute written from the same formula).
   */
  readonly compact?: boolean
}

function themeOf(options: EmbedOptions, page: PageTheme | undefined): ThemeChoice {
  if (options.theme !== 'auto') return options.theme
  return page ?? 'system'
}

/** The compact layout's conditions; reserve.css's selector says the same in attributes. */
function isCompact(enabled: boolean, options: EmbedOptions): boolean {
  return enabled && options.controls === 'minimal' && options.height === null && options.lesson === null
}

/**
 * What the three embeds share: scenario resolution, live options (a new scenario remounts, a new
 * step seeks), notices for bad options, height, and pausing while off screen. SSR-safe.
 */
export function EmbedView({ options, problems, pageTheme, onStore, renderLesson, compact = false }: EmbedViewProps) {
  const lesson = renderLesson ? options.lesson : null
  // A lesson's stage is in the first frame (its preset), before the guide has loaded.
  const scenarioOption = options.scenario ?? (lesson !== null ? (LESSON_PRESETS[lesson] ?? null) : null)
  const resolved = useMemo(() => resolveEmbedScenario(scenarioOption), [scenarioOption])
  const guide = useMemo(
    () => (lesson !== null && renderLesson ? renderLesson({ lesson, stop: options.stop, changes: null }) : undefined),
    [lesson, options.stop, renderLesson],
  )
  const notices = useMemo(() => [...problems, ...resolved.problems], [problems, resolved.problems])
  const [store, setStore] = useState<StoreApi<SimStore> | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const offscreen = usePauseOffscreen(ref, store)
  useFocusOnClick(ref)
  // What the store was last told, so only later changes of these options drive it.
  const told = useRef({ step: options.step, autoplay: options.autoplay })

  useEffect(() => {
    onStore?.(store)
  }, [store, onStore])
  useEffect(() => {
    if (store) for (const n of notices) store.getState().notify(n)
  }, [store, notices])
  useEffect(() => {
    if (!store || told.current.step === options.step) return
    told.current = { ...told.current, step: options.step }
    store.getState().pause()
    store.getState().goToStep(options.step)
  }, [store, options.step])
  useEffect(() => {
    if (!store || told.current.autoplay === options.autoplay) return
    told.current = { ...told.current, autoplay: options.autoplay }
    if (options.autoplay) store.getState().play()
    else store.getState().pause()
  }, [store, options.autoplay])

  // A fixed height keeps the controls in view: the stage draws smaller or scrolls (embed.css).
  const fixed = options.height !== null
  const compactBox = isCompact(compact, options)
  const style: CSSProperties | undefined = fixed ? { height: options.height ?? undefined } : undefined
  const view = (
    <div
      ref={ref}
      className={
        compactBox
          ? 'lem-embed lem-embed--fixed lem-embed--compact'
          : fixed
            ? 'lem-embed lem-embed--fixed'
            : 'lem-embed'
      }
      style={style}
      data-offscreen={offscreen ? 'true' : undefined}
    >
      <StageVariantsContext.Provider value={compactBox ? compactVariantIndex : variantIndex}>
        <Visualizer
          key={`${scenarioOption ?? ''}:${lesson ?? ''}:${lesson !== null ? options.stop : ''}`}
          preset={resolved.preset}
          scenario={resolved.scenario}
          commands={resolved.commands}
          initialStep={options.step}
          autoplay={options.autoplay}
          controls={options.controls}
          theme={themeOf(options, pageTheme)}
          keyboard="root"
          notices={notices}
          onStore={setStore}
          guide={guide}
        />
      </StageVariantsContext.Provider>
    </div>
  )
  // The compact box is sized in units of this wrapper's width (embed.css).
  return compactBox ? <div className="lem-compact-box">{view}</div> : view
}
