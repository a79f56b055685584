import { describe, expect, it } from 'vitest'
import { buildReport, createSim, parseScenario, runToEnd } from '../engine'
import { eventStory } from './eventStory'

function story(raw: Record<string, unknown>, id: string) {
  const r = parseScenario({ version: 1, ...raw })
  if (!r.ok) throw new Error('bad scenario')
  const { state, transitions } = runToEnd(createSim(r.scenario), true)
  return { story: eventStory(state, transitions, id)!, report: buildReport(state) }
}

describe('eventStory: the records Lambda sends are shown as JSON in the event history', () => {
  it('§3.5 an async on-failure delivery carries its invocation record, the exact JSON of the report', () => {
    const { story: s, report } = story(
      {
        model: 'async',
        workload: [{ fail: 'always' }],
        async: { maximumRetryAttempts: 0, onFailure: 'eventbridge', deadLetterQueue: 'sqs' },
      },
      'evt-1',
    )
    const withRecord = s.lines.filter((l) => l.record)
    expect(withRecord.map((l) => l.record!.label)).toEqual(['The EventBridge event (JSON)', 'The SQS message (JSON)'])
    const deliveries = report.events![0]!.deliveries
    expect(withRecord.map((l) => JSON.parse(l.record!.json))).toEqual(deliveries.map((d) => d.record))
  })

  it('deliveries without a record (a caller answer) show no JSON block', () => {
    const { story: s } = story({ model: 'sync', workload: [{}] }, 'evt-1')
    expect(s.lines.some((l) => l.kind === 'delivery')).toBe(true)
    expect(s.lines.some((l) => l.record)).toBe(false)
  })
})
