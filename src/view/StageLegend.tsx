import type { TokenShape as Shape, TokenStage } from '../engine'
import { shapeOf } from '../engine'
import { TokenShape } from './TokenShape'
import { STATE_WORDS } from './tokenText'

const SHOWN: readonly TokenStage[] = ['arriving', 'queued', 'running', 'waiting', 'succeeded', 'failed', 'throttled']

/** Key to the token shapes and colours. */
export function StageLegend() {
  return (
    <ul className="lem-legend" aria-label="Legend">
      {SHOWN.map((state) => (
        <li key={state} className={`lem-token lem-token--${state}`}>
          <svg viewBox="-18 -18 36 36" width="22" height="22" aria-hidden="true">
            <TokenShape shape={shapeOf(state) as Shape} />
          </svg>
          {STATE_WORDS[state]}
        </li>
      ))}
    </ul>
  )
}
