import { LayoutGroup } from 'motion/react'
import { useId, useRef } from 'react'
import type { CompareLane as Lane } from '../../store/compareStore'
import { SimProvider } from '../../store/SimProvider'
import { Stage } from '../Stage'
import { StageFitContext } from '../stageFit'
import { useStageRoom } from '../useStageRoom'
import '../styles.css'
import '../stage.css'
import '../layout.css'
import '../appOnly/layout.css'
import './compare.css'

/**
 * The compare page never draws a stage below 1:1: its smallest text (12-unit badges on tokens)
 * stays at 12 px, node labels at 18. A stage taller than its room scrolls in its own box.
 */
export const COMPARE_SCALE = 1

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
          <div ref={slot} className="lem-stage-slot" data-room={fit?.height}>
            <StageFitContext.Provider value={fit}>
              <Stage />
            </StageFitContext.Provider>
          </div>
        </LayoutGroup>
      </SimProvider>
    </section>
  )
}
