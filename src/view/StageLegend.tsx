import { useState } from 'react'
import type { RefObject } from 'react'
import type { Model, StageModel, TokenStage } from '../engine'
import { LEGEND_ICON, LEGEND_MARK, POLLER, TOKEN_R } from './layout/metrics'
import { TokenShape } from './TokenShape'
import { TOKEN_STYLE } from './tokenStyle'

/** A token's outline reaches TOKEN_R + 2 (the diamond): the legend's token icons frame that. */
const TOKEN_BOX = `${-(TOKEN_R + 2)} ${-(TOKEN_R + 2)} ${2 * (TOKEN_R + 2)} ${2 * (TOKEN_R + 2)}`
const MARK_BOX = `${-LEGEND_MARK.box} ${-LEGEND_MARK.box} ${2 * LEGEND_MARK.box} ${2 * LEGEND_MARK.box}`

/** The token states each model can show, in the order a token meets them. */
const STATES: Readonly<Record<'sync' | 'async' | 'sqs' | 'stream', readonly TokenStage[]>> = {
  sync: ['arriving', 'running', 'waiting', 'succeeded', 'failed', 'throttled'],
  async: ['arriving', 'queued', 'running', 'waiting', 'succeeded', 'failed'],
  sqs: ['arriving', 'queued', 'batching', 'running', 'invisible', 'waiting', 'succeeded', 'failed', 'filtered'],
  stream: ['arriving', 'queued', 'batching', 'running', 'waiting', 'succeeded', 'failed', 'filtered'],
}

const family = (m: Model) =>
  m === 'sqs' || m === 'sqs-fifo' ? 'sqs' : m === 'kinesis' || m === 'dynamodb' ? 'stream' : m

/** The marks besides token states that a model draws, with their words. */
const MARKS: Readonly<
  Record<
    'sync' | 'async' | 'sqs' | 'stream',
    readonly ('hold' | 'reply' | 'receives' | 'poison' | 'blocked' | 'checkpoint' | 'poller')[]
  >
> = {
  sync: ['hold', 'reply'],
  async: ['reply'],
  // Standard queues have no lanes, so nothing is blocked there (the filter below drops it).
  sqs: ['poller', 'hold', 'receives', 'poison', 'blocked'],
  stream: ['poller', 'hold', 'poison', 'checkpoint', 'blocked'],
}

const MARK_WORDS = {
  hold: { sync: 'caller waiting (connection open)', other: 'in flight: running, still hidden here' },
  reply: { sync: 'answer to the caller', other: 'answer to the source' },
  receives: 'receive count',
  poison: 'the record that fails its batch',
  blocked: 'blocked behind it',
  checkpoint: 'checkpoint (records done)',
  poller: 'a poller (filled: holding a batch)',
} as const

/** Marks that carry text are drawn as HTML chips (legend text is page text, not stage drawing). */
const CHIPS = {
  reply: { text: '200', cls: 'lem-legend-chip lem-reply--ok' },
  receives: { text: '×2', cls: 'lem-legend-chip lem-legend-chip--receives' },
  poison: { text: '!', cls: 'lem-legend-chip lem-legend-chip--poison' },
} as const

function Mark({ mark }: { mark: Exclude<keyof typeof MARK_WORDS, keyof typeof CHIPS> }) {
  switch (mark) {
    case 'hold':
      return (
        <g className="lem-hold">
          <circle className="lem-hold-body" r={LEGEND_MARK.holdR} />
        </g>
      )
    case 'poller':
      return (
        <rect
          className="lem-poller lem-poller--busy"
          x={-POLLER.glyph / 2}
          y={-POLLER.glyph / 2}
          width={POLLER.glyph}
          height={POLLER.glyph}
          rx={3}
        />
      )
    case 'blocked':
      return (
        <line className="lem-blocked-bar" x1={0} y1={-LEGEND_MARK.blockedHalf} x2={0} y2={LEGEND_MARK.blockedHalf} />
      )
    default:
      return (
        <line
          className="lem-checkpoint-bar"
          x1={0}
          y1={-LEGEND_MARK.checkpointHalf}
          x2={0}
          y2={LEGEND_MARK.checkpointHalf}
        />
      )
  }
}

/** Key to the token shapes, colours and marks of the model on the stage. */
type Holders = StageModel['holders']

export function StageLegend({ model, holders }: { model: Model; holders: Holders }) {
  // Folded behind a "Legend" button where the stylesheet says so (a phone; a laptop's stage whose
  // drawing and legend do not both fit, see useLegendFold); open, it floats until closed.
  const [open, setOpen] = useState(false)
  return (
    <ul
      className="lem-legend"
      aria-label="Legend"
      data-open={open ? 'true' : undefined}
      // Escape closes an open legend (on a laptop it floats over the stage).
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          setOpen(false)
        }
      }}
    >
      <li className="lem-legend-toggle">
        <button type="button" className="lem-linkish" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide legend' : 'Legend'}
        </button>
      </li>
      <LegendItems model={model} holders={holders} />
    </ul>
  )
}

/**
 * A hidden copy of the legend that never folds, in a box of no height: its height is the legend's
 * natural height whether or not the real one is folded (useLegendFold measures it).
 */
export function LegendProbe({
  model,
  holders,
  ref,
}: {
  model: Model
  holders: Holders
  ref: RefObject<HTMLUListElement | null>
}) {
  return (
    <div className="lem-legend-probe" aria-hidden="true" inert>
      <ul ref={ref} className="lem-legend">
        <LegendItems model={model} holders={holders} probe />
      </ul>
    </div>
  )
}

/** The legend's entries; a probe's carry no hooks for tests or styles beyond their size. */
function LegendItems({ model, holders, probe = false }: { model: Model; holders: Holders; probe?: boolean }) {
  const f = family(model)
  return (
    <>
      {STATES[f].map((state) => (
        <li
          key={state}
          className={probe ? undefined : `lem-token lem-token--${state}`}
          data-legend={probe ? undefined : state}
        >
          <svg viewBox={TOKEN_BOX} width={LEGEND_ICON} height={LEGEND_ICON} aria-hidden="true">
            <TokenShape shape={TOKEN_STYLE[state].shape} />
          </svg>
          {/* Who holds the token while it waits (engine: stage.holders). */}
          {holders[state] ? `${TOKEN_STYLE[state].words}: ${holders[state]}` : TOKEN_STYLE[state].words}
        </li>
      ))}
      {MARKS[f]
        .filter((mark) => mark !== 'blocked' || model !== 'sqs')
        .map((mark) => {
          const words = MARK_WORDS[mark]
          return (
            <li key={mark} data-legend={probe ? undefined : mark}>
              {mark === 'reply' || mark === 'receives' || mark === 'poison' ? (
                <span
                  className={
                    mark === 'reply' && f === 'async' ? 'lem-legend-chip lem-reply--accepted' : CHIPS[mark].cls
                  }
                  aria-hidden="true"
                >
                  {mark === 'reply' && f === 'async' ? '202' : CHIPS[mark].text}
                </span>
              ) : (
                <svg viewBox={MARK_BOX} width={LEGEND_ICON} height={LEGEND_ICON} aria-hidden="true">
                  <Mark mark={mark} />
                </svg>
              )}
              {typeof words === 'string' ? words : f === 'sync' ? words.sync : words.other}
            </li>
          )
        })}
    </>
  )
}
