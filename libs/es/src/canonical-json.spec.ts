import { describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json.js';

class Point {
  constructor(readonly x: number) {}
}

// Every hash and digest depends on this being byte for byte the library's RFC 8785 form.
const values: unknown[] = [
  null,
  true,
  0,
  -0,
  1e21,
  1.5e-7,
  123456789012345680000,
  0.1 + 0.2,
  'plain',
  'quote " backslash \\ newline \n tab \t \u0001 \u001f \u007f é ß 中',
  'emoji 😀 pair',
  { b: 1, a: 2, A: 3, '10': 4, '2': 5, '': 6, é: 7, z: { y: [3, { d: 1, c: 2 }], x: null } },
  { outer: { same: 1, other: 2 }, inner: [{ other: 1 }, { same: 2, zz: 3 }], same: 'x' },
  { skipped: undefined, kept: 1 },
  [1, 'two', [3, [4, { five: 5 }]], {}, []],
  { constructor: 1, toString: 'x', nested: {} },
  { date: new Date('2026-05-01T10:00:00.000Z'), point: new Point(1) },
  { toJSON: 'not a function', a: 1 },
  JSON.parse('{"__proto__": {"polluted": 1}, "other": {}}'),
  { stream: 'Round-r1', type: 'RoundPlanned', data: { roundId: 'r1', amountCents: 100000000, areas: [{ code: 'BU03630001' }] }, metadata: { actor: 'staff-1', $correlationId: 'c', previousHash: '0'.repeat(64) } },
];

describe('canonicalJson', () => {
  it.each(values.map((value, i) => [i, value]))('writes value %i exactly as canonicalize does', (_, value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('fails where canonicalize fails: a lone surrogate, a number that is not finite', () => {
    for (const bad of [{ a: '\uD800' }, { ['\uDC00']: 1 }, [Number.NaN], { a: Number.POSITIVE_INFINITY }]) {
      expect(() => canonicalize(bad)).toThrow();
      expect(() => canonicalJson(bad)).toThrow();
    }
  });

  it('writes arrays with holes and undefined entries as canonicalize does', () => {
    // eslint-disable-next-line no-sparse-arrays
    for (const odd of [[1, , 3], [undefined, 2], { a: [undefined] }]) expect(canonicalJson(odd)).toBe(canonicalize(odd));
  });
});
