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
