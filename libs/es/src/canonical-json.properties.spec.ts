import { describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalEventJson, canonicalJson } from './canonical-json.js';

/**
 * The hand-written writer against the `canonicalize` library over generated JSON values: every hash
 * and digest depends on the two agreeing byte for byte, and where the library refuses a value (a lone
 * surrogate) the writer must refuse it too.
 */

/** What the library answers: its text, or that it throws. */
const library = (value: unknown): { text: string | undefined } | { throws: true } => {
  try {
    return { text: canonicalize(value) };
  } catch {
    return { throws: true };
  }
};
const ours = (write: () => string | undefined): { text: string | undefined } | { throws: true } => {
  try {
    return { text: write() };
  } catch {
    return { throws: true };
  }
};

/** Numbers where the shortest round-trip form is easy to get wrong: signed zero, exponents, the extremes. */
const edgeNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  1e21,
  1e-7,
  1.5e-7,
  9.999999999999999e20,
  123456789012345680000,
  5e-324,
  -5e-324,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.EPSILON,
  0.1 + 0.2,
  2 ** 53 + 2,
  1e300,
  1e-300,
);
const number = fc.oneof(edgeNumber, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.double({ min: -1e-5, max: 1e-5, noNaN: true }), fc.double({ min: 1e15, max: 1e25, noNaN: true }));

/** Strings of any code units (lone surrogates included), of full code points, of what JSON must escape, and of the usual kind. */
const string = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('a', 'é', '中', '😀', '"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\uD800', '\uDC00', '\uFFFF') }),
  fc.string(),
);

/** Arbitrary JSON with unicode keys, the numbers above and deep nesting of arrays and objects. */
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    string,
    fc.array(tie('json'), { maxLength: 6 }),
    fc.dictionary(string, tie('json'), { maxKeys: 6 }),
  ),
}));

const runs = { numRuns: 2000 };

describe('canonicalJson against canonicalize (RFC 8785)', () => {
  it('writes fc.jsonValue exactly as the library does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(ours(() => canonicalJson(value))).toEqual(library(value));
      }),
      runs,
    );
  });

  it('writes JSON with unicode keys, any string and every kind of number exactly as the library does, or refuses where it refuses', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(ours(() => canonicalJson(value))).toEqual(library(value));
      }),
      runs,
    );
  });

  it('writes numbers, strings and nested arrays exactly as the library does', () => {
    fc.assert(
      fc.property(fc.oneof(number, string, fc.array(fc.array(fc.oneof(number, string), { maxLength: 4 }), { maxLength: 4 })), (value) => {
        expect(ours(() => canonicalJson(value))).toEqual(library(value));
      }),
      runs,
    );
  });

  it('writes an event document (metadata without its hash, with the previous hash) exactly as the library writes the copy', () => {
    const metadata = fc.dictionary(string, json, { maxKeys: 6 });
    fc.assert(
      fc.property(string, string, json, metadata, string, (stream, type, data, meta, previous) => {
        const { hash: _hash, ...rest } = meta;
        const copy = { stream, type, data, metadata: { ...rest, previousHash: previous } };
        expect(ours(() => canonicalEventJson(stream, type, data, meta, 'hash', 'previousHash', previous))).toEqual(library(copy));
      }),
      runs,
    );
  });
});
