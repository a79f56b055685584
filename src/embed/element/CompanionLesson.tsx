import { useEffect, useRef, useState } from 'react'
import type { LessonLink } from '../../lessons/lessonUrl'
import { useSimStore } from '../../store/SimProvider'
import { loadCompanion } from './companion'

/**
 * The element's lesson guide: an empty box the companion script renders into (its own root), with
 * "Loading…" or the reason it could not load beside it. The stage works either way.
 */
function CompanionLesson({ link }: { link: LessonLink }) {
  const store = useSimStore()
  const box = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'loading' | 'mounted' | { problem: string }>('loading')
  useEffect(() => {
    let live = true
    let unmount: (() => void) | null = null
    loadCompanion().then(
      (c) => {
        if (!live || !box.current) return
        unmount = c.mount(box.current, store, link)
        setState('mounted')
      },
      (e: unknown) => {
        if (live) setState({ problem: e instanceof Error ? e.message : String(e) })
      },
    )
    return () => {
      live = false
      unmount?.()
    }
  }, [store, link])
  return (
    <>
      {state === 'loading' && <p className="lem-guide-loading">Loading the lesson…</p>}
      {typeof state === 'object' && (
        <p className="lem-guide-problem" role="alert">
          {state.problem}
        </p>
      )}
      <div ref={box} />
    </>
  )
}

export function renderCompanionLesson(link: LessonLink) {
  return <CompanionLesson link={link} />
}
