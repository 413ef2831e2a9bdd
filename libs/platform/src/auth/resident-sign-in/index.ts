export * from './resident-oidc.js';
export * from './resident-sign-in.controller.js';
export * from './resident-sign-in.limiter.js';
export * from './resident-sign-in.module.js';
