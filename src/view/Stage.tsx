import { useContext, useEffect, useRef } from 'react'
import { useSimStore } from '../store/SimProvider'
import { EnvCard } from './EnvCard'
import { Gauge } from './Gauge'
import { HoldLayer } from './HoldLayer'
import { LaneRows } from './LaneRows'
import { ReplyChip } from './ReplyChip'
import { logicalWidth, minHorizontalWidth } from './geometry'
import { NodeBox } from './NodeBox'
import { StageLegend } from './StageLegend'
import { TokenLayer } from './TokenLayer'
import { StageFitContext, useFittedLayout } from './stageFit'
import { usePacedStage } from './usePacedStage'
import { useWidth } from './useWidth'

/** Below this width (CSS px) the stage is laid out top to bottom. */
const VERTICAL_BELOW = 700

/**
 * The SVG stage: draws the engine's StageModel at the playhead. It is laid out at the width it
 * is shown at (one SVG unit = one CSS pixel), so the type keeps its size; see geometry.logicalWidth.
 */
export function Stage() {
  const ref = useRef<HTMLDivElement>(null)
  const px = useWidth(ref, 1000)
  const { stage, step } = usePacedStage()
  const store = useSimStore()
  // The clock changes every frame; writing its test hook directly keeps the stage from re-rendering for it.
  useEffect(() => {
    const write = (clock: number) => ref.current?.setAttribute('data-sim-time', String(Math.floor(clock)))
    write(store.getState().clock)
    return store.subscribe((s, prev) => {
      if (s.clock !== prev.clock) write(s.clock)
    })
  }, [store])
  const vertical = px < VERTICAL_BELOW
  const fitHeight = useContext(StageFitContext)
  const orientation = vertical ? 'vertical' : 'horizontal'
  const min = minHorizontalWidth(stage)
  const layout = useFittedLayout(stage, step, orientation, logicalWidth(px, orientation, min), min, px, fitHeight)
  return (
    <div ref={ref} className="lem-stage" data-testid="stage" data-step={step} data-model={stage.model}>
      <svg className="lem-stage-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label="Stage: events moving through Lambda">
        <defs>
          <marker id="lem-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="lem-arrow-head" />
          </marker>
        </defs>
        <Gauge gauge={stage.gauge} box={layout.gauge} />
        {layout.reply && <ReplyChip reply={layout.reply} />}
        {layout.nodes.map((n) => (
          <NodeBox key={n.node.id} layout={n} />
        ))}
        {layout.edges.map((e) => (
          <path key={`${e.from}>${e.to}`} className="lem-edge" d={e.d} markerEnd="url(#lem-arrow)" />
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
        <HoldLayer holds={layout.holds} />
        <TokenLayer tokens={layout.tokens} now={stage.now} />
      </svg>
      <StageLegend model={stage.model} />
    </div>
  )
}
