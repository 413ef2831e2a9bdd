export * from './testing/decider-specification.js';
