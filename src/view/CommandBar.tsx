import { useSimStore } from '../store/SimProvider'

/** Things a learner can do to the running system. Each one forks the run at the playhead. */
export function CommandBar() {
  const store = useSimStore()
  const send = store.getState().send
  return (
    <div className="lem-commands" role="group" aria-label="Act on the run">
      <button type="button" className="lem-btn" onClick={() => send({ type: 'sendEvent' })}>
        Send event
      </button>
      <button type="button" className="lem-btn" onClick={() => send({ type: 'failNext' })}>
        Make next invocation fail
      </button>
      <button type="button" className="lem-btn" onClick={() => send({ type: 'sendEvent', event: { fail: 'always' } })}>
        Add poison message
      </button>
    </div>
  )
}
