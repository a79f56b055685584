import type { Lesson } from '../format'
import { ASYNC_LESSONS } from './async'
import { POLL_LESSONS } from './poll'
import { SYNC_LESSONS } from './sync'

/** The curriculum, in the order a newcomer takes it: the three models, then the traps. */
export const LESSONS: readonly Lesson[] = [...SYNC_LESSONS, ...ASYNC_LESSONS, ...POLL_LESSONS]

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id)
}
