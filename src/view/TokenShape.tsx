import { TOKEN_R as R } from './layout/metrics'
import type { Shape } from './tokenStyle'

/**
 * The token's outline: the shape tells the state even without colour. The ±1 and ±2 are optical:
 * a square, a diamond and a triangle drawn at these sizes look as big as the circle.
 */
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
