/**
 * Everything the template importer refuses is a TemplateError with one plain sentence, so a CLI can
 * print it as one line and a panel can show it as is: bad input never surfaces as a stack trace.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError'
}

export function fail(message: string): never {
  throw new TemplateError(message)
}

/** A value shown in a message: JSON-like and short, so one line stays one line. */
export function show(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
