export * from './store-scan.js';
export * from './round-seal.js';
export * from './verify-store.js';
export * from './history.js';
