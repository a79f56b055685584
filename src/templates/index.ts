/**
 * The template importer's public API: SAM / CloudFormation text in, scenarios of docs/SCENARIO.md,
 * lint findings and the list of what was not read out. Pure: no DOM, clock or randomness. See
 * docs/TEMPLATES.md.
 */
export { importTemplate, lintTemplate } from './importer'
export { findingConcerns } from './concerns'
export type { ImportOptions } from './importer'
export { TemplateError } from './errors'
export { RULES } from './rules'
export type { RuleId, RuleInfo } from './rules'
export { DEFAULT_WORKLOAD, WORKLOAD_DESCRIPTIONS, WORKLOAD_SHAPES } from './workloads'
export { MAX_TEMPLATE_BYTES, parseTemplateText } from './text'
export type * from './types'
