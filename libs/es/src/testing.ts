export * from './testing/decider-specification.js';
export * from './testing/golden-events.js';
