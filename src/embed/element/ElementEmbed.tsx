import { EmbedView } from '../EmbedView'
import type { ReadOptions } from '../options'
import { usePageTheme } from '../usePageTheme'
import { renderCompanionLesson } from './CompanionLesson'

/** The custom element's React tree: the shared embed, following the host page's theme on auto. */
export function ElementEmbed({ read }: { read: ReadOptions }) {
  const pageTheme = usePageTheme()
  return (
    <EmbedView
      options={read.options}
      problems={read.problems}
      pageTheme={pageTheme}
      renderLesson={renderCompanionLesson}
      compact
    />
  )
}
