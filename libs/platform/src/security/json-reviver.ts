/** Keys that can reach an object's prototype through a careless merge or class transformation. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** U+0000, or half of a surrogate pair: no text holds them, and PostgreSQL cannot store them in jsonb. */
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON.parse reviver for request bodies: a key that could pollute a prototype makes the body
 * invalid (400), wherever it sits, instead of being dropped silently or merged into an object; so
 * does text no store can keep (U+0000, a lone surrogate), which would otherwise fail only at the
 * append, and a number too large to be exact (`1e300` is an integer to class-validator).
 */
export function refuseUnsafeJson(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`The key "${key}" is not allowed in a request body`);
  if (UNSTORABLE.test(key) || (typeof value === 'string' && UNSTORABLE.test(value))) {
    throw new SyntaxError('A request body may not hold the character U+0000 or half of a surrogate pair (\\u0000, a lone \\ud800–\\udfff)');
  }
  if (typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new SyntaxError('A number in a request body must lie within ±9007199254740991 (2^53 − 1): beyond it no amount or count is exact');
  }
  return value;
}

/**
 * body-parser `verify` for text bodies (CSV): a NUL byte makes the body invalid (400). Lone
 * surrogates cannot arise there: invalid UTF-8 is read as U+FFFD.
 */
export function refuseNulInText(_request: unknown, _response: unknown, body: Buffer): void {
  if (body.includes(0)) throw Object.assign(new Error('A text body may not hold the NUL character (U+0000)'), { status: 400, expose: true });
}
