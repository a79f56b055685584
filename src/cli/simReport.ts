import { writeSync } from 'node:fs'
import { createSim, runToEnd, writeReport, type Scenario } from '../engine'

/**
 * What `npm run sim` does once the scenario is parsed: run it and write the report. Its own module
 * so `npm run bench` measures exactly this work, without the process start-up.
 */
export function simReport(
  scenario: Scenario,
  opts: { readonly metricsOnly: boolean; readonly trace: boolean },
  fd = 1,
): void {
  const { metricsOnly, trace } = opts
  // Without the per-event list the engine need not keep finished events (a fraction of the memory).
  // A full report keeps finished events as numbers, not records (engine packed.ts): the same report.
  const keepEvents = !metricsOnly || trace
  const { state, transitions } = runToEnd(createSim(scenario, { keepEvents, packEvents: keepEvents }), trace)
  // Written a piece at a time: a million-event report whole is ~300 MB of text (see reportText.ts).
  writeReport(state, { metricsOnly }, trace ? transitions : null, (bytes) => writeAll(fd, bytes))
}

/**
 * Writes to `fd` before returning. `process.stdout.write` queues what a pipe cannot take at once,
 * so a report piped to a slower reader was held in memory whole (3.8 GB at a million events); a
 * piece written here has left the process when the next one is made.
 */
export function writeAll(fd: number, text: string | Uint8Array): void {
  let buf = typeof text === 'string' ? Buffer.from(text) : text
  while (buf.length > 0) {
    try {
      buf = buf.subarray(writeSync(fd, buf))
    } catch (e) {
      // A non-blocking descriptor (some pipes and terminals) that is full: wait for the reader.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
    }
  }
}
