/**
 * Options shared by the three embeds (iframe URL parameters, custom element attributes, React
 * props): which scenario, which step, autoplay, which controls, theme, height. Reading never throws:
 * a bad value is reported in `problems` (shown in the embed) and replaced by its default.
 */

export type ControlsMode = 'none' | 'minimal' | 'full'
export type ThemeMode = 'light' | 'dark' | 'auto'

export interface EmbedOptions {
  /** A preset id, or an encoded scenario (the `s=` value of a share link). */
  readonly scenario: string | null
  readonly step: number
  readonly autoplay: boolean
  readonly controls: ControlsMode
  readonly theme: ThemeMode
  /** Height in CSS pixels, or null for the embed's natural height. */
  readonly height: number | null
  /** A lesson id (docs/LESSONS.md): its stops beside the stage, its scenario on it. */
  readonly lesson: string | null
  /** The lesson's stop to open at, from 1. */
  readonly stop: number
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  scenario: null,
  step: 0,
  autoplay: false,
  controls: 'minimal',
  theme: 'auto',
  height: null,
  lesson: null,
  stop: 1,
}

export const EMBED_ATTRIBUTES = [
  'scenario',
  'step',
  'autoplay',
  'controls',
  'theme',
  'height',
  'lesson',
  'stop',
] as const

export interface ReadOptions {
  readonly options: EmbedOptions
  readonly problems: readonly string[]
}

const MAX_SCENARIO_CHARS = 200_000

function show(v: string): string {
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
}

/** Reads string-valued options (URL parameters or attributes); null or absent means the default. */
export function readEmbedOptions(
  get: (name: (typeof EMBED_ATTRIBUTES)[number]) => string | null | undefined,
): ReadOptions {
  const problems: string[] = []
  const d = DEFAULT_EMBED_OPTIONS
  const raw = (name: (typeof EMBED_ATTRIBUTES)[number]): string | null => {
    try {
      const v = get(name)
      return typeof v === 'string' ? v.trim() : null
    } catch {
      return null
    }
  }
  let scenario = raw('scenario')
  if (scenario !== null && (scenario === '' || scenario.length > MAX_SCENARIO_CHARS)) {
    problems.push(
      scenario === ''
        ? 'scenario is empty: showing the default scenario'
        : 'scenario is too long to be a scenario: showing the default scenario',
    )
    scenario = null
  }
  const stepText = raw('step')
  let step = d.step
  if (stepText !== null && stepText !== '') {
    if (/^\d{1,9}$/.test(stepText)) step = Number(stepText)
    else problems.push(`step ${show(stepText)} is not a whole number of steps: starting at step 0`)
  }
  const autoplayText = raw('autoplay')
  let autoplay = d.autoplay
  if (autoplayText !== null) {
    if (autoplayText === '' || autoplayText === 'true' || autoplayText === '1') autoplay = true
    else if (autoplayText === 'false' || autoplayText === '0') autoplay = false
    else problems.push(`autoplay ${show(autoplayText)} should be true or false: not playing`)
  }
  const controls = choice(raw('controls'), ['none', 'minimal', 'full'] as const, d.controls, 'controls', problems)
  const theme = choice(raw('theme'), ['light', 'dark', 'auto'] as const, d.theme, 'theme', problems)
  const heightText = raw('height')
  let height = d.height
  if (heightText !== null && heightText !== '') {
    const m = /^(\d{2,5})(px)?$/.exec(heightText)
    const px = m ? Number(m[1]) : NaN
    if (px >= 200 && px <= 4000) height = px
    else
      problems.push(
        `height ${show(heightText)} should be a number of pixels from 200 to 4000: using the natural height`,
      )
  }
  let lesson = raw('lesson')
  if (lesson !== null && !/^[a-z0-9-]{1,60}$/.test(lesson)) {
    problems.push(`lesson ${show(lesson)} is not a lesson id (like "start-here"): showing no lesson`)
    lesson = null
  }
  const stopText = raw('stop')
  let stop = d.stop
  if (stopText !== null && stopText !== '') {
    if (/^\d{1,3}$/.test(stopText) && Number(stopText) >= 1) stop = Number(stopText)
    else problems.push(`stop ${show(stopText)} should be a stop number from 1: opening the first stop`)
  }
  return { options: { scenario, step, autoplay, controls, theme, height, lesson, stop }, problems }
}

function choice<T extends string>(
  v: string | null,
  allowed: readonly T[],
  fallback: T,
  name: string,
  problems: string[],
): T {
  if (v === null || v === '') return fallback
  if ((allowed as readonly string[]).includes(v)) return v as T
  problems.push(`${name} ${show(v)} should be one of ${allowed.join(', ')}: using ${fallback}`)
  return fallback
}
