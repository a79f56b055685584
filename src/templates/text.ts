/**
 * Template text (YAML or JSON) to plain data. CloudFormation's short forms (`!Ref X`, `!GetAtt A.B`,
 * ...) become their long-form objects, so the rest of the importer reads one shape. The yaml package
 * parses; this module only walks its node tree, iteratively and with caps, because the input is
 * untrusted: alias bombs, very deep nesting and huge files must end in a TemplateError quickly.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml'
import type { Document, Node, ScalarTag, CollectionTag } from 'yaml'
import { fail, TemplateError } from './errors'

export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
export const MAX_DEPTH = 200
/** Aliases expanded per template; CloudFormation templates rarely use any. */
export const MAX_ALIAS_COUNT = 100
/** Values produced in all, aliases expanded: a cap on what an alias chain can multiply into. */
const MAX_NODES = 500_000
const TOO_DEEP = `The template is nested too deeply to read (more than ${MAX_DEPTH} levels).`

/** Short form -> long-form key. `!Condition` and `!Ref` are not `Fn::` functions. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Base64': 'Fn::Base64',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Cidr': 'Fn::Cidr',
}

/**
 * The tags are declared so yaml accepts them on any node kind without a warning; they keep the node
 * as it is and the walk below turns tagged nodes into long forms (one place, depth-capped).
 */
const CFN_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (value: string) => value } as ScalarTag,
  { tag, collection: 'seq', resolve: (node: unknown) => node } as unknown as CollectionTag,
  { tag, collection: 'map', resolve: (node: unknown) => node } as unknown as CollectionTag,
])

export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** Parses template text into plain JSON-like data; throws TemplateError for anything unusable. */
export function parseTemplateText(text: unknown): unknown {
  if (typeof text !== 'string') fail(`A template is text (YAML or JSON), got ${typeof text}.`)
  if (utf8Length(text) > MAX_TEMPLATE_BYTES)
    fail(`The template is larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB; CloudFormation accepts at most 1 MB.`)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') fail('The template is empty.')
  try {
    return /^\s*[[{]/.test(body) ? fromJsonOrYaml(body) : fromYaml(body)
  } catch (e) {
    if (e instanceof TemplateError) throw e
    // Deep recursion inside the parser, or anything else unexpected: still one clear sentence.
    if (e instanceof RangeError) fail(TOO_DEEP)
    fail(`The template could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
}

function fromJsonOrYaml(body: string): unknown {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    // Flow-style YAML looks like JSON too (and JSON with comments is not JSON).
    return fromYaml(body)
  }
  return checkDepth(data)
}

function fromYaml(body: string): unknown {
  const doc = parseDocument(body, {
    customTags: CFN_TAGS,
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
  })
  const [error] = doc.errors
  if (error) {
    // yaml reports its own stack overflow on very deep input as a parse error.
    if (/call stack/i.test(error.message)) fail(TOO_DEEP)
    fail(`Not valid YAML or JSON: ${firstLine(error.message)}`)
  }
  try {
    // yaml's own alias-bomb guard first; the walk below has its caps as well.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true })
  } catch (e) {
    if (e instanceof ReferenceError) fail('The template expands YAML aliases too often (an alias bomb?).')
    throw e
  }
  return toPlain(doc)
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}

type Slot = { readonly node: unknown; readonly depth: number; readonly put: (value: unknown) => void }

/** The document as plain data, built with an explicit stack (no recursion, whatever the depth). */
function toPlain(doc: Document): unknown {
  let result: unknown = null
  let nodes = 0
  let aliases = 0
  const stack: Slot[] = [{ node: doc.contents, depth: 0, put: (v) => (result = v) }]
  while (stack.length > 0) {
    const slot = stack.pop() as Slot
    if (++nodes > MAX_NODES) fail('The template expands to too many values (an alias bomb?).')
    if (slot.depth > MAX_DEPTH) fail(TOO_DEEP)
    let node = slot.node
    if (isAlias(node)) {
      if (++aliases > MAX_ALIAS_COUNT) fail(`The template uses more than ${MAX_ALIAS_COUNT} YAML aliases.`)
      node = node.resolve(doc)
      if (node === undefined) fail('The template uses a YAML alias with no anchor.')
    }
    const tag = (node as Node | null)?.tag
    const longForm = tag !== undefined ? SHORT_FORMS[tag] : undefined
    const put = longForm
      ? (v: unknown) =>
          slot.put({ [longForm]: longForm === 'Fn::GetAtt' && typeof v === 'string' ? splitGetAtt(v) : v })
      : slot.put
    if (isScalar(node)) put(scalarValue(node.value))
    else if (isSeq(node)) {
      const out: unknown[] = new Array<unknown>(node.items.length)
      put(out)
      node.items.forEach((item, i) => stack.push({ node: item, depth: slot.depth + 1, put: (v) => (out[i] = v) }))
    } else if (isMap(node)) {
      const out: Record<string, unknown> = {}
      put(out)
      for (const pair of node.items) {
        if (!isPair(pair)) continue
        const key = isScalar(pair.key) ? pair.key.value : undefined
        if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean')
          fail('The template has a mapping key that is not plain text.')
        const name = String(key)
        // Own data property, never the prototype's setter: `__proto__` is just a (bad) key here.
        Object.defineProperty(out, name, { value: null, writable: true, enumerable: true, configurable: true })
        stack.push({ node: pair.value, depth: slot.depth + 1, put: (v) => (out[name] = v) })
      }
    } else if (node === null || node === undefined) put(null)
    else fail('The template holds a YAML value that is not data.')
  }
  return result
}

function scalarValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value
  if (typeof value === 'bigint') return Number(value)
  return String(value)
}

/** `!GetAtt Queue.Arn` is [Queue, Arn]; an attribute may itself hold dots (`Endpoint.Address`). */
function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.')
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)]
}

/** JSON.parse builds any depth; the importer reads at most MAX_DEPTH levels. */
function checkDepth(data: unknown): unknown {
  const stack: [unknown, number][] = [[data, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number]
    if (depth > MAX_DEPTH) fail(TOO_DEEP)
    if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stack.push([v, depth + 1])
  }
  return data
}
