/**
 * A learner's progress, kept in the browser (localStorage) so it survives a reload: per lesson, the
 * furthest stop reached and whether it was finished. Storage may be missing or full (private
 * windows, embeds in sandboxed frames): then progress lives for the page only.
 */
export interface LessonProgress {
  readonly reached: number
  readonly done: boolean
}

export type Progress = Readonly<Record<string, LessonProgress>>

const KEY = 'lem-lessons-v1'

export function loadProgress(): Progress {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') as unknown
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {}
    const out: Record<string, LessonProgress> = {}
    for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
      const p = v as { reached?: unknown; done?: unknown }
      if (typeof p?.reached === 'number' && Number.isInteger(p.reached) && p.reached >= 0)
        out[id] = { reached: p.reached, done: p.done === true }
    }
    return out
  } catch {
    return {}
  }
}

export function saveProgress(p: Progress): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(p))
  } catch {
    // Storage refused (quota, sandbox): progress stays for this page only.
  }
}

/** Progress with stop `stop` of `lesson` reached (and the lesson done when it is the last). */
export function reach(p: Progress, lesson: string, stop: number, stops: number): Progress {
  const was = p[lesson] ?? { reached: 0, done: false }
  return {
    ...p,
    [lesson]: { reached: Math.max(was.reached, stop), done: was.done || stop >= stops - 1 },
  }
}
