import type { StageNode } from '../stageTypes'

/** A node of a model's stage with no tokens yet (the shared selector fills them in, stage.ts). */
export function stageNode(
  id: string,
  kind: StageNode['kind'],
  label: string,
  detail: string,
  column: number,
  row = 0,
): StageNode {
  return { id, kind, label, detail, column, row, tokens: [], count: 0, lanes: [] }
}
