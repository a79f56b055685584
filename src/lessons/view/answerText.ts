import type { Stop } from '../format'
import type { StopPlan } from './StopView'

/** The answer as words: a choice's label, or the number with its unit. */
export function answerText(stop: Stop, answer: StopPlan['answer']): string {
  const q = stop.question
  if (!q || answer === null) return ''
  if (q.kind === 'choice') return q.choices.find((c) => c.id === String(answer))?.label ?? String(answer)
  return `${answer}${q.unit ? ` ${q.unit}` : ''}`
}
