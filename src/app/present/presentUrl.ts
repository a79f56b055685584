/** `present=1` in the address bar, kept beside the share parameters so the link reopens presenting. */
export const PRESENT_PARAM = 'present'

export function isPresentUrl(search: string): boolean {
  const v = new URLSearchParams(search).get(PRESENT_PARAM)
  return v === '1' || v === 'true'
}

/** The query to append to a share query while presenting (empty otherwise). */
export function presentSuffix(on: boolean): string {
  return on ? `&${PRESENT_PARAM}=1` : ''
}

export function withPresent(search: string, on: boolean): string {
  const params = new URLSearchParams(search)
  if (on) params.set(PRESENT_PARAM, '1')
  else params.delete(PRESENT_PARAM)
  const q = params.toString()
  return q ? `?${q}` : ''
}
