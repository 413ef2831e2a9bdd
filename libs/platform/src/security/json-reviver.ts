/** Keys that can reach an object's prototype through a careless merge or class transformation. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse reviver for request bodies: a key that could pollute a prototype makes the body
 * invalid (400), wherever it sits, instead of being dropped silently or merged into an object.
 */
export function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`The key "${key}" is not allowed in a request body`);
  return value;
}
