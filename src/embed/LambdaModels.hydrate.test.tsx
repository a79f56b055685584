// @vitest-environment jsdom
// The server's static frame comes alive in the browser: hydration keeps the markup and the controls work.
import { act } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { LambdaModels } from './LambdaModels'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

it('hydrates the server markup without mismatch and then steps', async () => {
  const element = <LambdaModels scenario="sync-basics" step={1} controls="minimal" theme="light" />
  const host = document.createElement('div')
  host.innerHTML = renderToString(element)
  document.body.append(host)
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  await act(async () => {
    hydrateRoot(host, element, { onRecoverableError: (e) => console.error(e) })
  })
  // Once live, the view runs inside the component's shadow root (isolate, the default).
  const shadow = host.querySelector('.lem-lib-host')!.shadowRoot!
  expect(shadow).not.toBeNull()
  expect(host.querySelector('[data-testid="stage"]')).toBeNull()
  // Its styles come with it (an adopted sheet, or a <style> where constructable sheets are missing).
  expect((shadow.adoptedStyleSheets?.length ?? 0) + shadow.querySelectorAll('style[data-lem]').length).toBe(1)
  const stage = () => shadow.querySelector<HTMLElement>('[data-testid="stage"]')!
  expect(stage().dataset.step).toBe('1')
  const forward = [...shadow.querySelectorAll('button')].find((b) => b.textContent?.includes('Step forward'))!
  await act(async () => forward.click())
  expect(stage().dataset.step).toBe('2')
  expect(errors.mock.calls.filter((c) => String(c[0]).match(/hydrat/i))).toEqual([])
  errors.mockRestore()
})

it('isolate={false} hydrates and stays in the page', async () => {
  const element = <LambdaModels scenario="sync-basics" step={2} controls="minimal" isolate={false} />
  const host = document.createElement('div')
  host.innerHTML = renderToString(element)
  document.body.append(host)
  await act(async () => {
    hydrateRoot(host, element)
  })
  expect(host.querySelector('.lem-lib-host')).toBeNull()
  expect(host.querySelector<HTMLElement>('[data-testid="stage"]')!.dataset.step).toBe('2')
})

it('lesson: the lesson’s stage in the server frame, then its stops beside it, loaded after hydration', async () => {
  const element = <LambdaModels lesson="sqs-visibility" stop={2} controls="minimal" isolate={false} />
  const host = document.createElement('div')
  const html = renderToString(element)
  // The first frame is the lesson's preset, with the guide's place held by "Loading the lesson…".
  expect(html).toContain('data-model="sqs"')
  expect(html).toContain('Loading the lesson…')
  host.innerHTML = html
  document.body.append(host)
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  await act(async () => {
    hydrateRoot(host, element, { onRecoverableError: (e) => console.error(e) })
  })
  await vi.waitFor(() => expect(host.querySelector('[data-testid="stop-counter"]')?.textContent).toBe('Stop 2 of 2'), {
    timeout: 10_000,
  })
  expect(host.querySelector('[data-testid="lesson"]')?.getAttribute('data-lesson')).toBe('sqs-visibility')
  // An embed never writes the host page's address.
  expect(window.location.search).toBe('')
  expect(errors.mock.calls.filter((c) => String(c[0]).match(/hydrat/i))).toEqual([])
  errors.mockRestore()
})
