import { describe, expect, it } from 'vitest'
import { embedParams } from './urlOptions'

describe('iframe options from the URL', () => {
  it('reads the query', () => {
    const get = embedParams({ search: '?scenario=async-retries&step=3', hash: '' })
    expect([get('scenario'), get('step'), get('theme')]).toEqual(['async-retries', '3', null])
  })

  it('reads the hash when a redirect dropped the query (embed.html → /embed)', () => {
    const get = embedParams({ search: '', hash: '#scenario=sqs-batch-failure&controls=none&id=f1' })
    expect([get('scenario'), get('controls'), get('id')]).toEqual(['sqs-batch-failure', 'none', 'f1'])
    expect(embedParams({ search: '', hash: '#?theme=dark' })('theme')).toBe('dark')
  })

  it('a name in the query wins over the same name in the hash; others still come from the hash', () => {
    const get = embedParams({ search: '?scenario=sync-basics', hash: '#scenario=async-retries&step=2' })
    expect([get('scenario'), get('step')]).toEqual(['sync-basics', '2'])
  })

  it('an encoded scenario (share-link s= value) survives in the hash', () => {
    const s = 'eyJ2ZXJzaW9uIjoxfQ'
    expect(embedParams({ search: '', hash: `#scenario=${s}` })('scenario')).toBe(s)
  })
})
