/**
 * The lesson part of a share link: `?lesson=<id>&stop=<n>` (n from 1), optionally `&d=<changes>`
 * (the learner's task changes: the difference from the lesson's scenario, as in a scenario link's
 * `d=`), or `?lessons` for the list. Reading never throws; an unknown lesson or stop and changes that
 * do not apply are named by the guide, which falls back to the list or the lesson's own scenario.
 */
export interface LessonLink {
  readonly lesson: string | null
  readonly stop: number
  /** The raw `d=` value, read against the lesson's scenario by the guide. */
  readonly changes?: string | null
}

export function readLessonLink(search: string): LessonLink | null {
  const q = new URLSearchParams(search)
  if (!q.has('lesson') && !q.has('lessons')) return null
  const stop = Number(q.get('stop') ?? '1')
  return {
    lesson: q.get('lesson'),
    stop: Number.isInteger(stop) && stop >= 1 ? stop : 1,
    changes: q.get('d'),
  }
}

export function lessonHref(lesson: string | null, stop = 1, changes: string | null = null): string {
  if (lesson === null) return '?lessons'
  return `?lesson=${encodeURIComponent(lesson)}${stop > 1 ? `&stop=${stop}` : ''}${changes ? `&d=${changes}` : ''}`
}
