import { describe, expect, it } from 'vitest'
import { md5Hex, md5Words, utf8 } from './md5'

describe('md5 (RFC 1321 test suite)', () => {
  const vectors: [string, string][] = [
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    [
      '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
      '57edf4a22be3c955ac49da2e2107b67a',
    ],
    ['The quick brown fox jumps over the lazy dog', '9e107d9d372bb6826bd81d3542a419d6'],
  ]
  for (const [input, hex] of vectors) {
    it(`md5(${JSON.stringify(input.length > 20 ? input.slice(0, 20) + '…' : input)}) = ${hex}`, () => {
      expect(md5Hex(input)).toBe(hex)
    })
  }

  it('hashes across the 55/56/64-byte padding boundaries', () => {
    // Known digests of 'a' repeated (computed with a reference implementation).
    expect(md5Hex('a'.repeat(55))).toBe('ef1772b6dff9a122358552954ad0df65')
    expect(md5Hex('a'.repeat(56))).toBe('3b0c8ac703f828b04c6c197006d17218')
    expect(md5Hex('a'.repeat(64))).toBe('014842d480b571495a4a0363793f7367')
  })

  it('encodes UTF-8 (multi-byte and astral characters)', () => {
    expect(utf8('é')).toEqual([0xc3, 0xa9])
    expect(utf8('€')).toEqual([0xe2, 0x82, 0xac])
    expect(utf8('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80])
    expect(md5Hex('é')).toBe('66ddcd97cfdeabb2f6fb8a999b4bc76f')
    expect(md5Hex('€uro')).toBe('36f9d3bb76279be66536e2d4e250c7ad')
    expect(md5Hex('😀')).toBe('2a02eac39d716a70ecf37579185927b6')
  })

  it('words are the digest read big-endian, as unsigned 32-bit numbers', () => {
    const w = md5Words('abc')
    expect(w).toEqual([0x90015098, 0x3cd24fb0, 0xd6963f7d, 0x28e17f72])
    for (const x of w) expect(x).toBeGreaterThanOrEqual(0)
  })
})
