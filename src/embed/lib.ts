// The React component library entry (`npm run build:lib` → dist-lib/). React and react-dom are peers.
export { LambdaModels } from './LambdaModels'
export type { LambdaModelsProps } from './LambdaModels'
export type { ControlsMode, ThemeMode } from './options'
