import { describe, expect, it } from 'vitest'
import { parseTemplateText } from './text'
import { TemplateError } from './errors'

const parse = (text: string) => parseTemplateText(text) as Record<string, unknown>

function refusal(text: unknown): string {
  try {
    parseTemplateText(text)
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError)
    const message = (e as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected a TemplateError')
}

describe('CloudFormation short forms become long forms', () => {
  it.each([
    ['!Ref Queue', { Ref: 'Queue' }],
    ['!GetAtt Queue.Arn', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Queue, Arn]', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
    ['!Sub "arn:${AWS::Partition}:sqs"', { 'Fn::Sub': 'arn:${AWS::Partition}:sqs' }],
    ['!Sub ["${A}", {A: x}]', { 'Fn::Sub': ['${A}', { A: 'x' }] }],
    ['!If [IsProd, 10, 1]', { 'Fn::If': ['IsProd', 10, 1] }],
    ['!Join [":", [a, b]]', { 'Fn::Join': [':', ['a', 'b']] }],
    ['!Select [0, [a, b]]', { 'Fn::Select': [0, ['a', 'b']] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!FindInMap [M, a, b]', { 'Fn::FindInMap': ['M', 'a', 'b'] }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!Not [!Condition C]', { 'Fn::Not': [{ Condition: 'C' }] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ['!ImportValue SharedQueue', { 'Fn::ImportValue': 'SharedQueue' }],
    ['!GetAZs ""', { 'Fn::GetAZs': '' }],
    ['!Cidr ["10.0.0.0/16", 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
  ])('%s', (yaml, long) => {
    expect(parse(`v: ${yaml}\n`)['v']).toEqual(long)
  })

  it('reads JSON, with and without a byte order mark', () => {
    expect(parse('{"Resources": {"A": {"Type": "T"}}}')).toEqual({ Resources: { A: { Type: 'T' } } })
    expect(parse('\uFEFF{"a": 1}')).toEqual({ a: 1 })
  })

  it('keeps __proto__ an ordinary key', () => {
    const v = parse('__proto__: {polluted: true}\n')
    expect(Object.keys(v)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('bad input is one TemplateError sentence, quickly', () => {
  it('text that is not YAML', () => {
    expect(refusal('a: [1, 2\n  b: }\n')).toMatch(/^Not valid YAML or JSON/)
  })
  it('not text at all', () => {
    expect(refusal(42)).toMatch(/is text/)
    expect(refusal('   ')).toMatch(/empty/)
  })
  it('an alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 10; i++) {
      const n = String.fromCharCode(97 + i)
      const prev = String.fromCharCode(96 + i)
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(', ')}]`)
    }
    expect(refusal(lines.join('\n'))).toMatch(/alias/)
  })
  it('5000-deep nesting, as YAML and as JSON', () => {
    expect(refusal('['.repeat(5000) + ']'.repeat(5000))).toMatch(/nested too deeply/)
    expect(refusal('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).toMatch(/nested too deeply/)
    expect(refusal('a: ' + '{a: '.repeat(5000) + '1' + '}'.repeat(5000))).toMatch(/nested too deeply/)
  })
  it('more than 2 MB', () => {
    expect(refusal(`# ${'x'.repeat(3 * 1024 * 1024)}\n`)).toMatch(/larger than 2 MB/)
  })
  it('an alias with no anchor and a key that is a mapping', () => {
    expect(refusal('a: *nothing\n')).toBeTruthy()
    expect(refusal('? {a: 1}\n: b\n')).toMatch(/key/)
  })
})
