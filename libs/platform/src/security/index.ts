export * from './rate-limit.middleware.js';
export * from './trust-proxy.js';
export * from './json-reviver.js';
export * from './erasure/index.js';
export * from './nul-in-query.middleware.js';
export * from './rate-limits.js';
