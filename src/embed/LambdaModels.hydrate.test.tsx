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
  const stage = () => host.querySelector<HTMLElement>('[data-testid="stage"]')!
  expect(stage().dataset.step).toBe('1')
  const forward = [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('Step forward'))!
  await act(async () => forward.click())
  expect(stage().dataset.step).toBe('2')
  expect(errors.mock.calls.filter((c) => String(c[0]).match(/hydrat/i))).toEqual([])
  errors.mockRestore()
})
