import { LazyMotion } from 'motion/react'
import { memo, useCallback } from 'react'
import { useSim, useSimStore } from '../store/SimProvider'
import type { TokenLayout } from './geometry'
import { loadMotionFeatures } from './loadMotionFeatures'
import { Token } from './Token'

/** Above this many tokens, moves are instant: framer-motion keeps 60 fps up to about 300 SVG elements here. */
export const MAX_ANIMATED = 300

/** All drawn tokens in one flat, keyed list, so a token keeps its element (and glides) when it changes node. */
export const TokenLayer = memo(function TokenLayer({ tokens }: { tokens: readonly TokenLayout[] }) {
  const store = useSimStore()
  const selected = useSim((s) => s.selected)
  const open = useCallback((id: string) => store.getState().select(id), [store])
  const animate = tokens.length <= MAX_ANIMATED
  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <g className="lem-tokens">
        {tokens.map((t) => (
          <Token key={t.token.id} token={t.token} x={t.x} y={t.y} animate={animate} selected={selected === t.token.id} onOpen={open} />
        ))}
      </g>
    </LazyMotion>
  )
})
