export * from './esdb-event-store.js';
export * from './esdb-errors.js';
export * from './esdb-subscription.js';
