import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Docs sites compile installed libraries again (Docusaurus: Babel preset-env, loose mode, old
 * targets). Loose mode assumes every spread and array destructuring is of an array: `[...new Set(x)]`
 * becomes `[].concat(new Set(x))`, a one-element array holding the Set, and the diagram loses boxes
 * (issue 12). So library code spreads and destructures arrays only; other iterables go through
 * Array.from. Checked with the type checker over everything the embeds ship (src, tests aside).
 */
function nonArraySpreads(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )
  if (!config) throw new Error('tsconfig.json unreadable')
  const files = config.fileNames.filter(
    (f) => /\/src\//.test(f) && !/\.test\.tsx?$/.test(f) && !/\/src\/(cli|fuzz)\//.test(f),
  )
  const program = ts.createProgram(files, config.options)
  const checker = program.getTypeChecker()
  const found: string[] = []
  const arrayLike = (node: ts.Expression) => {
    const type = checker.getTypeAtLocation(node)
    const parts = type.isUnion() ? type.types : [type]
    return parts.every(
      (t) =>
        checker.isArrayType(t) ||
        checker.isTupleType(t) ||
        (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Any)) !== 0,
    )
  }
  const report = (sf: ts.SourceFile, node: ts.Node) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf))
    found.push(`${sf.fileName.replace(/^.*\/src\//, 'src/')}:${line + 1}: ${node.getText(sf).slice(0, 80)}`)
  }
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue
    const visit = (node: ts.Node): void => {
      if (ts.isSpreadElement(node) && !arrayLike(node.expression)) report(sf, node)
      if (
        ts.isArrayBindingPattern(node) &&
        ts.isVariableDeclaration(node.parent) &&
        node.parent.initializer &&
        !arrayLike(node.parent.initializer)
      )
        report(sf, node.parent)
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return found
}

describe('library code survives loose-mode host compilers (issue 12)', () => {
  it('spreads and array-destructures arrays only (Array.from for Sets, Maps and iterators)', () => {
    expect(nonArraySpreads()).toEqual([])
  })
})
