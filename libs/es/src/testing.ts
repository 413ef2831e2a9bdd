export * from './testing/decider-specification.js';
export * from './testing/golden-events.js';
export * from './testing/reactor-specification.js';
