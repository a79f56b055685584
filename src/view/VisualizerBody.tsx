import { useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { groupOf, presetsOf } from '../scenarios'
import type { ModelGroup } from '../scenarios'
import { useSim, useSimStore } from '../store/SimProvider'
import { CaptionDock } from './CaptionDock'
import { CommandBar } from './CommandBar'
import { Controls } from './Controls'
import { ModelPicker } from './ModelPicker'
import { Notices } from './Notices'
import { PresetList } from './PresetList'
import { ScenarioHeader } from './ScenarioHeader'
import { SidePanel } from './SidePanel'
import { SpeedControl } from './SpeedControl'
import type { SideTab } from './SidePanel'
import { Stage } from './Stage'
import { READABLE_SCALE, StageFitContext } from './stageFit'
import { Timeline } from './Timeline'
import { useStageRoom } from './useStageRoom'
import type { ControlsLevel } from './Visualizer'

/**
 * The layout's last element. A server frame's HTML may be painted while the browser is still
 * parsing it (a slow phone, a busy page): the stage, sized by what follows it, would be drawn tall
 * and then shrink as the controls and the caption arrive, moving them (a layout shift). The
 * stylesheet keeps a layout invisible until this has been parsed (layout.css).
 */
function LayoutEnd() {
  return <span className="lem-layout-end" hidden />
}

/** The panels, arranged by how many controls the embedder wants. */
export function VisualizerBody({ controls, guide }: { controls: ControlsLevel; guide?: ReactNode }) {
  if (controls !== 'full') {
    const layout = (
      <div className="lem-layout lem-layout--single" data-guide={guide ? '' : undefined}>
        {guide && (
          <section className="lem-guide" aria-label="Guide">
            {guide}
          </section>
        )}
        <div className="lem-main">
          <Stage />
          {controls !== 'none' && (
            <div className="lem-transport">
              <Controls minimal />
            </div>
          )}
          <CaptionDock />
        </div>
        <LayoutEnd />
      </div>
    )
    return (
      <>
        <Notices />
        {/* A guide sits beside the stage when the box is wide enough: the box's width decides (a container). */}
        {guide ? <div className="lem-guided">{layout}</div> : layout}
      </>
    )
  }
  return <FullBody guide={guide} />
}

/**
 * Everything: model tabs and the scenario strip on top; the stage; beside it (under it on a
 * phone, where caption and buttons become a bar fixed at the bottom) the caption, the playback
 * controls, the actions and the panels. The stylesheet decides when the slot is sized to the
 * screen; then the stage is fitted into it (useStageRoom).
 */
function FullBody({ guide }: { guide?: ReactNode }) {
  const store = useSimStore()
  const model = useSim((s) => s.run.scenario.model)
  const group = groupOf(model)
  const [tab, setTab] = useState<SideTab>('metrics')
  const slot = useRef<HTMLDivElement>(null)
  const fit = useStageRoom(slot, READABLE_SCALE)
  const pick = (g: ModelGroup) => {
    const first = presetsOf(g)[0]
    if (first && g !== group) store.getState().load(first.scenario, first.id)
  }
  return (
    <>
      <Notices />
      <div className="lem-layout lem-layout--full" data-guide={guide ? '' : undefined}>
        {guide ? (
          <section className="lem-guide" aria-label="Guide">
            {guide}
          </section>
        ) : (
          <nav className="lem-bar" aria-label="Models and scenarios">
            <ModelPicker value={group} onChange={pick} />
            <PresetList group={group} />
          </nav>
        )}
        <div className="lem-main">
          <ScenarioHeader />
          <div ref={slot} className="lem-stage-slot" data-room={fit?.height}>
            <StageFitContext.Provider value={fit}>
              <Stage />
            </StageFitContext.Provider>
          </div>
        </div>
        <div className="lem-rail">
          <div className="lem-dock">
            <CaptionDock />
            <div className="lem-transport">
              <Controls />
              <Timeline />
            </div>
          </div>
          {/* The phone's bottom bar has no room for the pace: the app's phone layout shows it here. */}
          <div className="lem-pace">
            <SpeedControl />
          </div>
          <CommandBar />
          <SidePanel tab={tab} onTab={setTab} />
        </div>
        <LayoutEnd />
      </div>
    </>
  )
}
