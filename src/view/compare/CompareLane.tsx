import { LayoutGroup } from 'motion/react'
import { useId, useRef } from 'react'
import type { CompareLane as Lane } from '../../store/compareStore'
import { SimProvider } from '../../store/SimProvider'
import { CaptionDock } from '../CaptionDock'
import { Stage } from '../Stage'
import { StageFitContext } from '../stageFit'
import { useStageRoom } from '../useStageRoom'
import '../styles.css'
import '../stage.css'
import '../layout.css'
import './compare.css'

/** Stage text on the compare page stays at least 14 px: 18-unit labels at 0.78 or more. */
export const COMPARE_SCALE = 0.78

/**
 * One model's stage and caption, drawn from its own lane store (the compare store moves it).
 * Hidden while another model's tab is shown: it keeps following the shared clock.
 */
export function CompareLane({
  lane,
  label,
  hidden = false,
  id,
}: {
  lane: Lane
  label: string
  hidden?: boolean
  id?: string
}) {
  const group = useId()
  const slot = useRef<HTMLDivElement>(null)
  const fit = useStageRoom(slot, COMPARE_SCALE)
  return (
    <section
      className="lem-compare-lane"
      data-testid="compare-lane"
      data-model={lane.model}
      aria-label={label}
      hidden={hidden}
      id={id}
      role={id ? 'tabpanel' : undefined}
    >
      <h2 className="lem-compare-lane-title lem-sr">{label}</h2>
      <SimProvider store={lane.store}>
        <LayoutGroup id={group}>
          <div className="lem-compare-lane-body">
            <div ref={slot} className="lem-stage-slot" data-room={fit?.height}>
              <StageFitContext.Provider value={fit}>
                <Stage />
              </StageFitContext.Provider>
            </div>
            <CaptionDock />
          </div>
        </LayoutGroup>
      </SimProvider>
    </section>
  )
}
