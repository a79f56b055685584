import { memo, useCallback, useState } from 'react'
import { useSim, useSimStore } from '../store/SimProvider'
import type { TokenLayout } from './layout/types'
import { MAX_GLIDES, NO_GLIDES, planGlides } from './glides'
import { MOVE_MS, Token } from './Token'
import { useReducedMotion } from './useReducedMotion'

/** The glide plan for this layout, kept from the previous one (React's derived-state pattern). */
function useGlides(tokens: readonly TokenLayout[], now: number): ReadonlySet<string> {
  const speed = useSim((s) => s.speed)
  // Reduced motion: tokens appear and move in place.
  const still = useReducedMotion()
  const [plan, setPlan] = useState(NO_GLIDES)
  if (plan.tokens === tokens) return plan.glides
  const next = planGlides(plan, tokens, now, MOVE_MS * speed, still ? 0 : MAX_GLIDES)
  setPlan(next)
  return next.glides
}

/** All drawn tokens in one flat, keyed list, so a token keeps its element (and glides) when it changes node. */
export const TokenLayer = memo(function TokenLayer({ tokens, now }: { tokens: readonly TokenLayout[]; now: number }) {
  const store = useSimStore()
  const selected = useSim((s) => s.selected)
  const open = useCallback((id: string) => store.getState().select(id), [store])
  const glides = useGlides(tokens, now)
  return (
    <g className="lem-tokens">
      {tokens.map((t) => (
        <Token
          key={t.token.id}
          token={t.token}
          x={t.x}
          y={t.y}
          animate={glides.has(t.token.id)}
          selected={selected === t.token.id}
          onOpen={open}
        />
      ))}
    </g>
  )
})
