import { describe, expect, it } from 'vitest'
import { badgeSlots, crosses, ringPath } from './badges'
import type { Box } from './badges'
import { RING_GAP_DEG, TIMER_R } from './metrics'

const LABELS = ['1', '12', '123', '…345', 'u12']
const RECEIVES = [null, '×2', '×12', '×123']
const REPLIES = [null, '200', '429', '504']
const COUNTDOWNS = [null, '9.8\u202fs', '25\u202fmin', '1.7\u202fh']

/** Every combination a token can show. */
function* cases() {
  for (const label of LABELS)
    for (const triangle of [false, true])
      for (const poison of [false, true])
        for (const receives of RECEIVES)
          for (const reply of REPLIES)
            for (const countdown of COUNTDOWNS)
              yield { label, triangle, poison, receives, reply, countdown, ring: countdown !== null }
}

function boxes(s: ReturnType<typeof badgeSlots>): [string, Box][] {
  const out: [string, Box][] = [['label', s.label.box]]
  if (s.poison) out.push(['poison', s.poison])
  if (s.receives) out.push(['receives', s.receives])
  if (s.reply) out.push(['reply', s.reply])
  if (s.countdown) out.push(['countdown', s.countdown.box])
  return out
}

/** Points along the drawn ring, from its own path's numbers (the arc over the top between its ends). */
function ringPoints(): [number, number][] {
  const gap = (RING_GAP_DEG * Math.PI) / 180
  const pts: [number, number][] = []
  for (let a = gap; a <= 2 * Math.PI - gap + 1e-9; a += Math.PI / 180)
    pts.push([-TIMER_R * Math.sin(a), TIMER_R * Math.cos(a)])
  return pts
}

describe('token badges sit in fixed slots (issue 18 item 6)', () => {
  it('no two badges of a token, nor a badge and the label, cross: every combination', () => {
    let n = 0
    for (const c of cases()) {
      const b = boxes(badgeSlots(c))
      for (let i = 0; i < b.length; i++)
        for (let j = i + 1; j < b.length; j++) {
          const [an, a] = b[i]!
          const [bn, bb] = b[j]!
          expect(crosses(a, bb), `${JSON.stringify(c)}: ${an} × ${bn}`).toBe(false)
        }
      n++
    }
    expect(n).toBe(LABELS.length * 2 * 2 * RECEIVES.length * REPLIES.length * COUNTDOWNS.length)
  })

  it('the countdown ring is open where the bottom slot is: no point of its stroke inside the readout or the chip', () => {
    const stroke = 1.25
    for (const c of cases()) {
      const s = badgeSlots(c)
      const bottom = s.countdown?.box ?? s.reply
      if (!bottom) continue
      for (const [x, y] of ringPoints()) {
        const grown = { x: bottom.x - stroke, y: bottom.y - stroke, w: bottom.w + 2 * stroke, h: bottom.h + 2 * stroke }
        expect(
          crosses(grown, { x, y, w: 0.01, h: 0.01 }),
          `${JSON.stringify(c)} at ${x.toFixed(1)},${y.toFixed(1)}`,
        ).toBe(false)
      }
    }
  })

  it('the readout gives way to the answer chip, and a label longer than the slot is narrowed, not shrunk', () => {
    const s = badgeSlots({
      label: '…345',
      triangle: false,
      poison: false,
      receives: null,
      reply: '429',
      countdown: '9.8 s',
      ring: true,
    })
    expect(s.countdown).toBeNull()
    expect(s.reply).not.toBeNull()
    expect(s.label.fit).not.toBeNull()
    expect(
      badgeSlots({
        label: '12',
        triangle: false,
        poison: false,
        receives: null,
        reply: null,
        countdown: null,
        ring: false,
      }).label.fit,
    ).toBeNull()
  })

  it('the ring path runs over the top from the left end of its gap to the right end', () => {
    expect(ringPath(10, 90)).toBe('M -10 0 A 10 10 0 1 1 10 0')
  })
})
