// A docs author's app, type-checked against the packed package (scripts/package.test.ts).
import { LambdaModels } from 'lambda-execution-models'
import type { ControlsMode, LambdaModelsProps, ThemeMode } from 'lambda-execution-models'
import type { LambdaModelsAttributes } from 'lambda-execution-models/element'
import 'lambda-execution-models/style.css'

const controls: ControlsMode = 'minimal'
const theme: ThemeMode = 'auto'
const props: LambdaModelsProps = {
  scenario: 'async-retries',
  controls,
  theme,
  step: 0,
  autoplay: false,
  height: 480,
  isolate: true,
}
const attributes: LambdaModelsAttributes = { scenario: 'sqs-batch-failure', controls: 'none', step: '3' }

export function App({ scenario }: { readonly scenario: string }) {
  return (
    <main>
      <LambdaModels {...props} scenario={scenario} />
      <lambda-models {...attributes} theme="dark" />
      {/* @ts-expect-error: the types are real, so a wrong option is an error */}
      <LambdaModels controls="everything" />
      {/* @ts-expect-error: and so is a misspelt one */}
      <LambdaModels scenerio="async-retries" />
    </main>
  )
}
