/** `?compare=<workload id>&t=<ms>`: the compare page and the shared clock's time. */
export interface CompareLink {
  readonly workloadId: string
  readonly time: number
}

export function readCompareLink(search: string): CompareLink | null {
  const params = new URLSearchParams(search)
  const id = params.get('compare')
  if (id === null) return null
  const t = params.get('t')
  return { workloadId: id.slice(0, 80), time: t !== null && /^\d{1,10}$/.test(t) ? Number(t) : 0 }
}

export function compareQuery(workloadId: string, time: number): string {
  const params = new URLSearchParams({ compare: workloadId })
  if (time > 0) params.set('t', String(Math.floor(time)))
  return `?${params.toString()}`
}
