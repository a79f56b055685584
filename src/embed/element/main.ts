// Entry of the custom element script (`npm run build:element` → dist/lambda-models.js).
import { defineLambdaModels } from './defineElement'

defineLambdaModels()
