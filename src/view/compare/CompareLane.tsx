import { LayoutGroup } from 'motion/react'
import { useId } from 'react'
import type { CompareLane as Lane } from '../../store/compareStore'
import { SimProvider } from '../../store/SimProvider'
import { Caption } from '../Caption'
import { Stage } from '../Stage'
import '../styles.css'
import '../stage.css'
import './compare.css'

/** One model's stage and caption, drawn from its own lane store (the compare store moves it). */
export function CompareLane({ lane, label }: { lane: Lane; label: string }) {
  const group = useId()
  return (
    <section className="lem-compare-lane" data-testid="compare-lane" data-model={lane.model} aria-label={label}>
      <h2 className="lem-compare-lane-title">{label}</h2>
      <SimProvider store={lane.store}>
        <LayoutGroup id={group}>
          <div className="lem-compare-lane-body">
            <Stage />
            <Caption />
          </div>
        </LayoutGroup>
      </SimProvider>
    </section>
  )
}
