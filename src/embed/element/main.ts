// Entry of the custom element script (`npm run build:element` → dist/lambda-models.js; in the package,
// `lambda-execution-models/element`). Safe to import during server rendering: it defines the element
// only where there is a custom element registry.
import { defineLambdaModels } from './defineElement'

if (typeof window !== 'undefined' && typeof window.customElements !== 'undefined') defineLambdaModels()
