export * from './principal.js';
export * from './token-verifier.js';
export * from './auth.decorators.js';
export * from './auth.guard.js';
export * from './app-tokens.js';
export * from './voter-tokens.js';
export * from './resident-tokens.js';
export * from './resident-sign-in/index.js';
