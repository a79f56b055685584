import { useRef } from 'react'
import type { CompareLane as Lane } from '../../store/compareStore'
import { SimProvider } from '../../store/SimProvider'
import { Stage } from '../Stage'
import { READABLE_SCALE, StageFitContext } from '../stageFit'
import { useStageRoom } from '../useStageRoom'
import '../styles.css'
import '../stage.css'
import '../layout.css'
import '../appOnly/layout.css'
import './compare.css'

/**
 * The compare page draws a stage down to the main view's readable floor to show it whole: every
 * stage text is 16 units or more, so still 12 px on screen. A stage taller than its room even
 * then scrolls in its own box ("More below").
 */
export const COMPARE_SCALE = READABLE_SCALE

/**
 * One model's stage, drawn from its own lane store (the compare store moves it); the page shows
 * the shown lane's caption beside it.
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
        <div ref={slot} className="lem-stage-slot" data-room={fit?.height}>
          <StageFitContext.Provider value={fit}>
            <Stage />
          </StageFitContext.Provider>
        </div>
      </SimProvider>
    </section>
  )
}
