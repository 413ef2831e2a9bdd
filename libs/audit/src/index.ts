export { scanAll, belongsToRound, computeRoundSeal, type RoundSeal } from '@lib/es';
export * from './audit-domain.js';
export * from './verify-store.js';
export * from './history.js';
export * from './seal-round.js';
export * from './state-as-of.js';
export * from './recount.js';
export * from './round-record.js';
export * from './round-record.render.js';
