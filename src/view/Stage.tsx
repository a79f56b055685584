import { useContext, useEffect, useId, useMemo, useRef } from 'react'
import type { CSSProperties, RefObject } from 'react'
import type { StageModel } from '../engine'
import { useSimStore } from '../store/SimProvider'
import { EnvCard } from './EnvCard'
import { Gauge } from './Gauge'
import { HoldLayer } from './HoldLayer'
import { LaneRows } from './LaneRows'
import { ReplyChip } from './ReplyChip'
import { logicalWidth, minHorizontalWidth } from './layout/columns'
import { ARROW_HEAD, VERTICAL_BELOW } from './layout/metrics'
import { layoutStage } from './layout/stage'
import type { StageLayout } from './layout/types'
import { NodeBox } from './NodeBox'
import { PollerStrip } from './PollerStrip'
import { LegendProbe, StageLegend } from './StageLegend'
import { TokenLayer } from './TokenLayer'
import { StageFitContext, useFittedLayout } from './stageFit'
import { STAGE_VARIANTS, StageVariantsContext, variantWidth } from './stageVariants'
import type { VariantPicker } from './stageVariants'
import { usePacedStage } from './usePacedStage'
import { useContentWidth } from './useContentWidth'
import { useFollowAction } from './useFollowAction'
import { useLegendFold } from './useLegendFold'
import { useStageOverflow } from './useStageOverflow'
import { useReducedMotion } from './useReducedMotion'
import { useWidth } from './useWidth'

/**
 * The SVG stage: draws the engine's StageModel at the playhead. In the app it is laid out at the
 * width it is shown at (one SVG unit = one CSS pixel), so the type keeps its size; see
 * layout/columns.ts logicalWidth. In an embed it is drawn by variant (see stageVariants), so that the
 * server's first frame has the live frame's height at any width.
 */
export function Stage() {
  const ref = useRef<HTMLDivElement>(null)
  const variants = useContext(StageVariantsContext)
  // Measured here, where the box's ref is already set when layout effects run (not in a child).
  const measured = useContentWidth(ref, variants !== null)
  const { stage, step } = usePacedStage()
  const overflow = useStageOverflow(ref)
  const probe = useRef<HTMLUListElement>(null)
  const folded = useLegendFold(ref, probe, stage, step, useContext(StageFitContext))
  const store = useSimStore()
  // The clock changes every frame; writing its test hook directly keeps the stage from re-rendering for it.
  useEffect(() => {
    const write = (clock: number) => ref.current?.setAttribute('data-sim-time', String(Math.floor(clock)))
    write(store.getState().clock)
    return store.subscribe((s, prev) => {
      if (s.clock !== prev.clock) write(s.clock)
    })
  }, [store])
  return (
    <div
      ref={ref}
      className={variants ? 'lem-stage lem-stage--variants' : 'lem-stage'}
      data-testid="stage"
      data-step={step}
      data-model={stage.model}
      data-more-above={overflow.above ? '' : undefined}
      data-more-below={overflow.below ? '' : undefined}
    >
      <div className="lem-stage-edge" aria-hidden="true" />
      {variants ? (
        <VariantSvgs px={measured} stage={stage} index={variants} />
      ) : (
        <MeasuredSvg box={ref} stage={stage} step={step} />
      )}
      <div className="lem-stage-foot" data-legend-folded={folded ? '' : undefined}>
        <StageLegend model={stage.model} holders={stage.holders} />
        {!variants && <LegendProbe model={stage.model} holders={stage.holders} ref={probe} />}
        <MoreButton box={ref} below={overflow.below} />
      </div>
    </div>
  )
}

type BoxRef = RefObject<HTMLDivElement | null>

/** The app: laid out at the measured width, fitted to the room its slot gives (StageFitContext). */
function MeasuredSvg({ box, stage, step }: { box: BoxRef; stage: StageModel; step: number }) {
  const px = useWidth(box, 1000)
  const fitHeight = useContext(StageFitContext)
  const orientation = px < VERTICAL_BELOW ? 'vertical' : 'horizontal'
  const min = minHorizontalWidth(stage)
  const layout = useFittedLayout(stage, step, orientation, logicalWidth(px, orientation, min), min, px, fitHeight)
  useFollowAction(box, layout, step)
  return <StageSvg stage={stage} layout={layout} marker="lem-arrow" />
}

/**
 * "More below": says the stage's box hides part of the drawing under its foot, and scrolls most of
 * a screen down. It floats over the faded edge, so showing it never changes the room the stage is
 * fitted to. (Scrolled down, a fade at the top says there is more above.)
 */
function MoreButton({ box, below }: { box: BoxRef; below: boolean }) {
  const still = useReducedMotion()
  if (!below) return null
  const go = () => {
    const el = box.current
    if (el) el.scrollBy({ top: Math.max(80, el.clientHeight * 0.8), behavior: still ? 'instant' : 'smooth' })
  }
  return (
    <button type="button" className="lem-stage-more" onClick={go}>
      <span aria-hidden="true">▼</span> More below
    </button>
  )
}

/** An embed: every variant until the box is measured (CSS shows the right one), then only that one. */
function VariantSvgs({ px, stage, index }: { px: number | null; stage: StageModel; index: VariantPicker }) {
  const only = px === null ? null : index(px)
  const base = `lem-arrow${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const layouts = useMemo(
    () =>
      STAGE_VARIANTS.map((v, i) =>
        only === null || only === i ? layoutStage(stage, v.orientation, variantWidth(v, stage)) : null,
      ),
    [stage, only],
  )
  return layouts.map((layout, i) =>
    layout ? (
      <StageSvg key={i} stage={stage} layout={layout} marker={`${base}-${i}`} variant={only === null ? i : undefined} />
    ) : null,
  )
}

function StageSvg({
  stage,
  layout,
  marker,
  variant,
}: {
  stage: StageModel
  layout: StageLayout
  marker: string
  variant?: number
}) {
  return (
    <svg
      className="lem-stage-svg"
      data-variant={variant}
      style={{ '--lem-aspect': (layout.height / layout.width).toFixed(4) } as CSSProperties}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label="Stage: events moving through Lambda"
    >
      <defs>
        <marker
          id={marker}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth={ARROW_HEAD}
          markerHeight={ARROW_HEAD}
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="lem-arrow-head" />
        </marker>
      </defs>
      <Gauge gauge={stage.gauge} box={layout.gauge} />
      {layout.reply && <ReplyChip reply={layout.reply} />}
      {layout.nodes.map((n) => (
        <NodeBox key={n.node.id} layout={n} />
      ))}
      {layout.edges.map((e) => (
        <path key={`${e.from}>${e.to}`} className="lem-edge" d={e.d} markerEnd={`url(#${marker})`} />
      ))}
      {layout.envs.map((e) => (
        <EnvCard key={e.env.id} layout={e} />
      ))}
      {layout.envsNote && (
        <text className="lem-envs-note" x={layout.envsNote.x} y={layout.envsNote.y}>
          {layout.envsNoteText}
        </text>
      )}
      <LaneRows lanes={layout.lanes} />
      <PollerStrip layout={layout.pollers} marker={marker} />
      <HoldLayer holds={layout.holds} marker={marker} />
      <TokenLayer tokens={layout.tokens} now={stage.now} />
    </svg>
  )
}
