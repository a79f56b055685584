/** The importer's and linter's results: plain data, JSON as printed by the CLIs. */
import type { Model, Scenario } from '../engine'

export type SourceFrom = 'template' | 'default' | 'unresolved'

/** Where one scenario field's value came from. */
export interface Source {
  /** The scenario field path, e.g. `sqs.visibilityTimeout`. */
  readonly field: string
  readonly value: unknown
  readonly from: SourceFrom
  /** The logical id the value belongs to (`Globals` for SAM globals). */
  readonly resource: string
  /** The CloudFormation / SAM property path, e.g. `RedrivePolicy.maxReceiveCount`. */
  readonly property: string
  /** For `unresolved`: why the template alone does not say (the AWS default is used). */
  readonly reason?: string
}

export interface Unsupported {
  readonly resource: string
  readonly type: string
  readonly property?: string
  readonly reason: string
}

export type Severity = 'error' | 'warning'

export interface Finding {
  readonly rule: string
  readonly severity: Severity
  readonly resource: string
  readonly property: string
  readonly message: string
  readonly docUrl: string
  /** A scenario that shows the consequence when played. */
  readonly seeIt?: Scenario
}

export interface ImportedScenario {
  /** The function's logical id. */
  readonly function: string
  /** The trigger's name: the SAM event name, the mapping's logical id, or `(none)`. */
  readonly trigger: string
  /** `Api`, `SQS`, `AWS::Lambda::EventSourceMapping`, ... */
  readonly triggerType: string
  readonly model: Model
  readonly scenario: Scenario
  readonly sources: readonly Source[]
}

export interface TemplateImport {
  readonly scenarios: readonly ImportedScenario[]
  readonly findings: readonly Finding[]
  readonly unsupported: readonly Unsupported[]
}

export type WorkloadShape = 'steady' | 'burst' | 'poison'
