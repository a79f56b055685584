/** Template text -> scenarios, findings and what was not read. */
import { buildScenario, ScenarioRejected } from './build'
import { fail, TemplateError } from './errors'
import { readModel } from './model'
import type { TemplateModel } from './model'
import { PropertyError } from './properties'
import { lintModel } from './rules'
import { parseTemplateText } from './text'
import type { Finding, ImportedScenario, TemplateImport, Unsupported, WorkloadShape } from './types'
import { DEFAULT_WORKLOAD, WORKLOAD_SHAPES } from './workloads'

export interface ImportOptions {
  /** Only this function (logical id). */
  readonly function?: string
  /** The traffic to add; a template has none. Default `steady`. */
  readonly workload?: WorkloadShape
}

/** Reads a template and builds one scenario per function x trigger. Throws TemplateError only. */
export function importTemplate(text: string, options: ImportOptions = {}): TemplateImport {
  return guard(() => {
    const shape = options.workload ?? DEFAULT_WORKLOAD
    if (!WORKLOAD_SHAPES.includes(shape))
      fail(`Unknown workload "${String(shape)}"; use ${WORKLOAD_SHAPES.join(', ')}.`)
    const model = modelOf(text, options.function)
    const unsupported: Unsupported[] = [...model.unsupported]
    const scenarios: ImportedScenario[] = []
    for (const f of model.functions) {
      const triggers = f.triggers.length > 0 ? f.triggers : [null]
      for (const t of triggers) {
        try {
          const built = buildScenario(model.ctx, f, t, shape)
          scenarios.push({
            function: f.id,
            trigger: t?.name ?? '(none)',
            triggerType: t?.type ?? '(none)',
            model: built.model,
            scenario: built.scenario,
            sources: built.sources,
          })
        } catch (e) {
          // One unusable trigger does not cost the function its others.
          if (e instanceof PropertyError)
            unsupported.push({ resource: e.resource, type: f.type, property: e.property, reason: e.message })
          else if (e instanceof ScenarioRejected)
            unsupported.push({
              resource: f.id,
              type: f.type,
              property: t ? (t.res.prefix ? t.res.prefix.replace(/\.Properties\.$/, '') : t.name) : undefined,
              reason: `the scenario for trigger ${t?.name ?? '(none)'} is not valid: ${e.message}`,
            })
          else throw e
        }
      }
    }
    if (scenarios.length === 0) {
      const first = unsupported.find(
        (u) => u.type === 'AWS::Serverless::Function' || u.type === 'AWS::Lambda::Function',
      )
      fail(`No function of the template could be imported${first ? `: ${first.reason}` : '.'}`)
    }
    return { scenarios, findings: lintModel(model), unsupported }
  })
}

/** The lint findings of a template. Throws TemplateError only (bad input, or a property of the wrong type). */
export function lintTemplate(text: string, options: Pick<ImportOptions, 'function'> = {}): Finding[] {
  return guard(() => {
    const model = modelOf(text, options.function)
    // A property of the wrong type leaves nothing to judge: refused as bad input, as the importer does.
    for (const f of model.functions)
      for (const t of f.triggers.length > 0 ? f.triggers : [null])
        try {
          buildScenario(model.ctx, f, t, DEFAULT_WORKLOAD)
        } catch (e) {
          if (e instanceof PropertyError) fail(e.message)
          if (!(e instanceof ScenarioRejected)) throw e
        }
    return lintModel(model)
  })
}

function modelOf(text: string, only: string | undefined): TemplateModel {
  const model = readModel(parseTemplateText(text))
  if (model.functions.length === 0)
    fail('The template has no AWS::Serverless::Function or AWS::Lambda::Function resource.')
  if (only === undefined) return model
  const f = model.functions.find((x) => x.id === only)
  if (!f)
    fail(`The template has no function ${only}; its functions are ${model.functions.map((x) => x.id).join(', ')}.`)
  return { ...model, functions: [f] }
}

/** Whatever goes wrong inside is a TemplateError with one sentence; a deep recursion included. */
function guard<T>(run: () => T): T {
  try {
    return run()
  } catch (e) {
    if (e instanceof TemplateError) throw e
    if (e instanceof RangeError) throw new TemplateError('The template is nested too deeply to read.')
    if (e instanceof PropertyError) throw new TemplateError(e.message)
    throw new TemplateError(`The template could not be read: ${e instanceof Error ? e.message : String(e)}`)
  }
}
