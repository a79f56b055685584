import { describe, expect, it } from 'vitest'
import { SMALL_BOLD_CHAR } from './metrics'
import { batchLabel, hiddenEnvsLabel, wrapText } from './text'

describe('wrapText', () => {
  it('wraps on words, never cuts a word, and marks a cut after a whole word', () => {
    expect(wrapText('Lambda Invoke API', 10, 2)).toEqual(['Lambda', 'Invoke API'])
    const lines = wrapText('one two three four five six seven', 9, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
    for (const l of lines)
      for (const w of l.replace('…', '').split(' ')) expect('one two three four five six seven'.split(' ')).toContain(w)
    expect(wrapText('', 10, 2)).toEqual([])
  })

  it('breaks long identifiers only at designed places (camelCase, "=")', () => {
    expect(wrapText('messageRetentionPeriod 345600 s', 16, 3)).toEqual(['messageRetention', 'Period 345600 s'])
    expect(wrapText('InvocationType=Event', 16, 3)).toEqual(['InvocationType=', 'Event'])
  })

  it('keeps a number with the word before it', () => {
    expect(wrapText('visibility timeout 10 s', 18, 3)).toEqual(['visibility', 'timeout 10 s'])
  })
})

describe('text that is shortened to fit', () => {
  it('batch lines and the hidden-environments line keep their full text when there is room, and fit when not', () => {
    expect(batchLabel('batch-36', 10, 400)).toBe('batch-36 · 10 records')
    expect(batchLabel('batch-1', 1, 400)).toBe('batch-1 · 1 record')
    expect(batchLabel('batch-36', 10, 180).length * SMALL_BOLD_CHAR).toBeLessThanOrEqual(180)
    expect(batchLabel('batch-36', 10, 180)).toMatch(/^batch-36/)
    expect(hiddenEnvsLabel(6, 60, 600)).toBe('+6 more environments · 60 events running there')
    expect(hiddenEnvsLabel(1, 1, 600)).toBe('+1 more environment · 1 event running there')
    expect(hiddenEnvsLabel(6, 60, 420).length * SMALL_BOLD_CHAR).toBeLessThanOrEqual(420)
    expect(hiddenEnvsLabel(6, 0, 600)).toBe('+6 more environments')
  })
})
