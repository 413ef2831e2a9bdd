export * from './decider.js';
export * from './domain-error.js';
export * from './envelope.js';
export * from './command-handler.js';
export * from './hash-chain.js';
export * from './stream-name.js';
export * from './store-scan.js';
export * from './round-seal.js';
