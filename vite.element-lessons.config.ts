// `npm run build:element` (second half): the element's lessons companion, dist/lambda-models-lessons.js,
// one self-contained script like the element (its own Preact), fetched only by an element with a
// `lesson` attribute (src/embed/element/companion.ts).
import { mergeConfig } from 'vite'
import element from './vite.element.config.js'

export default mergeConfig(element, {
  build: {
    lib: {
      entry: 'src/embed/element/lessonsMain.tsx',
      formats: ['iife'],
      name: 'LambdaModelsLessonsScript',
      fileName: () => 'lambda-models-lessons.js',
    },
  },
})
