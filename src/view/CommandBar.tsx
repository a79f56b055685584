import { commandsFor } from '../store/commands'
import { useSim, useSimStore } from '../store/SimProvider'

/**
 * Things a learner can do to the running system, only those that mean something here. Each one
 * forks the run at the playhead.
 */
export function CommandBar() {
  const store = useSimStore()
  const scenario = useSim((s) => s.run.cursor.scenario)
  return (
    <div className="lem-commands" role="group" aria-label="Act on the run">
      {commandsFor(scenario).map((c) => (
        <button
          key={c.id}
          type="button"
          className="lem-btn"
          data-command={c.id}
          title={c.disabledWhy ?? c.help}
          disabled={c.disabledWhy !== null}
          onClick={() => store.getState().send(c.command)}
        >
          {c.label}
        </button>
      ))}
    </div>
  )
}
