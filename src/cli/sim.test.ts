import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectReportShape } from '../engine/__tests__/reportShape'

/** `npm run sim` end to end: the real CLI in a child process, as a user or a tool would run it. */
function sim(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60000,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const dir = mkdtempSync(join(tmpdir(), 'lem-sim-'))
function file(name: string, body: unknown): string {
  const p = join(dir, name)
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body))
  return p
}

describe('npm run sim', () => {
  it('prints only the JSON report on stdout for a valid scenario file', () => {
    const r = sim(['src/scenarios/presets/sync-basics.json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expectReportShape(report)
    expect(report).toMatchObject({ scenario: 'sync-basics', model: 'sync', seed: 1 })
  })

  it('reads standard input with -', () => {
    const r = sim(['-'], JSON.stringify({ version: 1, model: 'sync', workload: [{ count: 2 }] }))
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).events).toHaveLength(2)
  })

  it('--metrics-only leaves out the events list; --trace adds the transition log', () => {
    const m = JSON.parse(sim(['src/scenarios/presets/sync-basics.json', '--metrics-only']).out)
    expectReportShape(m, false)
    const t = JSON.parse(sim(['src/scenarios/presets/sync-basics.json', '--trace']).out)
    expect(t.trace.length).toBeGreaterThan(5)
    expect(t.trace[0]).toMatchObject({ at: 0, type: 'arrived' })
  })

  it('--metrics-only gives the same metrics and end as the full report, for every preset', () => {
    for (const id of [
      'sync-caller-timeout',
      'sync-burst-scaling',
      'async-retries',
      'sqs-redrive-dlq',
      'kinesis-bisect-poison',
    ]) {
      const path = `src/scenarios/presets/${id}.json`
      const full = JSON.parse(sim([path]).out)
      const lean = JSON.parse(sim([path, '--metrics-only']).out)
      expect(lean).toEqual({
        scenario: full.scenario,
        model: full.model,
        seed: full.seed,
        endedAtMs: full.endedAtMs,
        metrics: full.metrics,
      })
    }
  }, 120_000)

  it('an invalid scenario exits 2 with one line per problem naming the path, the value and what is allowed', () => {
    const p = file('bad.json', {
      version: 1,
      model: 'sync',
      workload: [{ count: 0 }],
      function: { timeout: 901, timout: 3 },
    })
    const r = sim([p])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/workload\[0\]\.count: .*1 .*100000/)
    expect(r.err).toMatch(/function\.timeout: .*900.*\(got 901\)/)
    expect(r.err).toMatch(/function\.timout: unknown field/)
  })

  it('malformed JSON, a missing file and a bad option are clear errors, not stack traces', () => {
    const bad = sim([file('broken.json', '{ "version": 1, ')])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/not valid JSON/)
    expect(bad.err).not.toMatch(/at .*\.ts:\d+/)
    const missing = sim([join(dir, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/Cannot read/)
    expect(sim(['--bogus', 'x.json']).code).toBe(2)
  })
})
