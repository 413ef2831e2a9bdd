export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './position.js';
export * from './stream-name.js';
