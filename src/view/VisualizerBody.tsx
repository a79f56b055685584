import { useState } from 'react'
import { groupOf } from '../scenarios'
import type { ModelGroup } from '../scenarios'
import { useSim } from '../store/SimProvider'
import { Caption } from './Caption'
import { CommandBar } from './CommandBar'
import { Controls } from './Controls'
import { MetricsPanel } from './MetricsPanel'
import { ModelPicker } from './ModelPicker'
import { Notices } from './Notices'
import { ScenarioHeader } from './ScenarioHeader'
import { SidePanel } from './SidePanel'
import { Stage } from './Stage'
import { Timeline } from './Timeline'
import type { ControlsLevel } from './Visualizer'

/** The panels, arranged by how many controls the embedder wants. */
export function VisualizerBody({ controls }: { controls: ControlsLevel }) {
  const model = useSim((s) => s.run.scenario.model)
  const [group, setGroup] = useState<ModelGroup>(groupOf(model))
  const [tab, setTab] = useState<'presets' | 'knobs' | 'log'>('presets')
  const full = controls === 'full'
  const pick = (g: ModelGroup) => {
    setGroup(g)
    setTab('presets')
  }
  return (
    <>
      <Notices />
      <div className={`lem-layout${full ? '' : ' lem-layout--single'}`}>
        <div className="lem-main">
          {full && <ModelPicker value={group} onChange={pick} />}
          {full && <ScenarioHeader />}
          <Stage />
          {controls !== 'none' && (
            <div className="lem-transport">
              <Controls minimal={controls === 'minimal'} />
              {full && <Timeline />}
            </div>
          )}
          <Caption />
          {full && <CommandBar />}
          {full && <MetricsPanel />}
        </div>
        {full && <SidePanel group={group} tab={tab} onTab={setTab} />}
      </div>
    </>
  )
}
