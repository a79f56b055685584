import { describe, expect, it } from 'vitest'
import { fitCaption, lineCount } from './captionFit'

/** One unit per character: a monospace stand-in for the canvas. */
const mono = (s: string) => s.length
const box = (width: number, lines: number, indent = 0, tail = 0) => ({ width, lines, indent, tail })

const THROWS =
  'The handler throws for req-3: API Gateway gets 200 with X-Amz-Function-Error: Unhandled and the error (errorType, errorMessage, trace) in the body. Lambda does not retry a synchronous call.'

describe('rail captions fit their lines on word boundaries and keep the why (issue 18 item 6)', () => {
  it('counts lines broken at spaces, with the time before and the link after', () => {
    expect(lineCount('aaa bbb ccc', box(7, 2), mono)).toBe(2)
    expect(lineCount('aaa bbb ccc', box(11, 1), mono)).toBe(1)
    expect(lineCount('aaa bbb', box(7, 1, 2), mono)).toBe(2)
    expect(lineCount('aaa bbb', box(10, 1, 0, 4), mono)).toBe(2)
  })

  it('a caption that fits is left whole', () => {
    expect(fitCaption('req-2 succeeds after 400 ms.', box(40, 2), mono)).toBe('req-2 succeeds after 400 ms.')
  })

  it('§1.2 a function error: the why ("Lambda does not retry") stays, no word is cut, and it fits two lines', () => {
    const fitted = fitCaption(THROWS, box(48, 2, 7, 11), mono)
    expect(fitted.endsWith('Lambda does not retry a synchronous call.')).toBe(true)
    expect(lineCount(fitted, box(48, 2, 7, 11), mono)).toBeLessThanOrEqual(2)
    // Every word shown is a whole word of the caption.
    const words = new Set(THROWS.split(' ').map((w) => w.replace(/[,:;]$/, '')))
    for (const w of fitted.split(' ')) if (w !== '…') expect(words.has(w.replace(/[,:;]$/, '')), w).toBe(true)
    expect(fitted.startsWith('The handler throws for req-3')).toBe(true)
    expect(fitted).toContain(' … ')
  })

  it('with room for three lines it keeps more of what happened', () => {
    const two = fitCaption(THROWS, box(48, 2), mono)
    const three = fitCaption(THROWS, box(48, 3), mono)
    expect(three.length).toBeGreaterThan(two.length)
    expect(three).toContain('X-Amz-Function-Error')
  })

  it('a one-sentence caption too long for its lines ends in "…" after a whole word', () => {
    const fitted = fitCaption('one two three four five six seven eight', box(10, 2), mono)
    expect(fitted).toBe('one two three…')
  })

  it('when what happened has no room beside the why, what happened is shown: a caption keeps its subject', () => {
    expect(fitCaption('Something long happened here today. Why.', box(6, 1), mono)).toBe('Something…')
    const sent = 'The producer sends order-1 to the queue. It is visible, waiting for the pollers.'
    expect(fitCaption(sent, box(40, 1), mono)).toBe('The producer sends order-1 to the queue.')
    expect(fitCaption(sent, box(30, 1), mono)).toBe('The producer sends order-1 to…')
  })

  it('the detail in parentheses goes first, before any word of what happened or why', () => {
    const gaveUp =
      "Sequence 1 (1 record: poison-1) reached the end of the stream's retention period (24 h): Lambda gives up on it (RecordAgeExceeded). No on-failure destination is set, so the record is simply dropped, and shard 1 moves on."
    expect(fitCaption(gaveUp, box(1000, 1), mono)).toBe(gaveUp)
    expect(fitCaption(gaveUp, box(90, 2), mono)).toBe(
      "Sequence 1 reached the end of the stream's retention period: Lambda gives up on it. No on-failure destination is set, so the record is simply dropped, and shard 1 moves on.",
    )
    expect(fitCaption(gaveUp, box(40, 2), mono)).toBe(
      "Sequence 1 reached the end of the stream's retention period: Lambda gives…",
    )
  })
})
