// The page both sides render: React 18 on the server (build.mjs) and in the browser (client.mjs).
// Plain createElement, no JSX, so the server side needs no compiler.
import { createElement as h, useState } from 'react'
import { LambdaModels } from 'lambda-execution-models'

export function App() {
  // The second embed can be taken out and put back: mounting and unmounting under React 18.
  const [shown, setShown] = useState(true)
  return h(
    'main',
    null,
    h('h1', null, 'lambda-execution-models on React 18'),
    h('section', { id: 'first' }, h(LambdaModels, { scenario: 'sqs-redrive-dlq', controls: 'minimal', theme: 'light' })),
    h('button', { type: 'button', id: 'toggle', onClick: () => setShown((s) => !s) }, shown ? 'Remove' : 'Add'),
    shown &&
      h(
        'section',
        { id: 'second' },
        h(LambdaModels, { scenario: 'async-retries', controls: 'full', step: 2, isolate: false, theme: 'dark' }),
      ),
  )
}
