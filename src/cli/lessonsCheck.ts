import { LESSONS } from '../lessons/catalog'
import { validateLesson } from '../lessons/validate'

/** `npm run lessons:check`: every lesson validated and run on the engine (docs/LESSONS.md "Checks"). */
let stops = 0
let questions = 0
let tasks = 0
const problems: string[] = []
const ids = new Set<string>()
for (const raw of LESSONS) {
  if (ids.has(raw.id)) problems.push(`lesson "${raw.id}": the id is used twice`)
  ids.add(raw.id)
  const r = validateLesson(raw)
  if (!r.ok) problems.push(...r.problems)
  stops += raw.stops.length
  questions += raw.stops.filter((s) => s.question).length
  tasks += raw.stops.filter((s) => s.task).length
}
for (const p of problems) process.stderr.write(`${p}\n`)
process.stdout.write(`${LESSONS.length} lessons, ${stops} stops, ${questions} questions, ${tasks} tasks\n`)
process.exit(problems.length > 0 ? 1 : 0)
