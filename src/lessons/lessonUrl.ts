/**
 * The lesson part of a share link: `?lesson=<id>&stop=<n>` (n from 1), or `?lessons` for the list.
 * Reading never throws; an unknown lesson or stop is named by the guide, which falls back to the list.
 */
export interface LessonLink {
  readonly lesson: string | null
  readonly stop: number
}

export function readLessonLink(search: string): LessonLink | null {
  const q = new URLSearchParams(search)
  if (!q.has('lesson') && !q.has('lessons')) return null
  const stop = Number(q.get('stop') ?? '1')
  return { lesson: q.get('lesson'), stop: Number.isInteger(stop) && stop >= 1 ? stop : 1 }
}

export function lessonHref(lesson: string | null, stop = 1): string {
  if (lesson === null) return '?lessons'
  return `?lesson=${encodeURIComponent(lesson)}${stop > 1 ? `&stop=${stop}` : ''}`
}
