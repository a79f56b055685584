// @vitest-environment node
// Docs sites render pages on a server first: the component must give a static frame there.
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LambdaModels } from './LambdaModels'

describe('LambdaModels on a server', () => {
  it('has no window or document to touch here', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  it('renders a static first frame of the chosen preset at the chosen step', () => {
    const html = renderToString(
      <LambdaModels scenario="async-retries" step={3} controls="minimal" theme="dark" height={480} />,
    )
    expect(html).toContain('data-testid="stage"')
    expect(html).toContain('data-step="3"')
    expect(html).toContain('data-model="async"')
    expect(html).toContain('data-theme="dark"')
    expect(html).toContain('height:480px')
  })

  it('renders with no props at all', () => {
    expect(renderToString(<LambdaModels />)).toContain('data-testid="stage"')
  })

  // The notices themselves appear once the store is live in the browser (zustand's server snapshot
  // is the store's initial state); see element/defineElement.test.tsx.
  it('falls back to defaults on bad props instead of throwing', () => {
    // Props typed loosely on purpose: MDX authors pass strings.
    const bad = {
      scenario: 'no-such-thing',
      controls: 'lots',
      theme: 'purple',
      step: -4,
      height: 3,
    } as unknown as Parameters<typeof LambdaModels>[0]
    const html = renderToString(<LambdaModels {...bad} />)
    expect(html).toContain('data-testid="stage"')
    expect(html).toContain('data-model="sync"')
    expect(html).toContain('data-controls="minimal"')
  })
})
