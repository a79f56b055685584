/**
 * The importer on hostile input: random YAML/JSON-ish text and randomly mutated fixtures. It may
 * refuse (TemplateError) or import; it never throws anything else, and every scenario it returns
 * is one the engine parses to itself. 10,000 cases in all.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../engine'
import { TemplateError } from './errors'
import { importTemplate, lintTemplate } from './importer'
import type { WorkloadShape } from './types'
import api from './fixtures/api-lambda.yaml?raw'
import asyncDest from './fixtures/async-destinations.yaml?raw'
import plain from './fixtures/cfn-plain.json?raw'
import dynamo from './fixtures/dynamodb-lambda.yaml?raw'
import kinesis from './fixtures/kinesis-lambda.yaml?raw'
import misconfigured from './fixtures/misconfigured.yaml?raw'
import sqs from './fixtures/sqs-lambda.yaml?raw'
import realFifo from './fixtures/public/apigw-http-api-fifo-sqs-lambda-sns-sam.yaml?raw'
import realKinesis from './fixtures/public/kinesis-lambda-error-handling.yaml?raw'
import realSchedule from './fixtures/public/eventbridge-schedule-to-lambda.yaml?raw'
import realSns from './fixtures/public/sns-lambda.yaml?raw'
import realLmi from './fixtures/public/sqs-lambda-lmi-esm-provisioned-sam.yaml?raw'
import { parseTemplateText } from './text'

// Real templates too: their shapes (short forms in odd places, parameters, Globals) are not ours.
const FIXTURES = [
  api,
  asyncDest,
  plain,
  dynamo,
  kinesis,
  misconfigured,
  sqs,
  realFifo,
  realKinesis,
  realSchedule,
  realSns,
  realLmi,
]
const SHAPES: WorkloadShape[] = ['steady', 'burst', 'poison']

function check(text: string, workload: WorkloadShape = 'steady'): void {
  let result
  try {
    result = importTemplate(text, { workload })
    lintTemplate(text)
  } catch (e) {
    if (e instanceof TemplateError) {
      expect(e.message).not.toBe('')
      return
    }
    throw e
  }
  for (const s of result.scenarios) {
    const again = parseScenario(JSON.parse(JSON.stringify(s.scenario)))
    expect(again.ok).toBe(true)
    if (again.ok) expect(again.scenario).toEqual(s.scenario)
  }
  for (const f of result.findings) if (f.seeIt) expect(parseScenario(f.seeIt).ok).toBe(true)
}

const TOKENS = [
  'Resources:',
  'Type:',
  'Properties:',
  'AWS::Serverless::Function',
  'AWS::SQS::Queue',
  'AWS::Lambda::EventSourceMapping',
  'Events:',
  'SQS',
  'Kinesis',
  'Api',
  '!Ref',
  '!GetAtt',
  '!Sub',
  '!If',
  '!Join',
  '&a',
  '*a',
  '<<:',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '"',
  "'",
  '\n',
  '  ',
  '\t',
  '#',
  '---',
  '...',
  'Timeout: ',
  '-1',
  '1e309',
  'null',
  '~',
  'true',
  '0x1F',
  '__proto__',
  '!!binary',
  '!!js/function',
  '%YAML 1.2',
  '?',
  '|',
  '>',
  '\u0000',
  '\uFEFF',
]
const yamlish = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((a) => a.join(''))

/** Replace one value anywhere in a fixture's data with something random. */
type Json = unknown
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out)
  return out
}
function setAt(root: Json, at: readonly (string | number)[], value: Json): Json {
  if (at.length === 0) return value
  const copy = structuredClone(root) as Record<string | number, Json>
  let node = copy
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>
  node[at[at.length - 1] as string | number] = value
  return copy
}

const randomValue: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: -5, max: 100000 }),
  fc.constantFrom(0, -1, 1, 5, 10, 11, 30, 900, 901, 10001, 1.5, 'abc', '', true, false, null, [], {}),
  fc.constantFrom(
    { Ref: 'Missing' },
    { Ref: 'AWS::Region' },
    { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] },
    { 'Fn::If': ['c', 1, 2] },
  ),
  fc.constantFrom(
    { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:x:1:q.fifo' },
    { 'Fn::Join': [':', ['a', { Ref: 'X' }]] },
    { 'Fn::Select': [9, []] },
  ),
  fc.constantFrom(
    'SQS',
    'Kinesis',
    'DynamoDB',
    'Api',
    'HttpApi',
    'S3',
    'SNS',
    'Schedule',
    'MSK',
    'AWS::Lambda::Function',
  ),
  fc.string({ maxLength: 8 }),
  fc.dictionary(fc.constantFrom('Type', 'Properties', 'Ref', 'Fn::GetAtt', 'BatchSize', 'Queue'), fc.integer(), {
    maxKeys: 3,
  }),
)

const mutated = fc
  .tuple(fc.nat(FIXTURES.length - 1), fc.array(fc.tuple(fc.nat(), randomValue), { minLength: 1, maxLength: 4 }))
  .map(([i, edits]) => {
    let data = parseTemplateText(FIXTURES[i] as string)
    for (const [n, value] of edits) {
      const all = paths(data)
      data = setAt(data, all[n % all.length] as (string | number)[], value)
    }
    return JSON.stringify(data)
  })

describe('importer fuzz', () => {
  it('random YAML/JSON-ish text: only TemplateError, every scenario valid (4,000 cases)', () => {
    fc.assert(
      fc.property(yamlish, (t) => check(t)),
      { numRuns: 3000, seed: 1 },
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => check(t)),
      { numRuns: 1000, seed: 2 },
    )
  })

  it('mutated fixtures: only TemplateError, every scenario valid (5,000 cases)', () => {
    fc.assert(
      fc.property(mutated, fc.constantFrom(...SHAPES), (t, w) => check(t, w)),
      { numRuns: 5000, seed: 3 },
    )
  })

  it('fixtures cut at a random place, as YAML text (1,000 cases)', () => {
    const cut = fc.tuple(fc.nat(FIXTURES.length - 1), fc.nat()).map(([i, n]) => {
      const t = FIXTURES[i] as string
      return t.slice(0, n % (t.length + 1))
    })
    fc.assert(
      fc.property(cut, (t) => check(t)),
      { numRuns: 1000, seed: 4 },
    )
  })
}, 60000)
