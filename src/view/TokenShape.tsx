import type { Shape } from './tokenStyle'

export const R = 18

/** The token's outline: the shape tells the state even without colour. */
export function TokenShape({ shape }: { shape: Shape }) {
  switch (shape) {
    case 'square':
      return <rect className="lem-token-body" x={-R + 1} y={-R + 1} width={2 * R - 2} height={2 * R - 2} rx={4} />
    case 'diamond':
      return <path className="lem-token-body" d={`M0 ${-R - 2} L${R + 2} 0 L0 ${R + 2} L${-R - 2} 0 Z`} />
    case 'triangle':
      return <path className="lem-token-body" d={`M0 ${-R - 1} L${R + 1} ${R - 2} L${-R - 1} ${R - 2} Z`} />
    default:
      return <circle className="lem-token-body" r={R} />
  }
}
