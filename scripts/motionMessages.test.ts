import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { emptyMotionMessages } from './motionMessages'

describe('motion messages emptied in the builds (no-ops outside development)', () => {
  it('empties the message of warning and invariant, keeping the check and the code', () => {
    expect(
      emptyMotionMessages('warning(Boolean(type), `\'${color}\' is not ${a ? "x" : "y"}.`, "color-not-animatable");'),
    ).toBe('warning(Boolean(type), "", "color-not-animatable");')
    expect(emptyMotionMessages('invariant(f(a, b) <= g[1], "Both ranges, same length", "range-length")')).toBe(
      'invariant(f(a, b) <= g[1], "", "range-length")',
    )
  })

  it('leaves warnOnce (it warns in production), methods, definitions and other code alone', () => {
    for (const code of [
      'warnOnce(false, "motion() is deprecated.")',
      'x.warning(a, "kept")',
      'let warning = () => {}; warning = (check, message, errorCode) => { console.warn(message) }',
      'function invariant(check, message) {}',
      'invariant(false)',
    ])
      expect(emptyMotionMessages(code)).toBe(code)
  })

  it("leaves motion's production no-ops as they are (the premise)", () => {
    const errors = readFileSync('node_modules/motion-utils/dist/es/errors.mjs', 'utf8')
    expect(errors).toMatch(/let warning = \(\) => \{ \};\s*let invariant = \(\) => \{ \};/)
    expect(errors).toContain('NODE_ENV !== "production"')
  })

  it('empties every message in a real motion module', () => {
    const src = readFileSync('node_modules/motion-dom/dist/es/animation/utils/can-animate.mjs', 'utf8')
    const out = emptyMotionMessages(src)
    expect(out).not.toContain('is not an animatable value')
    expect(out).toContain('"value-not-animatable"')
  })
})
